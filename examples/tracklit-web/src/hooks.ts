/**
 * The app's data hooks: each one is a TanStack Query hook over `@aria/client/react`'s typed
 * options. Copy them; they carry no Aria logic of their own.
 */
import type { RouterInputs } from '@aria/client';
import { useAria, useAskStream } from '@aria/client/react';
import { skipToken, useMutation, useQuery } from '@tanstack/react-query';

export { useAskStream };

export function useAthlete() {
  return useQuery(useAria().athletes.get.queryOptions());
}

export function useConversations() {
  return useQuery(useAria().coaching.conversations.queryOptions());
}

export function useUsage() {
  return useQuery(useAria().billing.usage.queryOptions());
}

export function usePlans() {
  return useQuery(useAria().plans.list.queryOptions());
}

export function useGeneratePlan() {
  return useMutation(useAria().plans.generate.mutationOptions());
}

export type PlanRequest = RouterInputs['plans']['generate'];

/** Today's session of a plan, adapted to readiness; idle until there is a plan. */
export function useToday(planId: string | undefined) {
  const aria = useAria();
  return useQuery(aria.plans.today.queryOptions(planId ? { id: planId } : skipToken));
}

export function useReadiness() {
  return useQuery(useAria().wearables.readiness.queryOptions());
}

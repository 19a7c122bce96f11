/**
 * One Aria client and one query client for the app. The token is read before every request,
 * so signing in (or a refreshed TrackLit session) takes effect without a new client.
 */
import { type AriaClient, createAriaClient } from '@aria/client';
import { createAriaQueryClient } from '@aria/client/react';
import type { QueryClient } from '@tanstack/react-query';

const tokenKey = 'aria.token';

export const session = {
  token: (): string => sessionStorage.getItem(tokenKey) ?? '',
  signIn: (token: string): void => sessionStorage.setItem(tokenKey, token.trim()),
  signOut: (): void => sessionStorage.removeItem(tokenKey),
};

/** Aria's tRPC endpoint: same origin by default (Vite forwards /trpc to the Aria server). */
const ariaUrl = new URL(import.meta.env.VITE_ARIA_URL ?? '/trpc', window.location.href);

export const ariaClient: AriaClient = createAriaClient({ url: ariaUrl, token: session.token });

/** Refreshes what each mutation changed (asking → conversations and usage, …). */
export const queryClient: QueryClient = createAriaQueryClient({
  defaultOptions: {
    // A refused call (401, 402, 429) will not succeed by retrying at once.
    queries: { retry: false, refetchOnWindowFocus: false },
  },
});

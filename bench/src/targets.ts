// The Aria rows that `bench:profile` and `bench:compare` load one at a time, and the shapes
// Aria runs in for them (see ../README.md).
import { serviceReadPath } from './pool.js';

export function profileTargets(serviceAthleteId: string) {
  return {
    live: { path: '/health/live' },
    tiers: { path: '/trpc/billing.tiers' },
    'rest-tiers': { path: '/v1/tiers' },
    service: { path: serviceReadPath(serviceAthleteId), service: true },
    metered: { path: '/trpc/athletes.get', metered: true },
  } as const;
}
export type TargetName = keyof ReturnType<typeof profileTargets>;
export type Target = ReturnType<typeof profileTargets>[TargetName];

export const shapes = ['prod', 'pg+memory', 'embedded'] as const;
export type Shape = (typeof shapes)[number];

const targetNames: readonly string[] = Object.keys(profileTargets(''));

export function isTarget(name: string | undefined): name is TargetName {
  return name !== undefined && targetNames.includes(name);
}
export function isShape(name: string | undefined): name is Shape {
  return shapes.some((shape) => shape === name);
}

export const targetUsage = `<${targetNames.join('|')}> [${shapes.join('|')}]`;

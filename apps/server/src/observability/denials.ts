/** Problem codes that mean "metering refused this call" (see `packages/core/src/errors.ts`). */
export const denialCodes = ['RATE_LIMITED', 'QUOTA_EXCEEDED'] as const;
export type DenialCode = (typeof denialCodes)[number];

const codeForStatus: Readonly<Record<number, DenialCode>> = {
  429: 'RATE_LIMITED',
  402: 'QUOTA_EXCEEDED',
};

/** Statuses whose body may name a denial: the two denial statuses and a tRPC mixed batch. */
const inspectedStatuses = new Set([402, 429, 207]);

function isDenialCode(value: unknown): value is DenialCode {
  return value === 'RATE_LIMITED' || value === 'QUOTA_EXCEEDED';
}

/** Every `code` property in a JSON value that is a denial code (problem+json or tRPC errors). */
function collectCodes(value: unknown, into: DenialCode[], depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectCodes(item, into, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key === 'code' && isDenialCode(child)) into.push(child);
    else collectCodes(child, into, depth + 1);
  }
}

/** Whether `denialsIn` can find any: only a 402, a 429 or a tRPC mixed batch (207). */
export function mayNameDenials(response: Response): boolean {
  return inspectedStatuses.has(response.status);
}

/**
 * The metering denials a response carries, read without consuming it: REST answers one
 * problem (`code`), tRPC one error or a batch of them (`error.json.data.code`). Streamed
 * responses (JSON lines, SSE) are not read; a 402/429 whose body cannot be read counts once.
 */
export async function denialsIn(response: Response): Promise<DenialCode[]> {
  if (!mayNameDenials(response)) return [];
  const fallback = codeForStatus[response.status];
  const contentType = response.headers.get('content-type') ?? '';
  const readable = /json/i.test(contentType) && !/jsonl|event-stream/i.test(contentType);
  if (!readable || response.body === null) return fallback ? [fallback] : [];
  try {
    const codes: DenialCode[] = [];
    collectCodes(await response.clone().json(), codes);
    return codes.length > 0 ? codes : fallback ? [fallback] : [];
  } catch {
    return fallback ? [fallback] : [];
  }
}

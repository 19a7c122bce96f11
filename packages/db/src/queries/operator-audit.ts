import { desc } from 'drizzle-orm';
import type { AriaDatabase } from '../client.js';
import { type OperatorAuditEntry, operatorAuditLog } from '../schema/events.js';

export interface OperatorAction {
  /** The operator's user id (or `service`). */
  readonly actorId: string;
  /** What was done, e.g. `events.replay`. */
  readonly action: string;
  readonly target?: string | undefined;
  readonly details?: Record<string, unknown>;
}

/** Writes one operator action to the audit log; pass the action's transaction when it has one. */
export async function recordOperatorAction(db: AriaDatabase, action: OperatorAction) {
  await db.insert(operatorAuditLog).values({
    actorId: action.actorId,
    action: action.action,
    target: action.target ?? null,
    details: action.details ?? {},
  });
}

export async function listOperatorActions(
  db: AriaDatabase,
  page: { readonly limit: number; readonly offset: number },
): Promise<OperatorAuditEntry[]> {
  return db
    .select()
    .from(operatorAuditLog)
    .orderBy(desc(operatorAuditLog.createdAt), desc(operatorAuditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

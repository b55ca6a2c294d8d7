import type { GraphQLError } from 'graphql';
import { DomainError } from '../../common/errors.js';
import type { Logger } from '../../common/logger.js';
import type { Viewer } from '../../graphql/context.js';
import { originalOf } from '../../graphql/format-error.js';
import type { JournalService } from './journal.service.js';

export interface RefusalOrigin {
  transport: 'http' | 'ws';
  ip?: string;
  operationName?: string | null;
}

/**
 * Journals every `FORBIDDEN` a signed-in viewer was given (SPEC §6: permission refusals are in the
 * journal). Runs after the refused operation, in a transaction of its own: the refused work never
 * started or was rolled back, and the refusal row is its only trace. Anonymous requests are not
 * journaled (they get `UNAUTHENTICATED` and would let anyone fill the journal).
 */
export async function journalRefusals(
  journal: JournalService,
  logger: Logger,
  viewer: Viewer | null,
  errors: readonly GraphQLError[],
  origin: RefusalOrigin,
): Promise<void> {
  if (!viewer) return;
  const refusals = errors.flatMap((error) => {
    const original = originalOf(error);
    if (!(original instanceof DomainError) || original.code !== 'FORBIDDEN') return [];
    const field = typeof error.path?.[0] === 'string' ? error.path[0] : (origin.operationName ?? 'operation');
    const permission = typeof original.details.permission === 'string' ? original.details.permission : null;
    return [{ field, permission, message: original.message }];
  });
  if (refusals.length === 0) return;
  try {
    await journal.record(async () => ({
      result: undefined,
      journal: refusals.map(({ field, permission, message }) => ({
        actor: viewer,
        action: 'auth.forbidden',
        objectType: 'Operation',
        objectId: field,
        summary: `${viewer.name} was refused ${field}${permission ? ` (needs ${permission})` : ''}`,
        context: { permission, reason: message, transport: origin.transport, ip: origin.ip, operationName: origin.operationName ?? null },
      })),
    }));
  } catch (error) {
    logger.error('Could not journal a permission refusal', { error: (error as Error).message });
  }
}

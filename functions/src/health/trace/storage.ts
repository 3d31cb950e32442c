import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditKey, batchGetAll, db } from '../../lib/dynamo';
import { auditTable } from '../../lib/env';
import { codePointerKey } from '../keys';
import { healthTable } from '../table';

/** What tracing writes and reads beside the records: its audit row, and the residents behind QR subjects. */

/**
 * Records who traced what and why, before the answer is given. Returns the audit id (the row's
 * nonce), which the official is shown.
 */
export async function auditTrace(officialId: string, what: Record<string, string>, reason: string, now: string) {
  const nonce = randomBytes(6).toString('base64url');
  await db().send(
    new PutCommand({
      TableName: auditTable(),
      Item: {
        ...auditKey('HEALTH#TRACE', new Date(now), officialId, nonce),
        action: `health.trace.${what.placeId ? 'place' : 'resident'}`,
        actorId: officialId,
        ...what,
        reason,
        at: now,
      },
    }),
  );
  return nonce;
}

/** The residents behind QR subjects (officials' tracing links rows to residents). */
export async function residentsOfCodes(codeIds: string[]): Promise<Map<string, string>> {
  const T = healthTable();
  const out = await batchGetAll({ [T]: [...new Set(codeIds)].map(codePointerKey) });
  return new Map((out[T] ?? []).map((item) => [String(item.pk).slice('CODE#'.length), String(item.residentId)]));
}

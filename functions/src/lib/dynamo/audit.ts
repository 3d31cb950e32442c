import { randomUUID } from 'node:crypto';
import { auditTable } from '../env';
import type { TransactItem } from './transact';

/** The audit table's key: rows of one subject in time order, never two alike. */
export const auditKey = (subject: string, at: Date, actorId: string, nonce: string = randomUUID()) => ({
  pk: subject,
  sk: `${at.toISOString()}#${actorId}#${nonce}`,
});

/** An audit row as a transaction item: who did what to `subject`, written with the change itself. */
export function auditPut(subject: string, now: Date, actorId: string, fields: Record<string, unknown>): TransactItem {
  return {
    Put: {
      TableName: auditTable(),
      Item: { ...auditKey(subject, now, actorId), actorId, at: now.toISOString(), ...fields },
    },
  };
}

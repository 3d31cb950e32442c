import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditAction } from '@citycare/contract';
import { auditKey, db, queryPage } from '../../lib/dynamo';
import { auditTable } from '../../lib/env';
import { OFFICIAL_READS } from '../keys';
import { auditQuery, type AuditFilter } from './rules';

/** Officials' reads of residents' data: the audit row each one writes, and the log's pages. */

export interface ReadAudit {
  action: AuditAction;
  residentId?: string;
  placeId?: string;
  from?: string;
  to?: string;
  reason?: string;
  /** Reading the log: the official it was filtered by. */
  filterOfficialId?: string;
}

/**
 * Records that an official read residents' data, and why, before the answer is given. Returns
 * the row's id (its nonce): the 审计号 the official is shown.
 */
export async function auditRead(officialId: string, what: ReadAudit, now: string): Promise<string> {
  const { nonce, put } = auditReadPut(officialId, what, now);
  await db().send(new PutCommand(put));
  return nonce;
}

/** The row auditRead writes, as a Put to join a transaction (a paper code's print and its idempotency record). */
export function auditReadPut(officialId: string, what: ReadAudit, now: string) {
  const nonce = randomBytes(6).toString('base64url');
  const fields = Object.fromEntries(Object.entries(what).filter(([, v]) => v !== undefined));
  const Item = {
    ...auditKey(OFFICIAL_READS, new Date(now), officialId, nonce),
    actorId: officialId,
    at: now,
    ...fields,
  };
  return { nonce, put: { TableName: auditTable(), Item } };
}

/**
 * A place trace read these residents' visits: one row for each (about them, so each sees it in
 * 谁查看了我的信息), written a few at a time before the answer is given.
 */
export async function auditSeen(
  officialId: string,
  residentIds: string[],
  what: ReadAudit,
  now: string,
): Promise<void> {
  const ids = [...new Set(residentIds)];
  for (let i = 0; i < ids.length; i += 10) {
    await Promise.all(ids.slice(i, i + 10).map((residentId) => auditRead(officialId, { ...what, residentId }, now)));
  }
}

/** DynamoDB pages one log page may read while a filter skips rows (each at most `size` rows). */
const MAX_ROUNDS = 10;

/** The audit table's index of rows by resident (sparse: only rows with a residentId). */
export const INDEX_BY_RESIDENT = 'byResident';

/** The key attributes of a position in the query a filter makes (the index's carry the resident). */
export const positionKeys = (filter: AuditFilter) => (filter.residentId ? ['pk', 'sk', 'residentId'] : ['pk', 'sk']);

/**
 * One page of the log, newest first: up to `size` rows matching `filter`, from `start` (a row's
 * key) on. By resident: a Query of the byResident index; otherwise the officials' partition.
 * A filter by official is a FilterExpression: DynamoDB reads `size` rows at a time and keeps the
 * matching ones, for at most MAX_ROUNDS reads; `last` is where the next page starts (a page may
 * come back short, even empty, with a `last`, when the rows it read did not match).
 */
export async function auditPage(
  filter: AuditFilter,
  start: Record<string, unknown> | undefined,
  size: number,
): Promise<{ items: Record<string, unknown>[]; last?: Record<string, unknown> }> {
  const { key, filter: rest } = auditQuery(filter);
  const keys = positionKeys(filter);
  const items: Record<string, unknown>[] = [];
  let from = start;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await queryPage({
      TableName: auditTable(),
      ...(filter.residentId ? { IndexName: INDEX_BY_RESIDENT } : {}),
      KeyConditionExpression: key.expression,
      ...(rest ? { FilterExpression: rest.expression } : {}),
      ExpressionAttributeValues: { ...key.values, ...rest?.values },
      ScanIndexForward: false,
      Limit: size,
      ...(from ? { ExclusiveStartKey: from } : {}),
    });
    for (const item of page.items) {
      items.push(item);
      // A full page: the next one starts after its last row, wherever DynamoDB's read stopped.
      if (items.length === size) return { items, last: Object.fromEntries(keys.map((k) => [k, item[k]])) };
    }
    if (!page.last) return { items };
    from = page.last;
  }
  return { items, last: from };
}

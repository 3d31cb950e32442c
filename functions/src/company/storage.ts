import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { directoryKey } from '../auth/keys';
import {
  auditPut,
  db,
  queryAll,
  retryOnConflict,
  transact,
  TransactionCancelled,
  type TransactItem,
} from '../lib/dynamo';
import { directoryTable } from '../lib/env';
import { AppError, conflict } from '../lib/errors';
import { nothingWasDone } from '../lib/faults';
import type { Reply } from '../lib/http';
import { idempotencyPut, storedReply, type IdempotencyScope } from '../lib/idempotency';
import type { CompanyItem } from './items';
import {
  companyAuditSubject,
  companyKey,
  creditKey,
  INDEX_BY_OWNER,
  INDEX_BY_QUEUE,
  ownerPartition,
  queuePartition,
} from './keys';
import type { Step } from './rules';
import { companyTable } from './table';

/** The only code that reads and writes companies (and, on approval, the gate's directory entry). */

export const newCompanyId = () => `co-${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export async function getCompany(companyId: string): Promise<CompanyItem | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: companyTable(), Key: companyKey(companyId), ConsistentRead: true }),
  );
  return out.Item as CompanyItem | undefined;
}

export const companiesOf = (userId: string) =>
  queryAll<CompanyItem>({
    TableName: companyTable(),
    IndexName: INDEX_BY_OWNER,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': ownerPartition(userId) },
    ScanIndexForward: false,
  });

export const pendingIn = (district: string) =>
  queryAll<CompanyItem>({
    TableName: companyTable(),
    IndexName: INDEX_BY_QUEUE,
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': queuePartition(district) },
  });

/**
 * The company, its credit-code claim and the request's idempotency record in one transaction: a
 * retry with the same key gets the first answer; a code already registered is a 409.
 */
export async function saveNew<T>(item: CompanyItem, scope: IdempotencyScope, reply: Reply<T>): Promise<Reply<T>> {
  const T = companyTable();
  try {
    await transact([
      { Put: { TableName: T, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Put: {
          TableName: T,
          Item: { ...creditKey(item.creditCode), companyId: item.companyId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      idempotencyPut(scope, reply.status, reply.body),
    ]);
    return reply;
  } catch (err) {
    if (err instanceof TransactionCancelled) {
      if (err.reasons[2]?.code === 'ConditionalCheckFailed') {
        const stored = await storedReply(scope);
        if (stored) return stored as Reply<T>;
      }
      if (err.reasons[1]?.code === 'ConditionalCheckFailed') throw conflict('该统一社会信用代码已登记过，请勿重复登记');
    }
    if (err instanceof TransactionCancelled || nothingWasDone(err))
      throw new AppError('TRY_AGAIN', '提交没有成功，请再试一次');
    throw err;
  }
}

/** The gate of an approved company, as a place of the directory (so its signed code verifies at visits). */
function gatePut(c: CompanyItem): TransactItem {
  const id = c.gatePlaceId as string;
  return {
    Put: {
      TableName: directoryTable(),
      Item: { ...directoryKey('place', id), id, name: `${c.name}（企业门岗）`, kind: 'company', district: c.district },
    },
  };
}

/**
 * Reads the company, lets `decide` (a pure rule) refuse or make the next version, writes it over
 * the version read, with the act's audit row and, on approval, the gate's place; a lost race
 * decides again.
 */
export function change(
  companyId: string,
  now: Date,
  decide: (item: CompanyItem | undefined) => Step,
  act: { actorId: string; action: string; fields?: Record<string, unknown> },
): Promise<CompanyItem> {
  return retryOnConflict(
    async () => {
      const step = decide(await getCompany(companyId));
      if ('refusal' in step) throw new AppError(step.refusal.code, step.refusal.message);
      const { next } = step;
      const items: TransactItem[] = [
        {
          Put: {
            TableName: companyTable(),
            Item: next,
            ConditionExpression: 'version = :seen',
            ExpressionAttributeValues: { ':seen': next.version - 1 },
          },
        },
        auditPut(companyAuditSubject(companyId), now, act.actorId, {
          action: act.action,
          district: next.district,
          ...act.fields,
        }),
      ];
      if (next.state === 'approved') items.push(gatePut(next));
      await transact(items);
      return next;
    },
    { message: '企业登记刚刚有了变化，请刷新后再试' },
  );
}

import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RepairStatus } from '@citycare/contract';
import { db, isConditionFailure, plainItem, queryAll } from '../../lib/dynamo';
import { AppError, conflict, notFound } from '../../lib/errors';
import type { RepairItem } from '../items';
import { householdRepairsIndex, INDEX_BY_COMPANY, INDEX_BY_OWNER, repairKey, repairQueueIndex } from '../keys';
import { utilityTable } from '../table';
import { companies } from '../wiring';
import { queueOrder, repairStatusesBefore, type RepairStep } from './rules';

/** Repair requests (报修): taken 24 hours a day, worked by the company's staff. */

/** A fixed request (it holds an address) is kept 180 days, then expires. */
const FIXED_REPAIR_TTL_SECONDS = 180 * 24 * 3600;

export type NewRepair = Pick<RepairItem, 'company' | 'address' | 'problem' | 'description' | 'urgency'>;

export async function createRepair(householdId: string, input: NewRepair, now: Date): Promise<RepairItem> {
  const companyName = await companies.nameOf(input.company);
  if (companyName === undefined) {
    throw new AppError('VALIDATION_FAILED', '请选择供水、供电、燃气或供暖公司', [
      { path: 'company', message: '没有这家公司' },
    ]);
  }
  const at = now.toISOString();
  const repairId = `r${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const item: RepairItem = {
    ...repairKey(repairId),
    repairId,
    ...input,
    companyName,
    householdId,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    gsi1pk: repairQueueIndex(input.company),
    gsi1sk: `${at}#${repairId}`,
    gsi2pk: householdRepairsIndex(householdId),
    gsi2sk: `${at}#${repairId}`,
  };
  await db().send(
    new PutCommand({ TableName: utilityTable(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
  );
  return item;
}

export async function householdRepairs(householdId: string): Promise<RepairItem[]> {
  return queryAll<RepairItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_OWNER,
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': householdRepairsIndex(householdId) },
    ScanIndexForward: false,
  });
}

/** The company's queue: open requests first (urgent first, oldest first), then the fixed ones. */
export async function repairQueue(company: string): Promise<RepairItem[]> {
  const items = await queryAll<RepairItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_COMPANY,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': repairQueueIndex(company) },
  });
  return items.sort(queueOrder);
}

/** Moves a repair of `company` forward; an unknown or other company's repair is 404. */
export async function updateRepair(
  staffId: string,
  company: string,
  repairId: string,
  status: Exclude<RepairStatus, 'submitted'>,
  note: string | undefined,
  now: Date,
): Promise<RepairItem> {
  const before = repairStatusesBefore(status as RepairStep);
  const names = before.map((_, i) => `:b${i}`);
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: utilityTable(),
        Key: repairKey(repairId),
        UpdateExpression:
          'SET #s = :status, updatedAt = :now, updatedBy = :who' +
          (note ? ', note = :note' : '') +
          (status === 'fixed' ? ', expiresAt = :expires' : ''),
        ConditionExpression: `company = :company AND #s IN (${names.join(', ')})`,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ':now': now.toISOString(),
          ':who': staffId,
          ':company': company,
          ...(note ? { ':note': note } : {}),
          ...(status === 'fixed' ? { ':expires': Math.floor(now.getTime() / 1000) + FIXED_REPAIR_TTL_SECONDS } : {}),
          ...Object.fromEntries(before.map((b, i) => [`:b${i}`, b])),
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return out.Attributes as RepairItem;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    // The old item comes back as raw attribute values ({ S: ... }).
    const old = plainItem((err as { Item?: Parameters<typeof plainItem>[0] }).Item);
    if (old?.company !== company) throw notFound('本公司没有这张报修单');
    throw conflict('报修单状态已更新，不能退回到之前的状态');
  }
}

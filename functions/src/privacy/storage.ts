import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { userKey } from '../auth/keys';
import { groceryConfig } from '../grocery/config';
import { BY_USER, userPartition } from '../grocery/keys';
import { OFFICIAL_READS, codeGsiPk, householdPk } from '../health/keys';
import { INDEX_BY_RESIDENT as AUDIT_BY_RESIDENT } from '../health/audit/storage';
import { healthTable, scansTable } from '../health/table';
import { db, queryAll } from '../lib/dynamo';
import { auditTable, usersTable } from '../lib/env';
import { INDEX_BY_RESIDENT as SERVICE_BY_RESIDENT, residentPartition } from '../service/keys';
import { serviceTable } from '../service/table';
import { INDEX_BY_OWNER, householdPartition, householdRepairsIndex } from '../utility/keys';
import { utilityTable } from '../utility/table';
import type { Held } from './rules';

/** Reads everything CityCare holds about one account, across the domains' tables (only the caller's own keys). */

type Row = Record<string, unknown>;

const partition = (TableName: string, pk: string) =>
  queryAll<Row>({ TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });

const index = (TableName: string, IndexName: string, attribute: string, value: string) =>
  queryAll<Row>({
    TableName,
    IndexName,
    KeyConditionExpression: `${attribute} = :v`,
    ExpressionAttributeValues: { ':v': value },
  });

/** The health household partition and the scans of its residents' codes. */
export async function healthHeld(userId: string): Promise<Pick<Held, 'household' | 'scans'>> {
  const household = await partition(healthTable(), householdPk(userId));
  const codes = household.filter((r) => String(r.sk).startsWith('P#')).map((p) => String(p.codeId));
  const scans = (await Promise.all(codes.map((c) => index(scansTable(), 'byCode', 'gpk', codeGsiPk(c))))).flat();
  return { household, scans };
}

export async function held(userId: string): Promise<Held> {
  const [user, health, orders, utility, repairs, consultations] = await Promise.all([
    db()
      .send(new GetCommand({ TableName: usersTable(), Key: userKey(userId), ConsistentRead: true }))
      .then((o) => o.Item),
    healthHeld(userId),
    index(groceryConfig.table, BY_USER, 'gsi1pk', userPartition(userId)),
    partition(utilityTable(), householdPartition(userId)),
    index(utilityTable(), INDEX_BY_OWNER, 'gsi2pk', householdRepairsIndex(userId)),
    index(serviceTable(), SERVICE_BY_RESIDENT, 'gsi2pk', residentPartition(userId)),
  ]);
  const { openid: _openid, roles: _roles, ...shownUser } = user ?? {};
  return { user: user ? shownUser : undefined, ...health, orders, utility, repairs, consultations };
}

/** Officials' reads of one resident, newest first (the audit table's byResident index, officials' partition only). */
export async function readsOf(residentId: string): Promise<Row[]> {
  return queryAll<Row>({
    TableName: auditTable(),
    IndexName: AUDIT_BY_RESIDENT,
    KeyConditionExpression: 'residentId = :r',
    FilterExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':r': residentId, ':pk': OFFICIAL_READS },
    ScanIndexForward: false,
  });
}

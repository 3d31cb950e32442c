import { batchGetAll, getItem, queryAll } from '../lib/dynamo';
import { notFound } from '../lib/errors';
import {
  splitAccountPartition,
  type AccountItem,
  type BillItem,
  type LinkItem,
  type PartItem,
  type PlanItem,
  type ReliefItem,
} from './items';
import { accountKey, accountPartition, householdPartition } from './keys';
import { utilityTable } from './table';

/**
 * Reads every use case shares: an account's partition (the account, its bills, its plan), a
 * household's partition (links, relief application and parts), several accounts at once. Each
 * use case's own reads and writes are in its folder's storage.ts.
 */

/** Every item of a partition, read consistently. */
const partition = (pk: string) =>
  queryAll({
    TableName: utilityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
    ConsistentRead: true,
  });

/** The account alone. */
export const getAccount = (accountNo: string) => getItem<AccountItem>(utilityTable(), accountKey(accountNo));

/** The account, its bills and its plan, in one Query. */
export async function readAccount(
  accountNo: string,
): Promise<{ account?: AccountItem; bills: BillItem[]; plan?: PlanItem }> {
  return splitAccountPartition(await partition(accountPartition(accountNo)));
}

/** The account if this household holds it; otherwise 404 whether or not it exists. */
export async function readOwnAccount(userId: string, accountNo: string) {
  const found = await readAccount(accountNo);
  if (!found.account || found.account.household !== userId) throw notFound('没有找到您绑定的这个户号');
  return { ...found, account: found.account };
}

export interface Household {
  links: LinkItem[];
  relief?: ReliefItem;
  parts: PartItem[];
}

/** A household's links, application and parts, in one Query. */
export async function readHousehold(userId: string): Promise<Household> {
  const items = await partition(householdPartition(userId));
  return {
    links: items.filter((i) => String(i.sk).startsWith('LINK#')) as unknown as LinkItem[],
    relief: items.find((i) => i.sk === 'RELIEF') as ReliefItem | undefined,
    parts: items.filter((i) => String(i.sk).startsWith('RELIEF#')) as unknown as PartItem[],
  };
}

/** Several accounts, by number, in number order (missing ones left out). */
export async function getAccounts(accountNos: string[]): Promise<AccountItem[]> {
  const T = utilityTable();
  const out = await batchGetAll<AccountItem>({ [T]: accountNos.map(accountKey) }, { consistent: true });
  return (out[T] ?? []).sort((a, b) => a.accountNo.localeCompare(b.accountNo));
}

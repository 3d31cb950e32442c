import { queryAll } from '../../lib/dynamo';
import type { AccountItem, BillItem } from '../items';
import { communityIndex, INDEX_BY_OWNER } from '../keys';
import { readAccount } from '../storage';
import { utilityTable } from '../table';

/** A community's accounts in arrears, and the households a worker chose to pay for. */

/** Accounts of the community with arrears (the byOwner index holds a community's accounts). */
export async function accountsInArrears(community: string): Promise<AccountItem[]> {
  return queryAll<AccountItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_OWNER,
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: 'arrearsFen > :zero',
    ExpressionAttributeValues: { ':pk': communityIndex(community), ':zero': 0 },
  });
}

/** Each chosen account with its bills (one Query each, at once), in the order given; missing ones left out. */
export async function readHouseholds(accountNos: string[]): Promise<{ account: AccountItem; bills: BillItem[] }[]> {
  const found = await Promise.all(accountNos.map((no) => readAccount(no)));
  return found.flatMap(({ account, bills }) => (account ? [{ account, bills }] : []));
}

import { maskName } from '@citycare/contract';
import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { db, transactionReasons } from '../lib/dynamo';
import { AppError, conflict, notFound } from '../lib/errors';
import { utilityTable } from './config';
import {
  splitAccountPartition,
  type AccountItem,
  type BillItem,
  type LinkItem,
  type PartItem,
  type PlanItem,
  type ReliefItem,
} from './items';
import { accountKey, accountPartition, householdPartition, linkKey, planKey } from './keys';
import { sameName } from './rules';

/** Storage of accounts, links and plans: the only code here that talks to DynamoDB. */

export const MAX_LINKED_ACCOUNTS = 12;
const WRONG_ACCOUNT = '户号或户主姓名不正确，请核对缴费单上的信息';

/** True for the refusal of a wrong holder name (or an unknown number): a guess that missed. */
export const isWrongHolder = (err: unknown) =>
  err instanceof AppError && err.code === 'UNPROCESSABLE' && err.message === WRONG_ACCOUNT;

async function queryAll(input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
export { queryAll };

/** The account, its bills and its plan, in one Query. */
export async function readAccount(
  accountNo: string,
): Promise<{ account?: AccountItem; bills: BillItem[]; plan?: PlanItem }> {
  const items = await queryAll({
    TableName: utilityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': accountPartition(accountNo) },
    ConsistentRead: true,
  });
  return splitAccountPartition(items);
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
  const items = await queryAll({
    TableName: utilityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': householdPartition(userId) },
    ConsistentRead: true,
  });
  return {
    links: items.filter((i) => String(i.sk).startsWith('LINK#')) as unknown as LinkItem[],
    relief: items.find((i) => i.sk === 'RELIEF') as ReliefItem | undefined,
    parts: items.filter((i) => String(i.sk).startsWith('RELIEF#')) as unknown as PartItem[],
  };
}

export async function getAccounts(accountNos: string[]): Promise<AccountItem[]> {
  const out: AccountItem[] = [];
  for (let i = 0; i < accountNos.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = accountNos.slice(i, i + 100).map(accountKey);
    while (keys?.length) {
      const res = await db().send(
        new BatchGetCommand({ RequestItems: { [utilityTable()]: { Keys: keys, ConsistentRead: true } } }),
      );
      out.push(...((res.Responses?.[utilityTable()] ?? []) as AccountItem[]));
      keys = res.UnprocessedKeys?.[utilityTable()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out.sort((a, b) => a.accountNo.localeCompare(b.accountNo));
}

/**
 * Links an account to a household. The holder's name is part of the write's condition, so a
 * wrong name links nothing; an account another household holds is refused the same way.
 */
export async function linkAccount(userId: string, accountNo: string, holderName: string, now: Date) {
  const name = holderName.replace(/\s+/g, '');
  const current = await db().send(
    new GetCommand({ TableName: utilityTable(), Key: accountKey(accountNo), ConsistentRead: true }),
  );
  const account = current.Item as AccountItem | undefined;
  if (!account || !sameName(account.holderName, name)) throw new AppError('UNPROCESSABLE', WRONG_ACCOUNT);
  if (account.household === userId) return account;
  if (account.household) throw conflict('该户号已被其他家庭绑定。如有疑问，请拨打 12345 转公用事业公司核实');
  const link: LinkItem = {
    ...linkKey(userId, accountNo),
    accountNo,
    company: account.company,
    companyName: account.companyName,
    holderMasked: maskName(account.holderName),
    linkedAt: now.toISOString(),
  };
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: utilityTable(),
              Key: accountKey(accountNo),
              UpdateExpression: 'SET household = :me, linkedAt = :now',
              ConditionExpression: 'holderName = :name AND attribute_not_exists(household)',
              ExpressionAttributeValues: { ':me': userId, ':now': now.toISOString(), ':name': account.holderName },
            },
          },
          { Put: { TableName: utilityTable(), Item: link } },
        ],
      }),
    );
  } catch (err) {
    if (transactionReasons(err)?.[0] === 'ConditionalCheckFailed') {
      throw conflict('该户号刚刚被其他家庭绑定，如有疑问请拨打 12345');
    }
    throw err;
  }
  return { ...account, household: userId };
}

/** Unlinks; 404 unless this household holds the account. Protection already granted stays. */
export async function unlinkAccount(userId: string, accountNo: string): Promise<void> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: utilityTable(),
              Key: accountKey(accountNo),
              UpdateExpression: 'REMOVE household, linkedAt',
              ConditionExpression: 'household = :me',
              ExpressionAttributeValues: { ':me': userId },
            },
          },
          {
            Delete: {
              TableName: utilityTable(),
              Key: linkKey(userId, accountNo),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ],
      }),
    );
  } catch (err) {
    if (transactionReasons(err)) throw notFound('没有找到您绑定的这个户号');
    throw err;
  }
}

/** Records a plan for exactly the arrears that were read; a concurrent change refuses it. */
export async function putPlan(userId: string, plan: Omit<PlanItem, 'pk' | 'sk'>): Promise<void> {
  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: utilityTable(),
              Item: { ...planKey(plan.accountNo), ...plan },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            ConditionCheck: {
              TableName: utilityTable(),
              Key: accountKey(plan.accountNo),
              ConditionExpression: 'household = :me AND arrearsFen = :total',
              ExpressionAttributeValues: { ':me': userId, ':total': plan.totalFen },
            },
          },
        ],
      }),
    );
  } catch (err) {
    const reasons = transactionReasons(err);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw conflict('该户号已经办理了分期');
    if (reasons) throw new AppError('TRY_AGAIN', '欠费金额刚刚有变化，请刷新后重试');
    throw err;
  }
}

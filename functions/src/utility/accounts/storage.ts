import { maskName } from '@citycare/contract';
import { cancellationReasons, conditionalUpdate, transact, TransactionCancelled } from '../../lib/dynamo';
import { AppError, conflict, notFound } from '../../lib/errors';
import type { LinkItem } from '../items';
import { accountKey, linkKey } from '../keys';
import { getAccount } from '../storage';
import { utilityTable } from '../table';
import { sameName } from './rules';

/** Linking and unlinking accounts: the account's holder and the household's link change together. */

const WRONG_ACCOUNT = '户号或户主姓名不正确，请核对缴费单上的信息';

/** True for the refusal of a wrong holder name (or an unknown number): a guess that missed. */
export const isWrongHolder = (err: unknown) =>
  err instanceof AppError && err.code === 'UNPROCESSABLE' && err.message === WRONG_ACCOUNT;

/**
 * Links an account to a household. The holder's name is part of the write's condition, so a
 * wrong name links nothing; an account another household holds is refused the same way.
 */
export async function linkAccount(userId: string, accountNo: string, holderName: string, now: Date) {
  const name = holderName.replace(/\s+/g, '');
  const account = await getAccount(accountNo);
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
    await transact([
      conditionalUpdate(utilityTable(), accountKey(accountNo), {
        set: 'SET household = :me, linkedAt = :now',
        condition: 'holderName = :name AND attribute_not_exists(household)',
        values: { ':me': userId, ':now': now.toISOString(), ':name': account.holderName },
      }),
      { Put: { TableName: utilityTable(), Item: link } },
    ]);
  } catch (err) {
    if (cancellationReasons(err)?.[0]?.code === 'ConditionalCheckFailed') {
      throw conflict('该户号刚刚被其他家庭绑定，如有疑问请拨打 12345');
    }
    throw err;
  }
  return { ...account, household: userId };
}

/** Unlinks; 404 unless this household holds the account. Protection already granted stays. */
export async function unlinkAccount(userId: string, accountNo: string): Promise<void> {
  try {
    await transact([
      conditionalUpdate(utilityTable(), accountKey(accountNo), {
        set: 'REMOVE household, linkedAt',
        condition: 'household = :me',
        values: { ':me': userId },
      }),
      {
        Delete: {
          TableName: utilityTable(),
          Key: linkKey(userId, accountNo),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
  } catch (err) {
    if (err instanceof TransactionCancelled) throw notFound('没有找到您绑定的这个户号');
    throw err;
  }
}

import {
  auditPut,
  conditionalUpdate,
  CONFLICT,
  queryAll,
  retryOnConflict,
  transact,
  TransactionCancelled,
  type TransactItem,
} from '../../lib/dynamo';
import { AppError, conflict, notFound } from '../../lib/errors';
import { metric } from '../../lib/metrics';
import type { AccountItem, PartItem } from '../items';
import { accountKey, INDEX_BY_COMPANY, protectedIndex, reliefKey, reliefPartKey, reviewIndex } from '../keys';
import type { ReliefConfig } from '../rules';
import { getAccounts, readHousehold, type Household } from '../storage';
import { utilityTable } from '../table';
import { applicationChanges, protectedUntilKept, protectionEnd, snapshot, type PartChange } from './rules';

/**
 * Relief applications and decisions. Approving a part and protecting every account it covers
 * happen in one TransactWriteItems, so an account is never approved-but-unprotected. Both read
 * the household, decide and write; a link, unlink or decision landing in between makes them
 * read again (three tries).
 */

/**
 * Protects an account until `until` (and restores supply: an account under relief is never left
 * cut off), on condition the household still holds it.
 */
function protect(account: AccountItem, householdId: string, until: string): TransactItem {
  return {
    Update: {
      TableName: utilityTable(),
      Key: accountKey(account.accountNo),
      UpdateExpression:
        'SET protectedUntil = :until, reliefApproved = :yes, supply = :on, gsi1pk = :gpk, gsi1sk = :until REMOVE disconnectedAt',
      ConditionExpression: 'household = :me',
      ExpressionAttributeValues: {
        ':until': protectedUntilKept(account.protectedUntil, until),
        ':yes': true,
        ':on': 'on',
        ':gpk': protectedIndex(account.company),
        ':me': householdId,
      },
    },
  };
}

function updatePart(
  userId: string,
  company: string,
  expected: PartItem['status'],
  update: string,
  values: Record<string, unknown>,
): TransactItem {
  return conditionalUpdate(utilityTable(), reliefPartKey(userId, company), {
    set: update,
    condition: '#s = :expected',
    values: { ...values, ':expected': expected },
  });
}

/** The writes of one company's change, each conditional on the part as it was read. */
function changeWrites(c: PartChange, userId: string, hardship: string, at: string): TransactItem[] {
  if (c.kind === 'cover') {
    return [
      updatePart(userId, c.company, 'approved', 'SET accounts = :snap', { ':snap': c.accounts }),
      ...c.protect.map((a) => protect(a, userId, c.until)),
    ];
  }
  if (c.kind === 'amend') {
    const values = { ':snap': c.accounts, ':h': hardship };
    return [updatePart(userId, c.company, 'pending', 'SET accounts = :snap, hardship = :h', values)];
  }
  const until = c.until;
  const item: PartItem = {
    ...reliefPartKey(userId, c.company),
    householdId: userId,
    company: c.company,
    companyName: c.companyName,
    status: c.status,
    appliedAt: at,
    hardship,
    accounts: c.accounts,
    ...(until ? { decidedBy: 'rule', decidedAt: at, protectedUntil: until } : {}),
    gsi1pk: reviewIndex(c.company),
    gsi1sk: `${c.status}#${at}#${userId}`,
  };
  return [
    {
      Put: {
        TableName: utilityTable(),
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #s = :rejected',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':rejected': 'rejected' },
      },
    },
    ...(until ? c.protect.map((a) => protect(a, userId, until)) : []),
  ];
}

async function heldAccounts(householdId: string, household: Household): Promise<AccountItem[]> {
  const accounts = await getAccounts(household.links.map((l) => l.accountNo));
  return accounts.filter((a) => a.household === householdId);
}

/**
 * One application for every account the household holds (the rules decide each company's part);
 * applying again covers accounts linked since. The household as it is afterwards.
 */
export async function applyForRelief(
  cfg: ReliefConfig,
  userId: string,
  hardship: string,
  now: Date,
): Promise<Household> {
  return retryOnConflict(
    async () => {
      const household = await readHousehold(userId);
      const accounts = await heldAccounts(userId, household);
      if (!accounts.length) throw new AppError('UNPROCESSABLE', '请先绑定户号，再申请缓缴');
      const changes = applicationChanges(cfg, hardship, household.parts, accounts, now);
      if (!changes.length) return household;
      const at = now.toISOString();
      const header = { ...reliefKey(userId), hardship, appliedAt: household.relief?.appliedAt ?? at };
      const parts = changes.flatMap((c) => (c.kind === 'new' ? [`${c.company}:${c.status}`] : []));
      try {
        await transact([
          ...changes.flatMap((c) => changeWrites(c, userId, hardship, at)),
          { Put: { TableName: utilityTable(), Item: header } },
          auditPut(`HOUSEHOLD#${userId}`, now, userId, { action: 'utility.relief.apply', parts }),
        ]);
      } catch (err) {
        // A link, unlink or decision landed between the read and the write: read again.
        if (err instanceof TransactionCancelled) return CONFLICT;
        throw err;
      }
      metric('ReliefApplications', parts.length);
      return readHousehold(userId);
    },
    { attempts: 3, message: '申请正在处理中，请稍后刷新查看' },
  );
}

/** A company's staff decide their part of a household's application; the part as it is afterwards. */
export async function decidePart(
  cfg: ReliefConfig,
  staffId: string,
  company: string,
  householdId: string,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  now: Date,
): Promise<PartItem> {
  return retryOnConflict(
    async () => {
      const household = await readHousehold(householdId);
      const part = household.parts.find((p) => p.company === company);
      if (!part) throw notFound('没有找到这份申请');
      if (part.status !== 'pending') throw conflict('这份申请已经处理过了');
      const at = now.toISOString();
      const status = decision === 'approve' ? 'approved' : 'rejected';
      const held =
        decision === 'approve' ? (await heldAccounts(householdId, household)).filter((a) => a.company === company) : [];
      const until = decision === 'approve' ? protectionEnd(cfg, now).toISOString() : undefined;
      const values: Record<string, unknown> = {
        ':status': status,
        ':by': 'staff',
        ':at': at,
        ':who': staffId,
        ':gsk': `${status}#${part.appliedAt}#${householdId}`,
        ':reason': reason ?? '',
      };
      let update =
        'SET #s = :status, decidedBy = :by, decidedAt = :at, deciderId = :who, gsi1sk = :gsk, reason = :reason';
      if (until) {
        update += ', protectedUntil = :until, accounts = :snap';
        Object.assign(values, { ':until': until, ':snap': held.length ? snapshot(held) : part.accounts });
      }
      try {
        await transact([
          updatePart(householdId, company, 'pending', update, values),
          ...(until ? held.map((a) => protect(a, householdId, until)) : []),
          auditPut(`HOUSEHOLD#${householdId}`, now, staffId, {
            action: `utility.relief.${decision}`,
            company,
            accounts: held.map((a) => a.accountNo),
          }),
        ]);
      } catch (err) {
        if (!(err instanceof TransactionCancelled)) throw err;
        if (err.reasons[0]?.code === 'ConditionalCheckFailed') throw conflict('这份申请刚刚已被处理');
        // One of the household's accounts changed between the read and the write: read again.
        return CONFLICT;
      }
      const after = await readHousehold(householdId);
      return after.parts.find((p) => p.company === company) ?? part;
    },
    { attempts: 3, message: '住户的户号刚刚有变化，请刷新后重试' },
  );
}

/** A company's parts with `status`, oldest first (the review queue and its history). */
export async function reviews(company: string, status: string): Promise<PartItem[]> {
  return queryAll<PartItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_COMPANY,
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :status)',
    ExpressionAttributeValues: { ':pk': reviewIndex(company), ':status': `${status}#` },
  });
}

import { maskName } from '@citycare/contract';
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { auditKey } from '../lib/dynamo';
import { db, transactionReasons } from '../lib/dynamo';
import { auditTable } from '../lib/env';
import { AppError, conflict, notFound } from '../lib/errors';
import { metric } from '../lib/metrics';
import { utilityTable } from './config';
import type { AccountItem, PartAccount, PartItem } from './items';
import type { Household } from './store-accounts';
import { accountKey, protectedIndex, reliefKey, reliefPartKey, reviewIndex } from './keys';
import { protectionEnd, ruleDecision, type ReliefConfig } from './rules';
import { getAccounts, readHousehold } from './store-accounts';

/**
 * Relief applications and decisions. Approving a part and protecting every account it covers
 * happen in one TransactWriteItems, so an account is never approved-but-unprotected.
 */
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function auditPut(subject: string, now: Date, actorId: string, fields: Record<string, unknown>): TransactItem {
  return {
    Put: {
      TableName: auditTable(),
      Item: { ...auditKey(subject, now, actorId, randomUUID()), actorId, at: now.toISOString(), ...fields },
    },
  };
}

/**
 * Protects an account until `until` (and restores supply: an account under relief is never left
 * cut off), on condition the household still holds it.
 */
function protect(account: AccountItem, householdId: string, until: string): TransactItem {
  const keep = account.protectedUntil && account.protectedUntil > until ? account.protectedUntil : until;
  return {
    Update: {
      TableName: utilityTable(),
      Key: accountKey(account.accountNo),
      UpdateExpression:
        'SET protectedUntil = :until, reliefApproved = :yes, supply = :on, gsi1pk = :gpk, gsi1sk = :until REMOVE disconnectedAt',
      ConditionExpression: 'household = :me',
      ExpressionAttributeValues: {
        ':until': keep,
        ':yes': true,
        ':on': 'on',
        ':gpk': protectedIndex(account.company),
        ':me': householdId,
      },
    },
  };
}

const snapshot = (accounts: AccountItem[]): PartAccount[] =>
  accounts.map((a) => ({ accountNo: a.accountNo, holderMasked: maskName(a.holderName), arrearsFen: a.arrearsFen }));
const sameAccounts = (a: PartAccount[], b: PartAccount[]) =>
  a.map((x) => x.accountNo).join() === b.map((x) => x.accountNo).join();

async function heldAccounts(householdId: string, household: Household): Promise<AccountItem[]> {
  const accounts = await getAccounts(household.links.map((l) => l.accountNo));
  return accounts.filter((a) => a.household === householdId);
}

function byCompany(accounts: AccountItem[]): Map<string, AccountItem[]> {
  const map = new Map<string, AccountItem[]>();
  for (const a of accounts) map.set(a.company, [...(map.get(a.company) ?? []), a]);
  return map;
}

/** The writes one application makes, from the household as read; empty when nothing is new. */
function applicationWrites(
  cfg: ReliefConfig,
  userId: string,
  hardship: string,
  household: Household,
  accounts: AccountItem[],
  now: Date,
): TransactItem[] {
  const writes: TransactItem[] = [];
  const at = now.toISOString();
  for (const [company, held] of byCompany(accounts)) {
    const part = household.parts.find((p) => p.company === company);
    const snap = snapshot(held);
    if (part?.status === 'approved' && part.protectedUntil) {
      const missing = held.filter((a) => !part.accounts.some((x) => x.accountNo === a.accountNo));
      if (!missing.length) continue;
      writes.push(updatePart(userId, company, 'approved', 'SET accounts = :snap', { ':snap': snap }));
      for (const a of missing) writes.push(protect(a, userId, part.protectedUntil));
    } else if (part?.status === 'pending') {
      if (sameAccounts(part.accounts, snap) && part.hardship === hardship) continue;
      writes.push(
        updatePart(userId, company, 'pending', 'SET accounts = :snap, hardship = :h', {
          ':snap': snap,
          ':h': hardship,
        }),
      );
    } else {
      const status = ruleDecision(cfg, company, now);
      const until = status === 'approved' ? protectionEnd(cfg, now).toISOString() : undefined;
      const item: PartItem = {
        ...reliefPartKey(userId, company),
        householdId: userId,
        company,
        companyName: held[0]?.companyName ?? company,
        status,
        appliedAt: at,
        hardship,
        accounts: snap,
        ...(until ? { decidedBy: 'rule', decidedAt: at, protectedUntil: until } : {}),
        gsi1pk: reviewIndex(company),
        gsi1sk: `${status}#${at}#${userId}`,
      };
      writes.push({
        Put: {
          TableName: utilityTable(),
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk) OR #s = :rejected',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':rejected': 'rejected' },
        },
      });
      if (until) for (const a of held) writes.push(protect(a, userId, until));
    }
  }
  return writes;
}

function updatePart(
  userId: string,
  company: string,
  expected: PartItem['status'],
  update: string,
  values: Record<string, unknown>,
): TransactItem {
  return {
    Update: {
      TableName: utilityTable(),
      Key: reliefPartKey(userId, company),
      UpdateExpression: update,
      ConditionExpression: '#s = :expected',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ...values, ':expected': expected },
    },
  };
}

/**
 * One application for every account the household holds. Parts of covered companies are
 * approved by rule inside the window (and their accounts protected in the same transaction);
 * the others wait for that company's staff. Applying again covers accounts linked since.
 */
export async function applyForRelief(
  cfg: ReliefConfig,
  userId: string,
  hardship: string,
  now: Date,
): Promise<Household> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const household = await readHousehold(userId);
    const accounts = await heldAccounts(userId, household);
    if (!accounts.length) throw new AppError('UNPROCESSABLE', '请先绑定户号，再申请缓缴');
    const writes = applicationWrites(cfg, userId, hardship, household, accounts, now);
    if (!writes.length) return household;
    const header = { ...reliefKey(userId), hardship, appliedAt: household.relief?.appliedAt ?? now.toISOString() };
    const parts = writes.filter((w) => w.Put?.Item?.sk?.toString().startsWith('RELIEF#'));
    try {
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            ...writes,
            { Put: { TableName: utilityTable(), Item: header } },
            auditPut(`HOUSEHOLD#${userId}`, now, userId, {
              action: 'utility.relief.apply',
              parts: parts.map((p) => `${p.Put?.Item?.company}:${p.Put?.Item?.status}`),
            }),
          ],
        }),
      );
      metric('ReliefApplications', parts.length);
      return readHousehold(userId);
    } catch (err) {
      if (!transactionReasons(err)) throw err;
      // A link, unlink or decision landed between the read and the write: read again.
    }
  }
  throw new AppError('TRY_AGAIN', '申请正在处理中，请稍后刷新查看');
}

/** A company's staff decide their part of a household's application. */
export async function decidePart(
  cfg: ReliefConfig,
  staffId: string,
  company: string,
  householdId: string,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  now: Date,
): Promise<PartItem> {
  for (let attempt = 0; attempt < 3; attempt++) {
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
      await db().send(
        new TransactWriteCommand({
          TransactItems: [
            updatePart(householdId, company, 'pending', update, values),
            ...(until ? held.map((a) => protect(a, householdId, until)) : []),
            auditPut(`HOUSEHOLD#${householdId}`, now, staffId, {
              action: `utility.relief.${decision}`,
              company,
              accounts: held.map((a) => a.accountNo),
            }),
          ],
        }),
      );
      const after = await readHousehold(householdId);
      return after.parts.find((p) => p.company === company) ?? part;
    } catch (err) {
      const reasons = transactionReasons(err);
      if (!reasons) throw err;
      if (reasons[0] === 'ConditionalCheckFailed') throw conflict('这份申请刚刚已被处理');
    }
  }
  throw new AppError('TRY_AGAIN', '住户的户号刚刚有变化，请刷新后重试');
}

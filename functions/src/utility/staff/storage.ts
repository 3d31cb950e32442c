import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { auditPut, cancellationReasons, conditionalUpdate, db, queryAll, queryPage, transact } from '../../lib/dynamo';
import { auditTable } from '../../lib/env';
import { AppError, conflict, notFound } from '../../lib/errors';
import type { AccountItem, BillItem } from '../items';
import { accountAuditSubject, accountKey, billId, billKey, INDEX_BY_COMPANY, protectedIndex } from '../keys';
import { windowBounds, type ReliefConfig } from '../rules';
import { getAccount } from '../storage';
import { utilityTable } from '../table';
import type { BillRow, RowError } from './csv';
import { disconnectRefusal, holdText } from './rules';

/** Staff writes: disconnection (refused by the write's own condition while 欠费不关阀 holds), imports. */

/**
 * The condition of a disconnection, twin of `disconnectHold` (utility/rules.ts): the company's
 * account, supplied, `now` outside the relief window (no household's supply is cut inside it,
 * applied or not: every account here is a household's), and no approved relief lasting at `now`.
 */
export const DISCONNECT_CONDITION =
  'company = :company AND supply = :on AND (:now < :windowStart OR :now >= :windowEnd)' +
  ' AND (attribute_not_exists(protectedUntil) OR protectedUntil < :now)';

/**
 * Cuts supply to an account of `company`. The condition of the write itself refuses it inside
 * the relief window, and for an account protected at `now` (or of another company, or already
 * off). Attempts on the company's own accounts are audited: an allowed one in the same
 * transaction, a refused one right after; an account of another company (or none) is refused
 * with nothing written.
 */
export async function disconnect(
  staffId: string,
  company: string,
  accountNo: string,
  reason: string,
  now: Date,
  cfg: ReliefConfig,
): Promise<AccountItem> {
  const subject = accountAuditSubject(accountNo);
  const at = now.toISOString();
  const window = windowBounds(cfg);
  const base = { action: 'utility.disconnect', company, accountNo, reason };
  try {
    await transact([
      conditionalUpdate(utilityTable(), accountKey(accountNo), {
        set: 'SET supply = :off, disconnectedAt = :now, disconnectedBy = :who',
        condition: DISCONNECT_CONDITION,
        values: {
          ':off': 'off',
          ':on': 'on',
          ':now': at,
          ':who': staffId,
          ':company': company,
          ':windowStart': window.startsAt.toISOString(),
          ':windowEnd': window.endsAt.toISOString(),
        },
        returnOld: true,
      }),
      auditPut(subject, now, staffId, { ...base, outcome: 'disconnected' }),
    ]);
  } catch (err) {
    const first = cancellationReasons(err)?.[0];
    if (first?.code !== 'ConditionalCheckFailed') throw err;
    const refusal = disconnectRefusal(first.old, company, now, cfg);
    // Not this company's account (or none): nothing is written, not even to the account's log.
    if (refusal === 'not-found') throw notFound('本公司没有这个户号');
    const put = auditPut(subject, now, staffId, { ...base, outcome: 'refused', refusal }).Put;
    await db().send(new PutCommand({ TableName: put?.TableName, Item: put?.Item }));
    if (refusal === 'window') {
      throw new AppError('ACCOUNT_PROTECTED', holdText({ why: 'window', until: window.endsAt.toISOString() }));
    }
    if (refusal === 'protected') {
      const until = String(first.old?.protectedUntil ?? '');
      throw new AppError('ACCOUNT_PROTECTED', holdText({ why: 'relief', until }));
    }
    throw conflict('该户已处于停供状态');
  }
  return { ...(await getAccount(accountNo)) } as AccountItem;
}

export interface Attempt {
  at: string;
  outcome: 'disconnected' | 'refused';
  reason: string;
}

/** The latest disconnection attempts on an account, newest first. */
export async function attempts(accountNo: string, limit = 20): Promise<Attempt[]> {
  const page = await queryPage({
    TableName: auditTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': accountAuditSubject(accountNo) },
    ScanIndexForward: false,
    Limit: limit,
  });
  return page.items.map((i) => ({
    at: String(i.at),
    outcome: i.outcome === 'disconnected' ? 'disconnected' : 'refused',
    reason: String(i.reason ?? ''),
  }));
}

/** Accounts of `company` protected at `now`, from the sparse index (only protected accounts are in it). */
export async function protectedAccounts(company: string, now: Date): Promise<AccountItem[]> {
  const items = await queryAll<AccountItem>({
    TableName: utilityTable(),
    IndexName: INDEX_BY_COMPANY,
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :now',
    ExpressionAttributeValues: { ':pk': protectedIndex(company), ':now': now.toISOString() },
  });
  return items.sort((a, b) => a.accountNo.localeCompare(b.accountNo));
}

const IMPORT_CONCURRENCY = 8;

/**
 * Adds one bill per good row, each in its own transaction with its account's arrears: a row is
 * written whole or not at all. A bill that already exists (a re-import) is skipped; an account
 * that does not exist or belongs to another company is reported against its line.
 */
export async function importBills(
  company: string,
  rows: BillRow[],
): Promise<{ imported: number; skipped: number; errors: RowError[] }> {
  let imported = 0;
  let skipped = 0;
  const errors: RowError[] = [];
  const one = async (row: BillRow) => {
    const bill: BillItem = {
      ...billKey(row.accountNo, row.month),
      billId: billId(row.accountNo, row.month),
      accountNo: row.accountNo,
      month: row.month,
      amountFen: row.amountFen,
      dueDate: row.dueDate,
      paid: false,
    };
    try {
      await transact([
        {
          Update: {
            TableName: utilityTable(),
            Key: accountKey(row.accountNo),
            UpdateExpression: 'ADD arrearsFen :amount',
            ConditionExpression: 'attribute_exists(pk) AND company = :company',
            ExpressionAttributeValues: { ':amount': row.amountFen, ':company': company },
          },
        },
        { Put: { TableName: utilityTable(), Item: bill, ConditionExpression: 'attribute_not_exists(pk)' } },
      ]);
      imported++;
    } catch (err) {
      const reasons = cancellationReasons(err)?.map((r) => r.code);
      if (!reasons) throw err;
      if (reasons[0] === 'ConditionalCheckFailed') errors.push({ line: row.line, message: '本公司没有这个户号' });
      else if (reasons[1] === 'ConditionalCheckFailed') skipped++;
      else errors.push({ line: row.line, message: '这一行暂时没能写入，请稍后重新导入此文件' });
    }
  };
  for (let i = 0; i < rows.length; i += IMPORT_CONCURRENCY) {
    await Promise.all(rows.slice(i, i + IMPORT_CONCURRENCY).map(one));
  }
  return { imported, skipped, errors: errors.sort((a, b) => a.line - b.line) };
}

import { cityDate, maskName } from '@citycare/contract';
import type { RoleGrant } from '@citycare/contract';
import { hasScope } from '../auth/rules';
import { forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { now } from './clock';
import { reliefConfig, utilityTable } from './config';
import { parseBillsCsv, protectedCsv } from './csv';
import { accountView, billView, repairView, type AccountItem, type PartItem } from './items';
import { INDEX_BY_COMPANY, reviewIndex } from './keys';
import { queryAll, readAccount } from './store-accounts';
import { decidePart } from './store-relief';
import { attempts, disconnect, importBills as saveBills, protectedAccounts as listProtected } from './store-staff';
import { repairQueue as listRepairs, updateRepair as saveRepair } from './store-repairs';

/** Utility staff's routes: every one scoped to the company in the path, which the caller must hold. */

function requireCompany(roles: RoleGrant[], company: string | undefined): string {
  if (!company || !hasScope(roles, 'utility', company)) throw forbidden('您不是这家公司的工作人员');
  return company;
}

const reviewView = (p: PartItem) => ({
  householdId: p.householdId,
  appliedAt: p.appliedAt,
  hardship: p.hardship,
  status: p.status,
  accounts: p.accounts,
  reason: p.reason || undefined,
});

const STATUSES = new Set(['pending', 'approved', 'rejected']);

/** GET /utility/staff/{company}/reviews?status=pending: applications waiting for this company. */
export const reliefReviews = endpoint('reliefReviews', { roles: ['utility'] }, async ({ params, query, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const status = STATUSES.has(query.status ?? '') ? (query.status as string) : 'pending';
  const items = (await queryAll({
    TableName: utilityTable(),
    IndexName: INDEX_BY_COMPANY,
    KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :status)',
    ExpressionAttributeValues: { ':pk': reviewIndex(company), ':status': `${status}#` },
  })) as unknown as PartItem[];
  return { reviews: items.map(reviewView) };
});

/** POST /utility/staff/{company}/reviews/{householdId}: approve (protects at once) or reject. */
export const decideRelief = endpoint('decideRelief', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const part = await decidePart(
    reliefConfig(),
    caller.userId,
    company,
    params.householdId ?? '',
    body.decision,
    body.reason,
    now(),
  );
  return { review: reviewView(part) };
});

async function companyAccount(company: string, accountNo: string) {
  const found = await readAccount(accountNo);
  if (!found.account || found.account.company !== company) throw notFound('本公司没有这个户号');
  return { ...found, account: found.account };
}

/** GET /utility/staff/{company}/accounts/{accountNo}: supply, protection, bills, attempts. */
export const staffAccount = endpoint('staffAccount', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const at = now();
  const { account, bills } = await companyAccount(company, params.accountNo ?? '');
  return {
    account: accountView(account, at),
    bills: bills.map((b) => billView(reliefConfig(), b, at, account.reliefApproved === true)).reverse(),
    attempts: await attempts(account.accountNo),
  };
});

/**
 * POST /utility/staff/{company}/accounts/{accountNo}/disconnect: refused while protected.
 * Staff of another company (or of this one, for an account it does not hold) are refused before
 * anything is written: the account's log keeps only its own company's attempts, so outsiders
 * cannot push the real history out of it.
 */
export const disconnectAccount = endpoint(
  'disconnectAccount',
  { roles: ['utility'] },
  async ({ params, body, caller }) => {
    const at = now();
    const company = requireCompany(caller.roles, params.company);
    const account = await disconnect(caller.userId, company, params.accountNo ?? '', body.reason, at);
    return { account: accountView(account, at) };
  },
);

const protectedRow = (a: AccountItem) => ({
  accountNo: a.accountNo,
  holderMasked: maskName(a.holderName),
  address: a.address,
  arrearsFen: a.arrearsFen,
  protectedUntil: a.protectedUntil ?? '',
});

/** GET /utility/staff/{company}/protected: the accounts field crews must not cut off. */
export const protectedAccounts = endpoint('protectedAccounts', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  return { accounts: (await listProtected(company, now())).map(protectedRow) };
});

/** GET /utility/staff/{company}/protected.csv: the same list as CSV (UTF-8 with BOM). */
export const exportProtected = endpoint('exportProtected', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const at = now();
  const csv = protectedCsv((await listProtected(company, at)).map(protectedRow));
  return new Reply(200, csv, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="protected-${company}-${cityDate(at)}.csv"`,
  });
});

/** POST /utility/staff/{company}/bills/import: { csv } in; counts and bad lines out. */
export const importBills = endpoint('importBills', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const parsed = parseBillsCsv(body.csv);
  const result = await saveBills(company, parsed.rows);
  return { ...result, errors: [...parsed.errors, ...result.errors].sort((a, b) => a.line - b.line) };
});

/** GET /utility/staff/{company}/repairs: the company's repair queue. */
export const repairQueue = endpoint('repairQueue', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  return { repairs: (await listRepairs(company)).map(repairView) };
});

/** POST /utility/staff/{company}/repairs/{repairId}: received, dispatched, fixed. */
export const updateRepair = endpoint('updateRepair', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const repair = await saveRepair(caller.userId, company, params.repairId ?? '', body.status, body.note, now());
  return { repair: repairView(repair) };
});

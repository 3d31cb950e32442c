import { cityDate, maskName } from '@citycare/contract';
import { notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { requireCompany } from '../access';
import { reliefConfig } from '../config';
import type { AccountItem } from '../items';
import { readAccount } from '../storage';
import { disconnectHold } from '../rules';
import { accountView, billView } from '../views';
import { clock } from '../wiring';
import { parseBillsCsv, protectedCsv } from './csv';
import { holdText } from './rules';
import { attempts, disconnect, importBills as saveBills, protectedAccounts as listProtected } from './storage';

/**
 * Utility company staff: an account's detail, disconnection (refused while protected), the
 * protected list and its CSV, the bills import. Every route is scoped to the company in the
 * path, which the caller must hold (relief reviews: relief/; the repair queue: repairs/).
 */

async function companyAccount(company: string, accountNo: string) {
  const found = await readAccount(accountNo);
  if (!found.account || found.account.company !== company) throw notFound('本公司没有这个户号');
  return { ...found, account: found.account };
}

/** GET /utility/staff/{company}/accounts/{accountNo} (staffAccount): supply, protection, bills, attempts. */
export const staffAccount = endpoint('staffAccount', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const at = clock.now();
  const { account, bills } = await companyAccount(company, params.accountNo ?? '');
  const hold = account.supply === 'on' ? disconnectHold(reliefConfig(), account.protectedUntil, at) : undefined;
  return {
    account: accountView(account, at),
    ...(hold ? { hold: { ...hold, message: holdText(hold) } } : {}),
    bills: bills.map((b) => billView(reliefConfig(), b, at, account.reliefApproved === true)).reverse(),
    attempts: await attempts(account.accountNo),
  };
});

/**
 * POST /utility/staff/{company}/accounts/{accountNo}/disconnect (disconnectAccount): refused
 * inside the relief window (every household) and while approved relief protects the account. Staff of another company (or of this one, for an account it does not hold)
 * are refused before anything is written: the account's log keeps only its own company's
 * attempts, so outsiders cannot push the real history out of it.
 */
export const disconnectAccount = endpoint(
  'disconnectAccount',
  { roles: ['utility'] },
  async ({ params, body, caller }) => {
    const at = clock.now();
    const company = requireCompany(caller.roles, params.company);
    const account = await disconnect(caller.userId, company, params.accountNo ?? '', body.reason, at, reliefConfig());
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

/** GET /utility/staff/{company}/protected (protectedAccounts): the accounts field crews must not cut off. */
export const protectedAccounts = endpoint('protectedAccounts', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  return { accounts: (await listProtected(company, clock.now())).map(protectedRow) };
});

/** GET /utility/staff/{company}/protected.csv (exportProtected): the same list as CSV (UTF-8 with BOM). */
export const exportProtected = endpoint('exportProtected', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const at = clock.now();
  const csv = protectedCsv((await listProtected(company, at)).map(protectedRow));
  return new Reply(200, csv, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="protected-${company}-${cityDate(at)}.csv"`,
  });
});

/** POST /utility/staff/{company}/bills/import (importBills): { csv } in; counts and bad lines out. */
export const importBills = endpoint('importBills', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const parsed = parseBillsCsv(body.csv);
  const result = await saveBills(company, parsed.rows);
  return { ...result, errors: [...parsed.errors, ...result.errors].sort((a, b) => a.line - b.line) };
});

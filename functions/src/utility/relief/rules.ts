import { DAY_MS, maskName } from '@citycare/contract';
import type { AccountItem, PartAccount, PartItem } from '../items';
import { inWindow, windowBounds, type ReliefConfig } from '../rules';

/**
 * Relief applications and decisions (POST /utility/relief, staff reviews). Pure: what an
 * application changes, company by company, and how long approval protects an account.
 */

/** A company's part of an application: approved by rule inside the window for covered companies. */
export function ruleDecision(cfg: ReliefConfig, company: string, at: Date): 'approved' | 'pending' {
  return inWindow(cfg, at) && cfg.coveredCompanies.includes(company) ? 'approved' : 'pending';
}

/**
 * How long approved relief protects an account: to the end of the window plus the grace period;
 * relief approved after the window (by staff) gets the grace period from the decision.
 */
export function protectionEnd(cfg: ReliefConfig, decidedAt: Date): Date {
  const { endsAt } = windowBounds(cfg);
  const from = Math.max(endsAt.getTime(), decidedAt.getTime());
  return new Date(from + cfg.graceDays * DAY_MS);
}

/** Protection is only ever extended: an account keeps a later end it already has. */
export const protectedUntilKept = (current: string | undefined, until: string) =>
  current && current > until ? current : until;

/** The accounts a part covers, as its reviewers see them (holder masked). */
export const snapshot = (accounts: AccountItem[]): PartAccount[] =>
  accounts.map((a) => ({ accountNo: a.accountNo, holderMasked: maskName(a.holderName), arrearsFen: a.arrearsFen }));

const sameAccounts = (a: PartAccount[], b: PartAccount[]) =>
  a.map((x) => x.accountNo).join() === b.map((x) => x.accountNo).join();

function byCompany(accounts: AccountItem[]): Map<string, AccountItem[]> {
  const map = new Map<string, AccountItem[]>();
  for (const a of accounts) map.set(a.company, [...(map.get(a.company) ?? []), a]);
  return map;
}

/** What applying (again) changes in one company's part. */
export type PartChange =
  /** An approved part covers accounts linked since: they are protected to the part's end. */
  | { kind: 'cover'; company: string; accounts: PartAccount[]; protect: AccountItem[]; until: string }
  /** A pending part's accounts or hardship changed. */
  | { kind: 'amend'; company: string; accounts: PartAccount[] }
  /** A new part (or a new try after a rejection): approved by rule (and protected) or pending. */
  | {
      kind: 'new';
      company: string;
      companyName: string;
      status: 'approved' | 'pending';
      accounts: PartAccount[];
      protect: AccountItem[];
      until?: string;
    };

/**
 * One application for every account the household holds, company by company, from the parts as
 * read: empty when nothing is new. Parts of covered companies are approved by rule inside the
 * window; the others wait for that company's staff.
 */
export function applicationChanges(
  cfg: ReliefConfig,
  hardship: string,
  parts: PartItem[],
  accounts: AccountItem[],
  now: Date,
): PartChange[] {
  const changes: PartChange[] = [];
  for (const [company, held] of byCompany(accounts)) {
    const part = parts.find((p) => p.company === company);
    const snap = snapshot(held);
    if (part?.status === 'approved' && part.protectedUntil) {
      const missing = held.filter((a) => !part.accounts.some((x) => x.accountNo === a.accountNo));
      if (missing.length)
        changes.push({ kind: 'cover', company, accounts: snap, protect: missing, until: part.protectedUntil });
    } else if (part?.status === 'pending') {
      if (!sameAccounts(part.accounts, snap) || part.hardship !== hardship) {
        changes.push({ kind: 'amend', company, accounts: snap });
      }
    } else {
      const status = ruleDecision(cfg, company, now);
      const until = status === 'approved' ? protectionEnd(cfg, now).toISOString() : undefined;
      const companyName = held[0]?.companyName ?? company;
      changes.push({ kind: 'new', company, companyName, status, accounts: snap, protect: until ? held : [], until });
    }
  }
  return changes;
}

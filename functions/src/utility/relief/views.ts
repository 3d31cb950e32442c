import type { ReliefApplication, ReliefPart, ReliefWindow } from '@citycare/contract';
import type { PartItem } from '../items';
import { INSTALLMENT_MONTHS } from '../plans/rules';
import { inWindow, windowBounds, type ReliefConfig } from '../rules';
import type { Household } from '../storage';

/** The relief window and applications as residents and staff see them. */

export function windowView(cfg: ReliefConfig, at: Date): ReliefWindow {
  const { startsAt, endsAt } = windowBounds(cfg);
  return {
    startDate: cfg.startDate,
    endDate: cfg.endDate,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    graceDays: cfg.graceDays,
    coveredCompanies: cfg.coveredCompanies,
    open: inWindow(cfg, at),
    installmentMonths: [...INSTALLMENT_MONTHS],
  };
}

export function partView(p: PartItem): ReliefPart {
  return {
    company: p.company,
    companyName: p.companyName,
    status: p.status,
    decidedBy: p.decidedBy,
    decidedAt: p.decidedAt,
    reason: p.reason,
    protectedUntil: p.protectedUntil,
    accountNos: p.accounts.map((a) => a.accountNo),
  };
}

/** A household's application, its parts by company; null before it applied. */
export function reliefView(h: Household): ReliefApplication | null {
  if (!h.relief) return null;
  const parts = h.parts.map(partView).sort((a, b) => a.company.localeCompare(b.company));
  return { appliedAt: h.relief.appliedAt, hardship: h.relief.hardship, parts };
}

/** One household's part as its company's staff review it. */
export const reviewView = (p: PartItem) => ({
  householdId: p.householdId,
  appliedAt: p.appliedAt,
  hardship: p.hardship,
  status: p.status,
  accounts: p.accounts,
  reason: p.reason || undefined,
});

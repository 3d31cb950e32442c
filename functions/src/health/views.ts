import { cityDate } from '@citycare/contract';
import type { AuditRow, DeclarationView, ResidentView, ScanRow, Symptom } from '@citycare/contract';
import { healthConfig } from './config';
import type { DeclarationItem, ProfileItem, StoredRecord } from './items';
import { FINDING_TEXT, outlook, type Finding, type RuleSet } from './status';

/**
 * Shared storage items -> the contract's views (a use case's own views are in its folder). Only
 * masked personal data leaves this file.
 */

export function ruleNumbers(): RuleSet {
  const c = healthConfig();
  return {
    feverCelsius: c.feverCelsius,
    yellowNormalDays: c.yellowNormalDays,
    redMinDays: c.redMinDays,
    riskAreas: [],
  };
}

export function residentView(p: ProfileItem, now: string): ResidentView {
  const today = cityDate(now);
  const s = p.state;
  return {
    residentId: p.residentId,
    relation: p.relation,
    maskedName: p.maskedName,
    idMasked: p.idMasked,
    phoneMasked: p.phoneMasked,
    community: p.community,
    declaredToday: s.lastDeclarationDate === today,
    status: {
      colour: s.colour,
      reason: s.reason,
      since: s.since,
      normalStreak: s.normalStreak,
      outlook: outlook(s, ruleNumbers(), today),
      lastDeclarationDate: s.lastDeclarationDate,
      redSince: s.redSince,
    },
  };
}

export function declarationView(d: DeclarationItem): DeclarationView {
  return {
    date: d.date,
    at: d.at,
    temperature: d.temperature,
    symptoms: d.symptoms as Symptom[],
    travel: d.travel,
    contact: d.contact as DeclarationView['contact'],
    finding: d.finding as Finding,
    findingText: FINDING_TEXT[d.finding as Finding],
  };
}

export function auditView(row: Record<string, unknown>): AuditRow {
  return {
    at: String(row.at),
    from: row.from as AuditRow['from'],
    to: row.to as AuditRow['to'],
    by: row.by as AuditRow['by'],
    reason: String(row.reason),
  };
}

export function recordView(r: StoredRecord, residentId?: string): ScanRow {
  return {
    at: r.at,
    placeId: r.placeId,
    placeName: r.placeName,
    kind: r.kind,
    colour: r.colour,
    maskedName: r.maskedName,
    result: r.result,
    reason: r.reason,
    temperature: r.temperature,
    residentId,
  };
}

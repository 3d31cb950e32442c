import {
  cityDate,
  DAY_MS,
  type CompanyRegistration,
  type CompanyView,
  type GateCountsResponse,
} from '@citycare/contract';
import type { CompanyItem } from './items';
import { companyKey, gatePlaceId, ownerPartition, queuePartition } from './keys';

/** 复工复产 rules, pure: a registration, a decision, a resubmission, the gate's daily counts. */

export type Refusal = { code: 'CONFLICT' | 'NOT_FOUND'; message: string };
export type Step = { next: CompanyItem } | { refusal: Refusal };

const pendingIndex = (district: string, at: string) => ({ gsi2pk: queuePartition(district), gsi2sk: at });

export function newCompany(companyId: string, ownerId: string, r: CompanyRegistration, now: Date): CompanyItem {
  const at = now.toISOString();
  return {
    ...companyKey(companyId),
    companyId,
    ownerId,
    ...r,
    state: 'pending',
    submittedAt: at,
    version: 1,
    gsi1pk: ownerPartition(ownerId),
    gsi1sk: at,
    ...pendingIndex(r.district, at),
  };
}

/** Officials decide a pending company once: approving twice, or deciding a returned one, is a 409. */
export function decide(
  item: CompanyItem | undefined,
  decision: { decision: 'approve' | 'return'; reason?: string },
  officialId: string,
  now: Date,
): Step {
  if (!item) return { refusal: { code: 'NOT_FOUND', message: '找不到该企业' } };
  if (item.state !== 'pending') {
    return {
      refusal: { code: 'CONFLICT', message: `该企业已处理（${item.state === 'approved' ? '已批准' : '已退回'}）` },
    };
  }
  const { gsi2pk: _q, gsi2sk: _s, returnReason: _r, ...rest } = item;
  const approved = decision.decision === 'approve';
  const next: CompanyItem = {
    ...rest,
    state: approved ? 'approved' : 'returned',
    decidedAt: now.toISOString(),
    decidedBy: officialId,
    version: item.version + 1,
    ...(approved ? { gatePlaceId: gatePlaceId(item.companyId) } : { returnReason: decision.reason ?? '' }),
  };
  return { next };
}

/** A returned company, corrected by its representative, waits again (credit code unchanged). */
export function resubmit(item: CompanyItem, r: Omit<CompanyRegistration, 'creditCode'>, now: Date): Step {
  if (item.state !== 'returned') {
    return { refusal: { code: 'CONFLICT', message: '只有被退回的登记可以修改后重新提交' } };
  }
  const at = now.toISOString();
  const { returnReason: _r, decidedAt: _d, decidedBy: _b, ...rest } = item;
  return {
    next: {
      ...rest,
      ...r,
      state: 'pending',
      submittedAt: at,
      version: item.version + 1,
      ...pendingIndex(r.district, at),
    },
  };
}

export function companyView(c: CompanyItem): CompanyView {
  return {
    companyId: c.companyId,
    name: c.name,
    creditCode: c.creditCode,
    address: c.address,
    district: c.district,
    workforce: c.workforce,
    plan: c.plan,
    state: c.state,
    ...(c.returnReason ? { returnReason: c.returnReason } : {}),
    submittedAt: c.submittedAt,
    ...(c.decidedAt ? { decidedAt: c.decidedAt } : {}),
    ...(c.gatePlaceId ? { gatePlaceId: c.gatePlaceId } : {}),
  };
}

/**
 * The gate's last `days` city days, newest first: how many scans (and visits), how many of them
 * yellow or red. Takes only times and colours, so nothing else can reach the answer.
 */
export function dailyCounts(
  placeId: string,
  records: readonly { at: string; colour?: string }[],
  now: Date,
  days: number,
): GateCountsResponse {
  const dates = Array.from({ length: days }, (_, i) => cityDate(new Date(now.getTime() - i * DAY_MS)));
  const byDate = new Map(dates.map((date) => [date, { date, scans: 0, yellow: 0, red: 0 }]));
  for (const r of records) {
    const day = byDate.get(cityDate(new Date(r.at)));
    if (!day) continue;
    day.scans += 1;
    if (r.colour === 'yellow') day.yellow += 1;
    if (r.colour === 'red') day.red += 1;
  }
  return { placeId, days: [...byDate.values()] };
}

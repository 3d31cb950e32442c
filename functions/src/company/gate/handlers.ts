import { DAY_MS } from '@citycare/contract';
import { conflict, notFound } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { ownCompany, readable } from '../access';
import { companyConfig } from '../config';
import type { CompanyItem } from '../items';
import { dailyCounts } from '../rules';
import { getCompany } from '../storage';
import { clock, health } from '../wiring';

/** An approved company's gate: its signed place code (poster) and its daily counts. */

function gateOf(c: CompanyItem): string {
  if (c.state !== 'approved' || !c.gatePlaceId) throw conflict('企业复工登记批准后才有门岗场所码');
  return c.gatePlaceId;
}

/** GET /company/companies/{companyId}/gate-code (companyGateCode): the gate's signed code, for its representative. */
export const gateCode = endpoint('companyGateCode', { roles: ['company'] }, async ({ params, caller }) => {
  const c = ownCompany(caller, await getCompany(params.companyId));
  const place = await health.getPlace(gateOf(c));
  if (!place) throw notFound('找不到企业门岗场所');
  const signed = await health.placeCode(place, clock.now());
  const { id, name, kind, district } = place;
  return { place: { id, name, kind, ...(district ? { district } : {}) }, ...signed };
});

/**
 * GET /company/companies/{companyId}/gate-counts (companyGateCounts): per day, scans at the gate
 * and how many were yellow or red. Counts only: no names, no codes, no times of anyone.
 */
export const gateCounts = endpoint(
  'companyGateCounts',
  { roles: ['company', 'resumption'] },
  async ({ params, caller }) => {
    const c = readable(caller, await getCompany(params.companyId));
    const placeId = gateOf(c);
    const now = clock.now();
    const days = companyConfig().countDays;
    const records = await health.placeColours(placeId, new Date(now.getTime() - days * DAY_MS), now);
    return dailyCounts(placeId, records, now, days);
  },
);

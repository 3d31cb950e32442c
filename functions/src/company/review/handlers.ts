import { endpoint } from '../../lib/http';
import { reviewable, reviewDistricts } from '../access';
import { companyView, decide as decideRule } from '../rules';
import { change, getCompany, pendingIn } from '../storage';
import { clock } from '../wiring';

/** A district's reviewing officials: the waiting companies, approve or return with a reason. */

/** GET /company/review (companyQueue): pending companies of the caller's districts, oldest first. */
export const queue = endpoint('companyQueue', { roles: ['resumption'] }, async ({ caller }) => {
  const lists = await Promise.all(reviewDistricts(caller.roles).map(pendingIn));
  const all = lists.flat().sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  return { companies: all.map(companyView) };
});

/**
 * POST /company/companies/{companyId}/decision (companyDecide): approve (the gate becomes a place
 * with a signed code) or return with a reason. Only officials of its district (403); a company is
 * decided once (409). Audited.
 */
export const decide = endpoint('companyDecide', { roles: ['resumption'] }, async ({ params, body, caller }) => {
  reviewable(caller, await getCompany(params.companyId));
  const now = clock.now();
  const next = await change(
    params.companyId,
    now,
    (item) => decideRule(item && reviewable(caller, item), body, caller.userId, now),
    { actorId: caller.userId, action: `company.${body.decision}`, fields: body.reason ? { reason: body.reason } : {} },
  );
  return { company: companyView(next) };
});

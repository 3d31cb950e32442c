import { AppError } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { requireCompany } from '../access';
import { reliefConfig } from '../config';
import { clock } from '../wiring';
import { applyForRelief, decidePart, reviews } from './storage';
import { reliefView, reviewView } from './views';

/** Relief (缓缴): a household applies once for all its accounts; each company's staff decide their part. */

/** POST /utility/relief (applyRelief): one application for every linked account. */
export const applyRelief = endpoint('applyRelief', {}, async ({ body, caller }) => {
  const household = await applyForRelief(reliefConfig(), caller.userId, body.hardship, clock.now());
  const relief = reliefView(household);
  if (!relief) throw new AppError('TRY_AGAIN', '申请正在处理中，请稍后刷新查看');
  return { relief };
});

const STATUSES = new Set(['pending', 'approved', 'rejected']);

/** GET /utility/staff/{company}/reviews?status=pending (reliefReviews): applications waiting for this company. */
export const reliefReviews = endpoint('reliefReviews', { roles: ['utility'] }, async ({ params, query, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const status = STATUSES.has(query.status ?? '') ? (query.status as string) : 'pending';
  return { reviews: (await reviews(company, status)).map(reviewView) };
});

/** POST /utility/staff/{company}/reviews/{householdId} (decideRelief): approve (protects at once) or reject. */
export const decideRelief = endpoint('decideRelief', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const part = await decidePart(
    reliefConfig(),
    caller.userId,
    company,
    params.householdId ?? '',
    body.decision,
    body.reason,
    clock.now(),
  );
  return { review: reviewView(part) };
});

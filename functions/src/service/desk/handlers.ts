import { endpoint } from '../../lib/http';
import { ServiceCategory } from '@citycare/contract';
import { AppError, notFound } from '../../lib/errors';
import { requireCategory, serviceCategories } from '../access';
import { serviceConfig } from '../config';
import { change, getConsultation } from '../storage';
import { queueItemView, staffView } from '../views';
import { clock } from '../wiring';
import { answer as answerRule, close as closeRule, handover as handoverRule, workable } from './rules';
import { openConsultations } from './storage';

/**
 * Service-centre staff: a category's queue (waiting first, the longest waiting first, with the
 * wait against the targets), a consultation, answering, handing over to another category and
 * closing. Staff granted some categories see and change only those (404 for any other).
 */

const MAX_QUEUE = 200;

/** GET /service/staff/queue/{category} (serviceQueue): 403 for a category the caller does not work. */
export const queue = endpoint('serviceQueue', { roles: ['service'] }, async ({ params, caller }) => {
  const parsed = ServiceCategory.safeParse(params.category);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '没有这一类咨询', [{ path: 'params.category', message: '咨询类别不正确' }]);
  }
  const category = parsed.data;
  const categories = requireCategory(caller.roles, category);
  const now = clock.now();
  const config = serviceConfig();
  const items = await openConsultations(category, MAX_QUEUE);
  return {
    category,
    categories,
    asOf: now.toISOString(),
    slaHours: { green: config.slaGreenHours, amber: config.slaAmberHours },
    items: items.map((i) => queueItemView(i, now, config)),
  };
});

/** GET /service/staff/consultations/{consultationId} (serviceStaffConsultation). */
export const staffConsultation = endpoint(
  'serviceStaffConsultation',
  { roles: ['service'] },
  async ({ params, caller }) => {
    const now = clock.now();
    const item = workable(await getConsultation(params.consultationId), serviceCategories(caller.roles), now);
    if (!item) throw notFound('没有找到这条咨询');
    return { consultation: staffView(item, now, serviceConfig()) };
  },
);

/** POST /service/staff/consultations/{consultationId}/answer (serviceAnswer): audited. */
export const answer = endpoint('serviceAnswer', { roles: ['service'] }, async ({ params, body, caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const categories = serviceCategories(caller.roles);
  const next = await change(
    params.consultationId,
    now,
    (item) => answerRule(item, categories, body.text, caller.userId, now, config),
    { staffId: caller.userId, action: 'service.answer' },
  );
  return { consultation: staffView(next, now, config) };
});

/** POST /service/staff/consultations/{consultationId}/handover (serviceHandover): to another category; audited. */
export const handover = endpoint('serviceHandover', { roles: ['service'] }, async ({ params, body, caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const categories = serviceCategories(caller.roles);
  const next = await change(
    params.consultationId,
    now,
    (item) => handoverRule(item, categories, body.to, body.note, caller.userId, now, config),
    { staffId: caller.userId, action: 'service.handover', fields: { to: body.to } },
  );
  return { consultation: staffView(next, now, config) };
});

/** POST /service/staff/consultations/{consultationId}/close (serviceClose): audited. */
export const close = endpoint('serviceClose', { roles: ['service'] }, async ({ params, body, caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const categories = serviceCategories(caller.roles);
  const next = await change(
    params.consultationId,
    now,
    (item) => closeRule(item, categories, body.note, caller.userId, now, config),
    { staffId: caller.userId, action: 'service.close' },
  );
  return { consultation: staffView(next, now, config) };
});

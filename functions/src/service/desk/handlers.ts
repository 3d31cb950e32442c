import type { Caller } from '../../auth/caller';
import { endpoint } from '../../lib/http';
import { ServiceCategory } from '@citycare/contract';
import { AppError, notFound } from '../../lib/errors';
import { requireCategory, serviceCategories } from '../access';
import { serviceConfig, type ServiceConfig } from '../config';
import type { ConsultationItem } from '../items';
import type { Step } from '../rules';
import { change, getConsultation, type StaffAct } from '../storage';
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

/** A staff rule's inputs but the request's own: the consultation, the caller's categories and id, the time. */
type StaffRule = (
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  staffId: string,
  now: Date,
  config: ServiceConfig,
) => Step;

/** Changes one consultation by a staff rule, audited as this act of the caller; answers the staff view. */
async function staffChange(consultationId: string, caller: Caller, rule: StaffRule, act: Omit<StaffAct, 'staffId'>) {
  const now = clock.now();
  const config = serviceConfig();
  const categories = serviceCategories(caller.roles);
  const next = await change(consultationId, now, (item) => rule(item, categories, caller.userId, now, config), {
    staffId: caller.userId,
    ...act,
  });
  return { consultation: staffView(next, now, config) };
}

/** POST /service/staff/consultations/{consultationId}/answer (serviceAnswer): audited. */
export const answer = endpoint('serviceAnswer', { roles: ['service'] }, ({ params, body, caller }) =>
  staffChange(
    params.consultationId,
    caller,
    (item, categories, staffId, now, config) => answerRule(item, categories, body.text, staffId, now, config),
    { action: 'service.answer' },
  ),
);

/** POST /service/staff/consultations/{consultationId}/handover (serviceHandover): to another category; audited. */
export const handover = endpoint('serviceHandover', { roles: ['service'] }, ({ params, body, caller }) =>
  staffChange(
    params.consultationId,
    caller,
    (item, categories, staffId, now, config) =>
      handoverRule(item, categories, body.to, body.note, staffId, now, config),
    { action: 'service.handover', fields: { to: body.to } },
  ),
);

/** POST /service/staff/consultations/{consultationId}/close (serviceClose): audited. */
export const close = endpoint('serviceClose', { roles: ['service'] }, ({ params, body, caller }) =>
  staffChange(
    params.consultationId,
    caller,
    (item, categories, staffId, now, config) => closeRule(item, categories, body.note, staffId, now, config),
    { action: 'service.close' },
  ),
);

import { endpoint } from '../../lib/http';
import { notFound } from '../../lib/errors';
import { serviceConfig } from '../config';
import { getConsultation, change } from '../storage';
import { consultationView, summaryView } from '../views';
import { clock } from '../wiring';
import { ownConsultation, reopen as reopenRule, residentReply } from './rules';
import { residentConsultations } from './storage';

/** A resident's own consultations: the list, one with its conversation, a reply, reopening. */

const MAX_LISTED = 50;

/** GET /service/consultations (serviceMine): the resident's consultations, newest first. */
export const mine = endpoint('serviceMine', { roles: ['resident'] }, async ({ caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const items = await residentConsultations(caller.userId, MAX_LISTED);
  return {
    consultations: items.filter((i) => ownConsultation(i, caller.userId, now)).map((i) => summaryView(i, now, config)),
  };
});

/** GET /service/consultations/{consultationId} (serviceConsultation): only its own resident sees it (404). */
export const consultation = endpoint('serviceConsultation', { roles: ['resident'] }, async ({ params, caller }) => {
  const now = clock.now();
  const own = ownConsultation(await getConsultation(params.consultationId), caller.userId, now);
  if (!own) throw notFound('没有找到这条咨询');
  return { consultation: consultationView(own, now, serviceConfig()) };
});

/** POST /service/consultations/{consultationId}/replies (serviceReply): the resident writes again. */
export const reply = endpoint('serviceReply', { roles: ['resident'] }, async ({ params, body, caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const next = await change(params.consultationId, now, (item) =>
    residentReply(item, caller.userId, body.text, now, config),
  );
  return { consultation: consultationView(next, now, config) };
});

/** POST /service/consultations/{consultationId}/reopen (serviceReopen): within the window after closing. */
export const reopen = endpoint('serviceReopen', { roles: ['resident'] }, async ({ params, caller }) => {
  const now = clock.now();
  const config = serviceConfig();
  const next = await change(params.consultationId, now, (item) => reopenRule(item, caller.userId, now, config));
  return { consultation: consultationView(next, now, config) };
});

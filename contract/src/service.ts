import * as z from 'zod';
import type { RouteDef } from './route-def';
import { CONSULTATION_STATUSES, SERVICE_CATEGORIES, SERVICE_TEXT, SLA_LEVELS } from './service-labels';

/**
 * The citizens' service centre online (不见面服务): residents open consultations (咨询) by
 * category and talk with the centre; service-centre staff work a queue per category (oldest
 * first, with its waiting time against the targets), answer, hand over to another category and
 * close. A closed consultation may be reopened by its resident within a week. Instants are
 * ISO-8601 UTC.
 */

export const ServiceCategory = z.enum(SERVICE_CATEGORIES, '请选择咨询类别');
export type ServiceCategory = z.infer<typeof ServiceCategory>;
export const ConsultationStatus = z.enum(CONSULTATION_STATUSES);
export const Sla = z.enum(SLA_LEVELS);

const Text = (min: number, max: number, empty: string) =>
  z.string(empty).trim().min(min, empty).max(max, `最多 ${max} 个字`);

export const AskRequest = z.object({
  category: ServiceCategory,
  question: Text(
    SERVICE_TEXT.questionMin,
    SERVICE_TEXT.questionMax,
    `请把问题写清楚（至少 ${SERVICE_TEXT.questionMin} 个字）`,
  ),
});
export type AskRequest = z.infer<typeof AskRequest>;

export const ReplyRequest = z.object({ text: Text(1, SERVICE_TEXT.replyMax, '请填写回复内容') });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

export const HandoverRequest = z.object({
  to: ServiceCategory,
  note: z.string().trim().max(SERVICE_TEXT.noteMax, `最多 ${SERVICE_TEXT.noteMax} 个字`).optional(),
});
export const CloseRequest = z.object({
  note: z.string().trim().max(SERVICE_TEXT.noteMax, `最多 ${SERVICE_TEXT.noteMax} 个字`).optional(),
});

/** One line of the conversation: the resident's, the centre's, or what happened (handed over, closed, reopened). */
export const ConsultationMessage = z.object({
  from: z.enum(['resident', 'centre', 'event']),
  text: z.string(),
  at: z.string(),
});
export type ConsultationMessage = z.infer<typeof ConsultationMessage>;

/** A consultation as its resident sees it (no staff identities). */
export const Consultation = z.object({
  consultationId: z.string(),
  category: ServiceCategory,
  status: ConsultationStatus,
  question: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().optional(),
  /** While closed: the last instant it may be reopened (server time); absent once that has passed. */
  reopenUntil: z.string().optional(),
  messages: z.array(ConsultationMessage),
});
export type Consultation = z.infer<typeof Consultation>;
export const ConsultationResponse = z.object({ consultation: Consultation });

export const ConsultationSummary = Consultation.omit({ messages: true }).extend({
  messageCount: z.number().int(),
  /** Who wrote last: a centre answer not yet replied to shows as 已答复. */
  lastFrom: ConsultationMessage.shape.from,
});
export type ConsultationSummary = z.infer<typeof ConsultationSummary>;
export const MyConsultations = z.object({ consultations: z.array(ConsultationSummary) });

/** One consultation in a category's queue: how long it has waited, against the targets. */
export const QueueItem = z.object({
  consultationId: z.string(),
  category: ServiceCategory,
  status: z.enum(['waiting', 'answered']),
  question: z.string(),
  createdAt: z.string(),
  /** Since when the resident has been waiting for the centre (waiting only). */
  waitingSince: z.string().optional(),
  waitedMinutes: z.number().int().optional(),
  sla: Sla.optional(),
  messageCount: z.number().int(),
  handedOverFrom: ServiceCategory.optional(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const ServiceQueue = z.object({
  category: ServiceCategory,
  /** The categories this member of staff works (all five when unscoped). */
  categories: z.array(ServiceCategory),
  /** The instant the waiting times were measured at. */
  asOf: z.string(),
  /** The targets: green under `greenHours`, amber under `amberHours`, red beyond. */
  slaHours: z.object({ green: z.number(), amber: z.number() }),
  /** Waiting first (oldest first), then answered ones awaiting the resident. */
  items: z.array(QueueItem),
});
export type ServiceQueue = z.infer<typeof ServiceQueue>;

/** A consultation as the centre's staff see it: the conversation and, while waiting, the wait. */
export const StaffConsultation = Consultation.extend({
  waitingSince: z.string().optional(),
  waitedMinutes: z.number().int().optional(),
  sla: Sla.optional(),
  handedOverFrom: ServiceCategory.optional(),
});
export type StaffConsultation = z.infer<typeof StaffConsultation>;
export const StaffConsultationResponse = z.object({ consultation: StaffConsultation });

const mine = '/service/consultations';
const staff = '/service/staff';

export const serviceRoutes = {
  /** Opens a consultation. Idempotency-Key required; a few a day per resident. */
  serviceAsk: { method: 'POST', path: mine, auth: true, body: AskRequest, response: ConsultationResponse },
  serviceMine: { method: 'GET', path: mine, auth: true, response: MyConsultations },
  serviceConsultation: {
    method: 'GET',
    path: `${mine}/{consultationId}`,
    auth: true,
    response: ConsultationResponse,
  },
  serviceReply: {
    method: 'POST',
    path: `${mine}/{consultationId}/replies`,
    auth: true,
    body: ReplyRequest,
    response: ConsultationResponse,
  },
  /** Reopens a closed consultation, within the reopening window after it was closed. */
  serviceReopen: {
    method: 'POST',
    path: `${mine}/{consultationId}/reopen`,
    auth: true,
    response: ConsultationResponse,
  },
  serviceQueue: {
    method: 'GET',
    path: `${staff}/queue/{category}`,
    auth: true,
    response: ServiceQueue,
  },
  serviceStaffConsultation: {
    method: 'GET',
    path: `${staff}/consultations/{consultationId}`,
    auth: true,
    response: StaffConsultationResponse,
  },
  serviceAnswer: {
    method: 'POST',
    path: `${staff}/consultations/{consultationId}/answer`,
    auth: true,
    body: ReplyRequest,
    response: StaffConsultationResponse,
  },
  serviceHandover: {
    method: 'POST',
    path: `${staff}/consultations/{consultationId}/handover`,
    auth: true,
    body: HandoverRequest,
    response: StaffConsultationResponse,
  },
  serviceClose: {
    method: 'POST',
    path: `${staff}/consultations/{consultationId}/close`,
    auth: true,
    body: CloseRequest,
    response: StaffConsultationResponse,
  },
} as const satisfies Record<string, RouteDef>;

import type { Consultation, ConsultationSummary, QueueItem, StaffConsultation } from '@citycare/contract';
import type { ConsultationItem } from './items';
import { mayReopen, reopenDeadline, slaLevel, waitedMinutes, type Targets, type Windows } from './rules';

/** How a consultation is shown: to its resident (no staff identities), in the queue, to staff. */

export function consultationView(item: ConsultationItem, now: Date, windows: Windows): Consultation {
  return {
    consultationId: item.consultationId,
    category: item.category,
    status: item.status,
    question: item.question,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    ...(item.closedAt ? { closedAt: item.closedAt } : {}),
    ...(item.closedAt && mayReopen(item, now, windows) ? { reopenUntil: reopenDeadline(item.closedAt, windows) } : {}),
    messages: item.messages.map(({ from, text, at }) => ({ from, text, at })),
  };
}

export function summaryView(item: ConsultationItem, now: Date, windows: Windows): ConsultationSummary {
  const { messages, ...rest } = consultationView(item, now, windows);
  return { ...rest, messageCount: messages.length, lastFrom: messages.at(-1)?.from ?? 'resident' };
}

function waiting(item: ConsultationItem, now: Date, targets: Targets) {
  if (item.status !== 'waiting' || !item.waitingSince) return {};
  const minutes = waitedMinutes(item.waitingSince, now);
  return { waitingSince: item.waitingSince, waitedMinutes: minutes, sla: slaLevel(minutes, targets) };
}

export function queueItemView(item: ConsultationItem, now: Date, targets: Targets): QueueItem {
  return {
    consultationId: item.consultationId,
    category: item.category,
    status: item.status === 'answered' ? 'answered' : 'waiting',
    question: item.question,
    createdAt: item.createdAt,
    ...waiting(item, now, targets),
    messageCount: item.messages.length,
    ...(item.handedOverFrom ? { handedOverFrom: item.handedOverFrom } : {}),
  };
}

export function staffView(item: ConsultationItem, now: Date, config: Targets & Windows): StaffConsultation {
  return {
    ...consultationView(item, now, config),
    ...waiting(item, now, config),
    ...(item.handedOverFrom ? { handedOverFrom: item.handedOverFrom } : {}),
  };
}

import type { ServiceCategory, SlaLevel } from '@citycare/contract';
import type { ConsultationItem, StoredMessage } from './items';
import { consultationKey, queuePartition, residentPartition } from './keys';

/**
 * The service centre's shared pure rules: how long a consultation has waited against the
 * targets, the reopening window, where an item is indexed, the queue's order. No I/O, no clock.
 */

export interface Targets {
  slaGreenHours: number;
  slaAmberHours: number;
}

export interface Windows {
  reopenDays: number;
  closedTtlDays: number;
  messagesPerConsultation: number;
}

/** A refusal, decided from the stored item: the handler's status comes from its code. */
export interface Refusal {
  code: 'NOT_FOUND' | 'CONFLICT';
  message: string;
}

export type Step = { next: ConsultationItem } | { refusal: Refusal };

const DAY_MS = 24 * 3600 * 1000;

export const NOT_FOUND: Refusal = { code: 'NOT_FOUND', message: '没有找到这条咨询' };

/** Whole minutes from `since` to `now` (never negative). */
export function waitedMinutes(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60000));
}

/** green under the first target, amber under the second, red beyond. */
export function slaLevel(minutes: number, targets: Targets): SlaLevel {
  if (minutes < targets.slaGreenHours * 60) return 'green';
  if (minutes < targets.slaAmberHours * 60) return 'amber';
  return 'red';
}

/** The last instant a closed consultation may be reopened: `reopenDays` after it was closed. */
export function reopenDeadline(closedAt: string, windows: Pick<Windows, 'reopenDays'>): string {
  return new Date(Date.parse(closedAt) + windows.reopenDays * DAY_MS).toISOString();
}

/** Whether it may be reopened at `now` (server time): closed, and no more than `reopenDays` ago. */
export function mayReopen(item: Pick<ConsultationItem, 'status' | 'closedAt'>, now: Date, windows: Windows): boolean {
  return (
    item.status === 'closed' &&
    item.closedAt !== undefined &&
    now.getTime() <= Date.parse(reopenDeadline(item.closedAt, windows))
  );
}

/** Past its TTL: DynamoDB deletes it some time later; until then it is treated as gone. */
export function isExpired(item: Pick<ConsultationItem, 'expiresAt'>, now: Date): boolean {
  return item.expiresAt !== undefined && item.expiresAt * 1000 <= now.getTime();
}

/** Room for one more message? */
export function hasRoom(item: Pick<ConsultationItem, 'messages'>, windows: Windows): boolean {
  return item.messages.length < windows.messagesPerConsultation;
}

export const FULL: Refusal = {
  code: 'CONFLICT',
  message: '这条咨询的对话已经很长了，请新开一条咨询继续提问',
};

/**
 * The item with its index attributes and TTL in step with its status: in its category's queue
 * while open; out of it, and expiring `closedTtlDays` after closing, once closed.
 */
export function placed(item: ConsultationItem, windows: Windows): ConsultationItem {
  const { gsi1pk: _q, gsi1sk: _s, expiresAt: _e, ...rest } = item;
  if (item.status === 'closed') {
    const closedAt = Date.parse(item.closedAt ?? item.updatedAt);
    return { ...rest, expiresAt: Math.floor(closedAt / 1000) + windows.closedTtlDays * 86400 };
  }
  return { ...rest, gsi1pk: queuePartition(item.category), gsi1sk: `${item.createdAt}#${item.consultationId}` };
}

/** A new consultation, waiting for the centre since it was asked. */
export function newConsultation(
  input: { consultationId: string; residentId: string; category: ServiceCategory; question: string },
  now: Date,
  windows: Windows,
): ConsultationItem {
  const at = now.toISOString();
  return placed(
    {
      ...consultationKey(input.consultationId),
      ...input,
      status: 'waiting',
      messages: [{ from: 'resident', text: input.question, at }],
      createdAt: at,
      updatedAt: at,
      waitingSince: at,
      version: 1,
      gsi2pk: residentPartition(input.residentId),
      gsi2sk: `${at}#${input.consultationId}`,
    },
    windows,
  );
}

/** The next version of `item`: its fields changed, the messages added, placed again. */
export function advance(
  item: ConsultationItem,
  change: Partial<ConsultationItem>,
  messages: StoredMessage[],
  now: Date,
  windows: Windows,
): ConsultationItem {
  const next = {
    ...item,
    ...change,
    messages: [...item.messages, ...messages],
    updatedAt: now.toISOString(),
    version: item.version + 1,
  };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete (next as Record<string, unknown>)[k];
  return placed(next, windows);
}

/** The queue's order: waiting ones first, the longest waiting first; then answered ones, oldest first. */
export function queueOrder(a: ConsultationItem, b: ConsultationItem): number {
  const rank = (i: ConsultationItem) => (i.status === 'waiting' ? 0 : 1);
  const since = (i: ConsultationItem) => (i.status === 'waiting' ? (i.waitingSince ?? i.updatedAt) : i.updatedAt);
  return rank(a) - rank(b) || since(a).localeCompare(since(b)) || a.consultationId.localeCompare(b.consultationId);
}

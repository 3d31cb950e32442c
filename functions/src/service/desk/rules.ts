import { SERVICE_CATEGORY_LABELS, type ServiceCategory } from '@citycare/contract';
import type { ConsultationItem } from '../items';
import { advance, FULL, hasRoom, isExpired, NOT_FOUND, type Refusal, type Step, type Windows } from '../rules';

/** What service-centre staff may do with a consultation of their categories. Pure. */

/** A consultation of one of `categories`; any other, unknown or expired one is "not found". */
export function workable(
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  now: Date,
): ConsultationItem | undefined {
  return item && categories.includes(item.category) && !isExpired(item, now) ? item : undefined;
}

const CLOSED: Refusal = { code: 'CONFLICT', message: '这条咨询已关闭' };

function open(item: ConsultationItem | undefined, categories: readonly ServiceCategory[], now: Date) {
  const found = workable(item, categories, now);
  if (!found) return { refusal: NOT_FOUND };
  if (found.status === 'closed') return { refusal: CLOSED };
  return { item: found };
}

/** An answer: the consultation now awaits the resident. */
export function answer(
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  text: string,
  staffId: string,
  now: Date,
  windows: Windows,
): Step {
  const found = open(item, categories, now);
  if (!found.item) return { refusal: found.refusal };
  if (!hasRoom(found.item, windows)) return { refusal: FULL };
  const at = now.toISOString();
  return {
    next: advance(
      found.item,
      { status: 'answered', waitingSince: undefined },
      [{ from: 'centre', text, at, by: staffId }],
      now,
      windows,
    ),
  };
}

/**
 * Handing over to another category's queue: it waits there (for as long as it already waited,
 * or from now if it had been answered).
 */
export function handover(
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  to: ServiceCategory,
  note: string | undefined,
  staffId: string,
  now: Date,
  windows: Windows,
): Step {
  const found = open(item, categories, now);
  if (!found.item) return { refusal: found.refusal };
  const from = found.item.category;
  if (from === to)
    return { refusal: { code: 'CONFLICT', message: `这条咨询已经在「${SERVICE_CATEGORY_LABELS[to]}」` } };
  const at = now.toISOString();
  const text = `已由「${SERVICE_CATEGORY_LABELS[from]}」转交「${SERVICE_CATEGORY_LABELS[to]}」${note ? `：${note}` : ''}`;
  return {
    next: advance(
      found.item,
      {
        category: to,
        handedOverFrom: from,
        status: 'waiting',
        waitingSince: found.item.status === 'waiting' ? found.item.waitingSince : at,
      },
      [{ from: 'event', text, at, by: staffId }],
      now,
      windows,
    ),
  };
}

/** Closing: it leaves the queue, may be reopened by its resident for a while, and expires later. */
export function close(
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  note: string | undefined,
  staffId: string,
  now: Date,
  windows: Windows,
): Step {
  const found = open(item, categories, now);
  if (!found.item) return { refusal: found.refusal };
  const at = now.toISOString();
  return {
    next: advance(
      found.item,
      { status: 'closed', closedAt: at, waitingSince: undefined },
      [{ from: 'event', text: `服务中心已关闭咨询${note ? `：${note}` : ''}`, at, by: staffId }],
      now,
      windows,
    ),
  };
}

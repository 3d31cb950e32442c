import { SERVICE_CATEGORY_LABELS, type ServiceCategory } from '@citycare/contract';
import type { ConsultationItem, StoredMessage } from '../items';
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

/** What a staff act does to an open consultation: the change, and the line it adds to the thread. */
interface Act {
  change: Partial<ConsultationItem>;
  line: Pick<StoredMessage, 'from' | 'text'>;
}

/**
 * A staff act on an open consultation of `categories`, by `staffId` now, or its refusal (an
 * unknown, expired or closed consultation is refused before `act` is asked).
 */
function staffStep(
  item: ConsultationItem | undefined,
  categories: readonly ServiceCategory[],
  by: { staffId: string; now: Date; windows: Windows },
  act: (found: ConsultationItem) => Act | Refusal,
): Step {
  const found = workable(item, categories, by.now);
  if (!found) return { refusal: NOT_FOUND };
  if (found.status === 'closed') return { refusal: CLOSED };
  const acted = act(found);
  if ('code' in acted) return { refusal: acted };
  const at = by.now.toISOString();
  return { next: advance(found, acted.change, [{ ...acted.line, at, by: by.staffId }], by.now, by.windows) };
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
  return staffStep(item, categories, { staffId, now, windows }, (found) =>
    hasRoom(found, windows)
      ? { change: { status: 'answered', waitingSince: undefined }, line: { from: 'centre', text } }
      : FULL,
  );
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
  return staffStep(item, categories, { staffId, now, windows }, (found) => {
    const from = found.category;
    if (from === to) return { code: 'CONFLICT', message: `这条咨询已经在「${SERVICE_CATEGORY_LABELS[to]}」` };
    const text = `已由「${SERVICE_CATEGORY_LABELS[from]}」转交「${SERVICE_CATEGORY_LABELS[to]}」${note ? `：${note}` : ''}`;
    const waitingSince = found.status === 'waiting' ? found.waitingSince : now.toISOString();
    return {
      change: { category: to, handedOverFrom: from, status: 'waiting', waitingSince },
      line: { from: 'event', text },
    };
  });
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
  return staffStep(item, categories, { staffId, now, windows }, () => ({
    change: { status: 'closed', closedAt: now.toISOString(), waitingSince: undefined },
    line: { from: 'event', text: `服务中心已关闭咨询${note ? `：${note}` : ''}` },
  }));
}

import type { ConsultationItem } from '../items';
import { advance, FULL, hasRoom, isExpired, mayReopen, NOT_FOUND, type Step, type Windows } from '../rules';

/** What a resident may do with their consultation. Pure: the item as read, the time as given. */

/** Only its own resident sees a consultation; another's, an unknown or an expired one is "not found". */
export function ownConsultation(
  item: ConsultationItem | undefined,
  residentId: string,
  now: Date,
): ConsultationItem | undefined {
  return item && item.residentId === residentId && !isExpired(item, now) ? item : undefined;
}

/** A reply from the resident: the consultation waits for the centre again (since now, if it was answered). */
export function residentReply(
  item: ConsultationItem | undefined,
  residentId: string,
  text: string,
  now: Date,
  windows: Windows,
): Step {
  const own = ownConsultation(item, residentId, now);
  if (!own) return { refusal: NOT_FOUND };
  if (own.status === 'closed') {
    return {
      refusal: {
        code: 'CONFLICT',
        message: mayReopen(own, now, windows)
          ? '这条咨询已关闭，请先点“重新打开”再回复'
          : '这条咨询已关闭，请新开一条咨询',
      },
    };
  }
  if (!hasRoom(own, windows)) return { refusal: FULL };
  const at = now.toISOString();
  return {
    next: advance(
      own,
      { status: 'waiting', waitingSince: own.status === 'waiting' ? own.waitingSince : at },
      [{ from: 'resident', text, at }],
      now,
      windows,
    ),
  };
}

/** Reopening: only a closed consultation, within `reopenDays` of its closing (server time). */
export function reopen(item: ConsultationItem | undefined, residentId: string, now: Date, windows: Windows): Step {
  const own = ownConsultation(item, residentId, now);
  if (!own) return { refusal: NOT_FOUND };
  if (own.status !== 'closed') return { refusal: { code: 'CONFLICT', message: '这条咨询没有关闭，可以直接回复' } };
  if (!mayReopen(own, now, windows)) {
    return {
      refusal: {
        code: 'CONFLICT',
        message: `咨询关闭超过 ${windows.reopenDays} 天，不能重新打开，请新开一条咨询`,
      },
    };
  }
  if (!hasRoom(own, windows)) return { refusal: FULL };
  const at = now.toISOString();
  return {
    next: advance(
      own,
      { status: 'waiting', waitingSince: at, closedAt: undefined },
      [{ from: 'event', text: '居民重新打开了咨询', at }],
      now,
      windows,
    ),
  };
}

import { openCursor, sealCursor } from '../lib/cursor';
import { badRequest } from '../lib/errors';

/**
 * Officials' queues (open appeals, open disputes) are one partition each, read oldest first a
 * page at a time; the position between pages travels as a sealed cursor of that partition.
 */
export const QUEUE_PAGE = 20;

/** Where a page starts: undefined for the first; 400 for a cursor that is not a position in queue `pk`. */
export async function queueStart(scope: string, cursor: string | undefined, pk: string) {
  const start = cursor ? await openCursor(scope, cursor) : undefined;
  if (start && (start.pk !== pk || typeof start.sk !== 'string' || Object.keys(start).length !== 2)) {
    throw badRequest('翻页参数无效，请从第一页重新加载');
  }
  return start;
}

/** The cursor of the next page, when there is one. */
export async function nextCursor(scope: string, last: Record<string, unknown> | undefined) {
  return last ? await sealCursor(scope, last) : undefined;
}

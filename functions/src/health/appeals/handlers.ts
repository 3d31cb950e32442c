import type { AppealView } from '@citycare/contract';
import { conflict } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { ownResident } from '../access';
import { OPEN_APPEALS } from '../keys';
import { nextCursor, QUEUE_PAGE, queueStart } from '../queues';
import { clock } from '../wiring';
import {
  appealsOf,
  countOpenAppeals,
  createAppeal,
  getOpenAppeal,
  keepAppeal,
  openAppealsPage,
  type AppealItem,
} from './storage';

/**
 * Appeals (纠错): a resident asks officials to review a status; officials work the queue. An
 * appeal is closed by changing the status (review/, with the appeal's id) or by keeping it here.
 */

const SCOPE = 'health.appeals';

export function appealView(a: AppealItem): AppealView {
  return {
    appealId: a.appealId,
    residentId: a.residentId,
    maskedName: a.maskedName,
    colour: a.colour as AppealView['colour'],
    reason: a.reason,
    createdAt: a.createdAt,
    status: a.status ?? 'open',
    outcome: a.outcome,
    decision: a.decision,
    closedAt: a.closedAt,
  };
}

/** POST /health/appeals (healthAppeal): the resident asks for a review of a status; one open at a time. */
export const appeal = endpoint('healthAppeal', {}, async ({ body, caller }) => {
  const p = await ownResident(caller, body.residentId);
  const a = await createAppeal(p, body.reason, clock.now().toISOString());
  return new Reply(201, { appeal: appealView(a) });
});

/** GET /health/residents/{residentId}/appeals (healthMyAppeals): the resident's appeals with their outcomes, newest first. */
export const myAppeals = endpoint('healthMyAppeals', {}, async ({ params, caller }) => {
  const p = await ownResident(caller, params.residentId ?? '');
  return { appeals: (await appealsOf(p)).map(appealView) };
});

/** GET /health/appeals?cursor= (healthAppeals): the officials' queue of open appeals, oldest first, a page at a time. */
export const appeals = endpoint('healthAppeals', { roles: ['official'] }, async ({ query }) => {
  const start = await queueStart(SCOPE, query.cursor, OPEN_APPEALS);
  const [page, waiting] = await Promise.all([openAppealsPage(start, QUEUE_PAGE), countOpenAppeals()]);
  return {
    appeals: page.items.map(appealView),
    waiting,
    nextCursor: await nextCursor(SCOPE, page.last),
  };
});

/** POST /health/appeals/{appealId}/close (healthCloseAppeal): 维持原状态 — closes an appeal without changing the colour. */
export const closeAppeal = endpoint('healthCloseAppeal', { roles: ['official'] }, async ({ params, body, caller }) => {
  const a = await getOpenAppeal(params.appealId ?? '');
  if (!a) throw conflict('该纠错申请已处理或不存在');
  return { appeal: appealView(await keepAppeal(a, body.reason, caller.userId, clock.now().toISOString())) };
});

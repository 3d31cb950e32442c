import type { DisputeView } from '@citycare/contract';
import { openCursor, sealCursor } from '../lib/cursor';
import { badRequest, conflict } from '../lib/errors';
import { endpoint } from '../lib/http';
import {
  getDispute,
  OPEN_DISPUTES,
  openDisputesPage,
  resolveDispute as resolve,
  type DisputeItem,
} from './store-disputes';

/** Officials' routes for disputes over an ID number: the queue, and keep-or-move. */

const SCOPE = 'health.disputes';
const PAGE = 20;

function disputeView(d: DisputeItem, closed?: { decision: DisputeView['decision']; reason: string }): DisputeView {
  return {
    disputeId: d.disputeId,
    idMasked: d.idMasked,
    claimantName: d.claimantName,
    claimantRelation: d.claimantRelation,
    community: d.community,
    holderName: d.holderName,
    createdAt: d.createdAt,
    status: closed ? 'closed' : 'open',
    ...closed,
  };
}

/** GET /health/disputes?cursor=: open disputes, oldest first, a page at a time, and how many wait. */
export const disputes = endpoint('healthDisputes', { roles: ['official'] }, async ({ query }) => {
  const start = query.cursor ? await openCursor(SCOPE, query.cursor) : undefined;
  if (start && (start.pk !== OPEN_DISPUTES || typeof start.sk !== 'string' || Object.keys(start).length !== 2)) {
    throw badRequest('翻页参数无效，请从第一页重新加载');
  }
  const page = await openDisputesPage(start, PAGE);
  return {
    disputes: page.items.map((d) => disputeView(d)),
    waiting: page.waiting,
    nextCursor: page.last ? await sealCursor(SCOPE, page.last) : undefined,
  };
});

/** POST /health/disputes/{disputeId}: keep the registration, or move the ID number to the claimant; audited. */
export const resolveDispute = endpoint(
  'healthResolveDispute',
  { roles: ['official'] },
  async ({ params, body, caller }) => {
    const d = await getDispute(params.disputeId ?? '');
    if (!d) throw conflict('该申诉已处理或不存在');
    await resolve(d, body.decision, body.reason, caller.userId, new Date().toISOString());
    return { dispute: disputeView(d, { decision: body.decision, reason: body.reason }) };
  },
);

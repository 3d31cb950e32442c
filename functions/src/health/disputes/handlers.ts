import type { DisputeView } from '@citycare/contract';
import { conflict } from '../../lib/errors';
import { endpoint } from '../../lib/http';
import { OPEN_DISPUTES } from '../keys';
import { nextCursor, QUEUE_PAGE, queueStart } from '../queues';
import { clock } from '../wiring';
import { getDispute, openDisputesPage, resolveDispute as resolve, type DisputeItem } from './storage';

/** Officials' routes for disputes over an ID number: the queue, and keep-or-move. */

const SCOPE = 'health.disputes';

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

/** GET /health/disputes?cursor= (healthDisputes): open disputes, oldest first, a page at a time, and how many wait. */
export const disputes = endpoint('healthDisputes', { roles: ['official'] }, async ({ query }) => {
  const start = await queueStart(SCOPE, query.cursor, OPEN_DISPUTES);
  const page = await openDisputesPage(start, QUEUE_PAGE);
  return {
    disputes: page.items.map((d) => disputeView(d)),
    waiting: page.waiting,
    nextCursor: await nextCursor(SCOPE, page.last),
  };
});

/** POST /health/disputes/{disputeId} (healthResolveDispute): keep the registration, or move the ID number to the claimant; audited. */
export const resolveDispute = endpoint(
  'healthResolveDispute',
  { roles: ['official'] },
  async ({ params, body, caller }) => {
    const d = await getDispute(params.disputeId ?? '');
    if (!d) throw conflict('该申诉已处理或不存在');
    await resolve(d, body.decision, body.reason, caller.userId, clock.now().toISOString());
    return { dispute: disputeView(d, { decision: body.decision, reason: body.reason }) };
  },
);

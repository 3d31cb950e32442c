import type { Group } from '@citycare/contract';
import { forbidden, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { isWorkerOf, requireWorker } from '../access';
import { refuse } from '../refusals';
import { answerOnce } from '../storage';
import { orderView } from '../views';
import { clock, health } from '../wiring';
import { shareCashierParams, shareCashierParamsIfPending } from '../paying/cashier';
import { MAY_NOT_JOIN_MESSAGE, mayJoinGroup, refusePayShare } from './rules';
import { addShare, closeIntoOrder, createGroup, existingGroup, getShare, groupsOf, sharesOf } from './storage';
import { groupView, shareView } from './views';

/** Group orders (卡点购物车): a worker opens and closes; residents join and pay their share through WeChat Pay. */

type Joined = { group: Group; share: ReturnType<typeof shareView> };

/** POST /grocery/groups */
export const openGroup = endpoint('groceryOpenGroup', { roles: ['worker'] }, async ({ body, caller }) => {
  requireWorker(caller, body.communityId);
  const now = clock.now();
  const group = await createGroup(caller.userId, body, now);
  return new Reply(201, { group: groupView(group, [], { userId: caller.userId, worker: true }, now) });
});

/** GET /grocery/communities/{communityId}/groups */
export const groups = endpoint('groceryGroups', {}, async ({ params, caller }) => {
  const communityId = params.communityId ?? '';
  const viewer = { userId: caller.userId, worker: isWorkerOf(caller, communityId) };
  const now = clock.now();
  return { groups: (await groupsOf(communityId)).map((g) => groupView(g, [], viewer, now)) };
});

/** GET /grocery/groups/{groupId} */
export const group = endpoint('groceryGroup', {}, async ({ params, caller }) => {
  const g = await existingGroup(params.groupId ?? '');
  const viewer = { userId: caller.userId, worker: isWorkerOf(caller, g.communityId) };
  return { group: groupView(g, await sharesOf(g.groupId), viewer, clock.now()) };
});

/**
 * POST /grocery/groups/{groupId}/join: one transaction (stock, counters, the group's totals, the
 * share and its pending WeChat Pay payment), retried safely with the Idempotency-Key. The answer
 * carries the cashier's parameters; the share is paid only on WeChat Pay's verified notification.
 */
export const joinGroup = endpoint(
  'groceryJoinGroup',
  { roles: ['resident'] },
  async ({ params, body, headers, caller }) => {
    const key = idempotencyKey(headers, true) as string;
    const scope = { userId: caller.userId, operation: 'grocery.join', key, fingerprint: fingerprint({ params, body }) };
    const now = clock.now();
    const [g, colour] = await Promise.all([existingGroup(params.groupId ?? ''), health.colourOf(caller.userId)]);
    const reply = await answerOnce<Joined>(scope, async () => {
      refuse(mayJoinGroup(colour) ? null : { code: 'UNPROCESSABLE', message: MAY_NOT_JOIN_MESSAGE });
      const me = { userId: caller.userId, worker: false };
      const answer = await addShare(caller.userId, g, body, scope, now, (share) => ({
        group: groupView(
          { ...g, memberCount: g.memberCount + 1, totalFen: g.totalFen + share.totalFen },
          [share],
          me,
          now,
        ),
        share: shareView(share, false),
      }));
      return new Reply(answer.status, answer.body as Joined);
    });
    // The cashier's parameters after the commit (a retry with the same key asks again).
    const share = reply.body.share.memberId ? await getShare(g.groupId, reply.body.share.memberId) : undefined;
    const clientParams = share && !refusePayShare(share) ? await shareCashierParamsIfPending(share, g, now) : undefined;
    return clientParams ? new Reply(reply.status, { ...reply.body, clientParams }) : reply;
  },
);

/**
 * POST /grocery/groups/{groupId}/shares/{memberId}/pay: the cashier again for the caller's own
 * share still to be paid. It marks nothing paid: only WeChat Pay's verified notification does
 * (paying/share-hooks.ts).
 */
export const payShare = endpoint('groceryPayShare', { roles: ['resident'] }, async ({ params, caller }) => {
  const g = await existingGroup(params.groupId ?? '');
  const share = await getShare(g.groupId, params.memberId ?? '');
  if (!share) throw notFound('没有这份团购');
  if (share.userId !== caller.userId) throw forbidden('只能为自己的那份付款');
  refuse(refusePayShare(share));
  const now = clock.now();
  return {
    group: groupView(g, [share], { userId: caller.userId, worker: false }, now),
    share: shareView(share, false),
    clientParams: await shareCashierParams(share, g, now),
  };
});

/** POST /grocery/groups/{groupId}/close (截单): the group becomes one order to the store. */
export const closeGroup = endpoint('groceryCloseGroup', { roles: ['worker'] }, async ({ params, caller }) => {
  const g = await existingGroup(params.groupId ?? '');
  requireWorker(caller, g.communityId);
  const now = clock.now();
  const { group: closed, order } = await closeIntoOrder(g, now);
  const shares = await sharesOf(g.groupId);
  return {
    group: groupView(closed, shares, { userId: caller.userId, worker: true }, now),
    ...(order ? { order: orderView(order, 'owner') } : {}),
  };
});

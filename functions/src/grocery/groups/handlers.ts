import type { Group } from '@citycare/contract';
import { forbidden, notFound } from '../../lib/errors';
import { endpoint, Reply } from '../../lib/http';
import { fingerprint, idempotencyKey } from '../../lib/idempotency';
import { isWorkerOf, requireWorker } from '../access';
import { refuse } from '../refusals';
import { answerOnce } from '../storage';
import { orderView } from '../views';
import { clock, health } from '../wiring';
import { MAY_NOT_JOIN_MESSAGE, mayJoinGroup } from './rules';
import {
  addShare,
  closeIntoOrder,
  createGroup,
  existingGroup,
  getShare,
  groupsOf,
  settleShare,
  sharesOf,
} from './storage';
import { groupView, shareView } from './views';

/** Group orders (卡点购物车): a worker opens and closes; residents join and pay their share by phone. */

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

/** POST /grocery/groups/{groupId}/join: one transaction, retried safely with the Idempotency-Key. */
export const joinGroup = endpoint(
  'groceryJoinGroup',
  { roles: ['resident'] },
  async ({ params, body, headers, caller }) => {
    const key = idempotencyKey(headers, true) as string;
    const scope = { userId: caller.userId, operation: 'grocery.join', key, fingerprint: fingerprint({ params, body }) };
    const now = clock.now();
    return answerOnce<Joined>(scope, async () => {
      const [g, colour] = await Promise.all([existingGroup(params.groupId ?? ''), health.colourOf(caller.userId)]);
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
  },
);

/** POST /grocery/groups/{groupId}/shares/{memberId}/pay: a household pays its own share. */
export const payShare = endpoint('groceryPayShare', { roles: ['resident'] }, async ({ params, caller }) => {
  const g = await existingGroup(params.groupId ?? '');
  const share = await getShare(g.groupId, params.memberId ?? '');
  if (!share) throw notFound('没有这份团购');
  if (share.userId !== caller.userId) throw forbidden('只能为自己的那份付款');
  const now = clock.now();
  const paid = await settleShare(share, now);
  return {
    group: groupView(g, [paid], { userId: caller.userId, worker: false }, now),
    share: shareView(paid, false),
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

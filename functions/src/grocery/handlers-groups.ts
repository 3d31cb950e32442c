import { maskName } from '@citycare/contract';
import type { Group } from '@citycare/contract';
import { AppError, forbidden, notFound } from '../lib/errors';
import { endpoint, Reply } from '../lib/http';
import { fingerprint, idempotencyKey, storedReply } from '../lib/idempotency';
import { isWorkerOf, requireWorker } from './shared/access';
import { totalsPerItem } from './shared/rules';
import { health } from './wiring';
import { groupStatus, mayJoinGroup } from './groups/rules';
import { closeGroup } from './store-group-close';
import {
  getGroup,
  getShare,
  groupsOf,
  joinGroup,
  openGroup,
  payShare,
  sharesOf,
  type GroupItem,
  type ShareItem,
} from './store-groups';
import { orderView } from './shared/views';

/** Group orders (卡点购物车): a worker opens and closes; residents join and pay their share by phone. */

const shareView = (s: ShareItem, masked: boolean) => ({
  memberId: s.memberId,
  household: s.household,
  contactName: masked ? maskName(s.contactName) : s.contactName,
  lines: s.lines.map(({ dailyLimit: _l, ...l }) => l),
  totalFen: s.totalFen,
  paid: s.paid,
  ...(s.released ? { released: true } : {}),
});

/**
 * The worker of the group's community sees every household; a resident only their own shares.
 * Past its cutoff an open group shows as `closing` until the schedule (or the worker) closes it.
 */
function groupView(g: GroupItem, shares: ShareItem[], viewer: { userId: string; worker: boolean }): Group {
  const visible = viewer.worker ? shares : shares.filter((s) => s.userId === viewer.userId);
  return {
    groupId: g.groupId,
    storeId: g.storeId,
    storeName: g.storeName,
    communityId: g.communityId,
    slotId: g.slotId,
    label: g.label,
    cutoffAt: g.cutoffAt,
    status: groupStatus(g.status, g.cutoffAt, new Date()),
    memberCount: g.memberCount,
    totalFen: g.totalFen,
    ...(g.orderId ? { orderId: g.orderId } : {}),
    shares: visible.map((s) => shareView(s, s.userId !== viewer.userId)),
    totals: viewer.worker ? totalsPerItem(shares.flatMap((s) => s.lines)) : [],
    createdAt: g.createdAt,
  };
}

export const open = endpoint('groceryOpenGroup', { roles: ['worker'] }, async ({ body, caller }) => {
  requireWorker(caller, body.communityId);
  const group = await openGroup(caller.userId, body, new Date());
  return new Reply(201, { group: groupView(group, [], { userId: caller.userId, worker: true }) });
});

export const list = endpoint('groceryGroups', {}, async ({ params, caller }) => {
  const communityId = params.communityId ?? '';
  const worker = isWorkerOf(caller, communityId);
  return { groups: (await groupsOf(communityId)).map((g) => groupView(g, [], { userId: caller.userId, worker })) };
});

async function found(groupId: string) {
  const g = await getGroup(groupId);
  if (!g) throw notFound('没有这个团购');
  return g;
}

export const detail = endpoint('groceryGroup', {}, async ({ params, caller }) => {
  const g = await found(params.groupId ?? '');
  const worker = isWorkerOf(caller, g.communityId);
  return { group: groupView(g, await sharesOf(g.groupId), { userId: caller.userId, worker }) };
});

/** A household adds its items to the group: one transaction, retried safely with the Idempotency-Key. */
export const join = endpoint('groceryJoinGroup', { roles: ['resident'] }, async ({ params, body, headers, caller }) => {
  const key = idempotencyKey(headers, true) as string;
  const scope = { userId: caller.userId, operation: 'grocery.join', key, fingerprint: fingerprint({ params, body }) };
  const now = new Date();
  try {
    const [g, colour] = await Promise.all([found(params.groupId ?? ''), health.colourOf(caller.userId)]);
    if (!mayJoinGroup(colour)) {
      throw new AppError(
        'UNPROCESSABLE',
        '您家正在居家观察，不能参加卡点团购（需到卡点取货）。请单独下单，送货上门、无接触交接',
      );
    }
    const answer = await joinGroup(caller.userId, g, body, scope, now, (share) => ({
      group: groupView({ ...g, memberCount: g.memberCount + 1, totalFen: g.totalFen + share.totalFen }, [share], {
        userId: caller.userId,
        worker: false,
      }),
      share: shareView(share, false),
    }));
    return new Reply(answer.status, answer.body as { group: Group; share: ReturnType<typeof shareView> });
  } catch (err) {
    if (err instanceof AppError) {
      const stored = await storedReply(scope);
      if (stored) return stored as Reply<{ group: Group; share: ReturnType<typeof shareView> }>;
    }
    throw err;
  }
});

export const payMyShare = endpoint('groceryPayShare', { roles: ['resident'] }, async ({ params, caller }) => {
  const g = await found(params.groupId ?? '');
  const share = await getShare(g.groupId, params.memberId ?? '');
  if (!share) throw notFound('没有这份团购');
  if (share.userId !== caller.userId) throw forbidden('只能为自己的那份付款');
  const paid = await payShare(share, new Date());
  return { group: groupView(g, [paid], { userId: caller.userId, worker: false }), share: shareView(paid, false) };
});

/** 截单: the group becomes one order to the store, with the per-household breakdown. */
export const close = endpoint('groceryCloseGroup', { roles: ['worker'] }, async ({ params, caller }) => {
  const g = await found(params.groupId ?? '');
  requireWorker(caller, g.communityId);
  const { group, order } = await closeGroup(g, new Date());
  const shares = await sharesOf(g.groupId);
  return {
    group: groupView(group, shares, { userId: caller.userId, worker: true }),
    ...(order ? { order: orderView(order, 'owner') } : {}),
  };
});

import { directoryKey } from '../auth/keys';

/** Key builders of the grocery table (one table, three indexes), shared by storage, seed and tests. */
export const storeItemKey = (storeId: string, itemId: string) => ({ pk: `STORE#${storeId}`, sk: `ITEM#${itemId}` });
export const slotKey = (storeId: string, slotId: string) => ({ pk: `STORE#${storeId}`, sk: `SLOT#${slotId}` });
export const storePartition = (storeId: string) => `STORE#${storeId}`;
/** A store (a shop) in the city's directory table; every store there shares one partition. */
export const storeDirectoryKey = (storeId: string) => directoryKey('store', storeId);
export const STORES_DIRECTORY_PARTITION = 'store';
export const CAPS_PARTITION = 'CAPS';
export const capKey = (category: string) => ({ pk: CAPS_PARTITION, sk: category });
export const orderKey = (orderId: string) => ({ pk: `ORDER#${orderId}`, sk: 'ORDER' });
export const limitKey = (day: string, household: string, storeId: string, itemId: string) => ({
  pk: `LIMIT#${day}#${household}`,
  sk: `${storeId}#${itemId}`,
});
/** The subject of a user's own daily counters of scarce items, beside the household's (`householdKey`). */
export const userLimitSubject = (userId: string) => `USER#${userId}`;
export const groupKey = (groupId: string) => ({ pk: `GROUP#${groupId}`, sk: 'GROUP' });
export const shareKey = (groupId: string, memberId: string) => ({ pk: `GROUP#${groupId}`, sk: `SHARE#${memberId}` });
export const complaintKey = (complaintId: string) => ({ pk: `COMPLAINT#${complaintId}`, sk: 'COMPLAINT' });
/** Present while an order has a complaint the regulator has not handled: one open complaint per order. */
export const openComplaintKey = (orderId: string) => ({ pk: `COMPLAINT#ORDER#${orderId}`, sk: 'OPEN' });

/** Index names and their partition values. */
export const BY_USER = 'byUser';
export const BY_STORE = 'byStore';
export const BY_COMMUNITY = 'byCommunity';
/** Each index's key attributes (keyed by identifier: a function's bundle names only the indexes it queries). */
export const INDEX_KEYS = {
  byUser: { pk: 'gsi1pk', sk: 'gsi1sk' },
  byStore: { pk: 'gsi2pk', sk: 'gsi2sk' },
  byCommunity: { pk: 'gsi3pk', sk: 'gsi3sk' },
} as const;
export const userPartition = (userId: string) => `USER#${userId}`;
export const communityPartition = (communityId: string) => `COMMUNITY#${communityId}`;
export const COMPLAINTS_PARTITION = 'COMPLAINTS';
/** Open group orders by cutoff, on the byUser index; removed at close, so it holds only open ones. */
export const OPEN_GROUPS_PARTITION = 'GROUPS#OPEN';

/** Index attributes of an order: the resident's list, the store's by slot, the community's by slot. */
export function orderIndexes(o: {
  orderId: string;
  userId: string;
  storeId: string;
  communityId: string;
  slotId: string;
  createdAt: string;
}) {
  return {
    gsi1pk: userPartition(o.userId),
    gsi1sk: `ORDER#${o.createdAt}#${o.orderId}`,
    gsi2pk: storePartition(o.storeId),
    gsi2sk: `SLOT#${o.slotId}#${o.orderId}`,
    gsi3pk: communityPartition(o.communityId),
    gsi3sk: `SLOT#${o.slotId}#${o.orderId}`,
  };
}

/** A community's groups by cutoff (byCommunity) and, while open, the groups due to close (byUser). */
export function groupIndexes(g: { groupId: string; communityId: string; cutoffAt: string }) {
  return {
    gsi1pk: OPEN_GROUPS_PARTITION,
    gsi1sk: `${g.cutoffAt}#${g.groupId}`,
    gsi3pk: communityPartition(g.communityId),
    gsi3sk: `GROUP#${g.cutoffAt}#${g.groupId}`,
  };
}

/** The byUser sort key bound of every group whose cutoff is at or before `now`. */
export const dueGroupsBound = (now: Date) => `${now.toISOString()}#~`;
/** Sort keys of groups (ISO cutoff times) start with a digit; release markers sort before them. */
export const DUE_GROUPS_FROM = '0';
export const RELEASE_PREFIX = '!release#';

/** A large group order being given up in batches: on the open-groups index until done. */
export const releaseMarkerKey = (orderId: string) => ({ pk: `RELEASE#${orderId}`, sk: 'RELEASE' });
export const releaseMarker = (orderId: string, groupId: string, storeId: string) => ({
  ...releaseMarkerKey(orderId),
  orderId,
  groupId,
  storeId,
  gsi1pk: OPEN_GROUPS_PARTITION,
  gsi1sk: `${RELEASE_PREFIX}${orderId}`,
});

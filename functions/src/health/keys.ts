import { createHash } from 'node:crypto';

/**
 * Key builders of the health tables, shared by storage, seed, bench and tests.
 *
 * Table `health` (one partition per household, plus pointers):
 *   HH#<ownerUserId>  P#<residentId>               a resident's profile and status (self and family)
 *   HH#<ownerUserId>  A#<residentId>#<at>#<nonce>  status changes: the audit trail the resident sees
 *   HH#<ownerUserId>  D#<residentId>#<date>        the day's declaration (one per day, the latest counts)
 *   HH#<ownerUserId>  SELF                          the owner's own registration (one per user)
 *   RID#<residentId>  RID                           -> owner and code id (officials look residents up)
 *   IDHASH#<hmac>     IDHASH                        one registration per ID number
 *   CODE#<codeId>     CODE                          -> resident (the QR's opaque subject)
 *   RULES             AREAS                         the risk areas, edited by officials
 *   HH#<ownerUserId>  AP#<residentId>#<appealId>   a resident's appeal and, once closed, its outcome
 *   HH#<ownerUserId>  APOPEN#<residentId>          the one open appeal a resident may have
 *   APPEAL#OPEN       <appealId>                    officials' queue of open appeals
 *   DISPUTE#OPEN      <disputeId>                   officials' queue of disputes over an ID number
 *   HH#<claimantId>   DSP#<idHash>                  one open dispute per claimant and ID number
 *   STATUS#<yyyy-mm-dd> <at>#<codeId>               a status change, for the signed status list (expires)
 *
 * Table `health-scans` (every row expires after 28 days, TTL attribute `expiresAt`):
 *   PLACE#<placeId>#<yyyy-mm-dd>#<shard>  <at>#<id>   scans, visits, outsiders at a place
 *   GSI byCode: gpk CODE#<codeId>, gsk <at>#<id>       a resident's scans and visits
 * A busy place's stream is spread over a day bucket and PLACE_SHARDS shards, so a railway
 * station never makes one hot partition; a time window is a handful of Queries.
 */
export const PLACE_SHARDS = 4;

/**
 * The audit table's subject of officials' reads of residents' data (tracing, lookups, a
 * resident's detail, the audit log itself): one partition, newest last, sk `<at>#<official>#<id>`.
 */
export const OFFICIAL_READS = 'HEALTH#TRACE';

export const householdPk = (ownerId: string) => `HH#${ownerId}`;
export const profileKey = (ownerId: string, residentId: string) => ({
  pk: householdPk(ownerId),
  sk: `P#${residentId}`,
});
export const PROFILE_PREFIX = 'P#';
export const selfKey = (ownerId: string) => ({ pk: householdPk(ownerId), sk: 'SELF' });
export const auditRowKey = (ownerId: string, residentId: string, at: string, nonce: string) => ({
  pk: householdPk(ownerId),
  sk: `A#${residentId}#${at}#${nonce}`,
});
export const auditPrefix = (residentId: string) => `A#${residentId}#`;
export const declarationKey = (ownerId: string, residentId: string, date: string) => ({
  pk: householdPk(ownerId),
  sk: `D#${residentId}#${date}`,
});
export const declarationPrefix = (residentId: string) => `D#${residentId}#`;
export const residentPointerKey = (residentId: string) => ({ pk: `RID#${residentId}`, sk: 'RID' });
export const idHashKey = (hash: string) => ({ pk: `IDHASH#${hash}`, sk: 'IDHASH' });
export const codePointerKey = (codeId: string) => ({ pk: `CODE#${codeId}`, sk: 'CODE' });
export const rulesKey = () => ({ pk: 'RULES', sk: 'AREAS' });
/** The map key a risk area is stored under: its region name, hex-encoded (map keys must be plain). */
export const areaKey = (region: string) => `a${Buffer.from(region).toString('hex')}`;
export const OPEN_APPEALS = 'APPEAL#OPEN';
export const openAppealKey = (appealId: string) => ({ pk: OPEN_APPEALS, sk: appealId });
export const appealCopyKey = (ownerId: string, residentId: string, appealId: string) => ({
  pk: householdPk(ownerId),
  sk: `AP#${residentId}#${appealId}`,
});
export const appealCopyPrefix = (residentId: string) => `AP#${residentId}#`;
export const openAppealMarkerKey = (ownerId: string, residentId: string) => ({
  pk: householdPk(ownerId),
  sk: `APOPEN#${residentId}`,
});
export const OPEN_DISPUTES = 'DISPUTE#OPEN';
export const disputeKey = (disputeId: string) => ({ pk: OPEN_DISPUTES, sk: disputeId });
export const disputeMarkerKey = (claimantId: string, idHash: string) => ({
  pk: householdPk(claimantId),
  sk: `DSP#${idHash}`,
});

/** A status change in the status list: one partition per UTC day (changes are few; the list reads a week). */
export const statusListPk = (day: string) => `STATUS#${day}`;
export const statusListKey = (at: string, codeId: string) => ({
  pk: statusListPk(at.slice(0, 10)),
  sk: `${at}#${codeId}`,
});

/** The day bucket of a time: its UTC date. */
export const dayOf = (iso: string) => iso.slice(0, 10);

/** Which shard a record goes to: stable for an id, so a retried upload lands on the same key. */
export function shardOf(id: string): number {
  return createHash('sha256').update(id).digest()[0]! % PLACE_SHARDS;
}

export const placePk = (placeId: string, day: string, shard: number) => `PLACE#${placeId}#${day}#${shard}`;
export const scanKey = (placeId: string, at: string, id: string) => ({
  pk: placePk(placeId, dayOf(at), shardOf(id)),
  sk: `${at}#${id}`,
});
export const codeGsiPk = (codeId: string) => `CODE#${codeId}`;

/** Every partition a time window at a place touches: one per day bucket and shard. */
export function placePartitions(placeId: string, from: string, to: string): string[] {
  const out: string[] = [];
  const last = dayOf(to);
  for (let d = new Date(`${dayOf(from)}T00:00:00Z`); dayOf(d.toISOString()) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    for (let s = 0; s < PLACE_SHARDS; s++) out.push(placePk(placeId, dayOf(d.toISOString()), s));
  }
  return out;
}

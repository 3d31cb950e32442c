/**
 * Key builders of the utility table (one table, `pk`/`sk`, two generic indexes), shared by
 * storage, the seed and tests.
 *
 *   ACCOUNT#<no>      ACCOUNT          the account (byCompany: protected accounts; byOwner: community)
 *   ACCOUNT#<no>      BILL#<yyyy-mm>   one bill per month (id `<no>-<yyyy-mm>`; `payingId`: the pending payment holding it)
 *   ACCOUNT#<no>      PLAN             the installment plan
 *   HOUSEHOLD#<user>  LINK#<no>        a linked account
 *   HOUSEHOLD#<user>  RELIEF           the household's application (hardship)
 *   HOUSEHOLD#<user>  RELIEF#<company> one company's part of it (byCompany: the review queue)
 *   REPAIR#<id>       REPAIR           a repair request (byCompany: queue; byOwner: the household's)
 *   UPAY#<id>         UPAY             what a WeChat Pay payment pays for (bills, late fees); same id as the payment
 */
export const INDEX_BY_COMPANY = 'byCompany';
export const INDEX_BY_OWNER = 'byOwner';

export const accountKey = (accountNo: string) => ({ pk: `ACCOUNT#${accountNo}`, sk: 'ACCOUNT' as const });
export const accountPartition = (accountNo: string) => `ACCOUNT#${accountNo}`;
export const billKey = (accountNo: string, month: string) => ({ pk: `ACCOUNT#${accountNo}`, sk: `BILL#${month}` });
export const planKey = (accountNo: string) => ({ pk: `ACCOUNT#${accountNo}`, sk: 'PLAN' as const });

export const householdPartition = (userId: string) => `HOUSEHOLD#${userId}`;
export const linkKey = (userId: string, accountNo: string) => ({ pk: `HOUSEHOLD#${userId}`, sk: `LINK#${accountNo}` });
export const reliefKey = (userId: string) => ({ pk: `HOUSEHOLD#${userId}`, sk: 'RELIEF' as const });
export const reliefPartKey = (userId: string, company: string) => ({
  pk: `HOUSEHOLD#${userId}`,
  sk: `RELIEF#${company}`,
});

export const repairKey = (repairId: string) => ({ pk: `REPAIR#${repairId}`, sk: 'REPAIR' as const });
export const paymentRecordKey = (paymentId: string) => ({ pk: `UPAY#${paymentId}`, sk: 'UPAY' as const });

/** Index partitions. */
export const protectedIndex = (company: string) => `COMPANY#${company}#PROTECTED`;
export const reviewIndex = (company: string) => `COMPANY#${company}#REVIEW`;
export const repairQueueIndex = (company: string) => `COMPANY#${company}#REPAIR`;
export const communityIndex = (community: string) => `COMMUNITY#${community}`;
export const householdRepairsIndex = (userId: string) => `HOUSEHOLD#${userId}#REPAIR`;

/** Audit rows (shared audit table) of one account's disconnection attempts. */
export const accountAuditSubject = (accountNo: string) => `UTILITY#${accountNo}`;

/** A bill's id: one bill per account and month, so imports are idempotent. */
export const billId = (accountNo: string, month: string) => `${accountNo}-${month}`;

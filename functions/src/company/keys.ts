/**
 * Key builders of the company table (one table, `pk`/`sk`, two generic indexes), shared by
 * storage, the seed and tests.
 *
 *   COMPANY#<id>    COMPANY  a company's registration and its state
 *                            byOwner: `OWNER#<userId>`, by submission time
 *                            byQueue: `QUEUE#<district>` while pending (sparse: a decision leaves it)
 *   CREDIT#<code>   CREDIT   one registration per unified social credit code
 */
export const INDEX_BY_OWNER = 'byOwner';
export const INDEX_BY_QUEUE = 'byQueue';

export const companyKey = (companyId: string) => ({ pk: `COMPANY#${companyId}`, sk: 'COMPANY' as const });
export const creditKey = (creditCode: string) => ({ pk: `CREDIT#${creditCode}`, sk: 'CREDIT' as const });
export const ownerPartition = (userId: string) => `OWNER#${userId}`;
export const queuePartition = (district: string) => `QUEUE#${district}`;

/** A company's gate is a place of the directory with the company's id. */
export const gatePlaceId = (companyId: string) => companyId;

/** Audit rows (shared audit table) of a company's review. */
export const companyAuditSubject = (companyId: string) => `COMPANY#${companyId}`;

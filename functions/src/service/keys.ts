/**
 * Key builders of the service table (one table, `pk`/`sk`, two generic indexes), shared by
 * storage, the seed and tests.
 *
 *   CONSULT#<id>  CONSULT  a consultation with its conversation
 *                          byQueue: `QUEUE#<category>` while open (sparse: a closed one leaves it)
 *                          byResident: `RESIDENT#<userId>`, newest first
 */
export const INDEX_BY_QUEUE = 'byQueue';
export const INDEX_BY_RESIDENT = 'byResident';

export const consultationKey = (consultationId: string) => ({
  pk: `CONSULT#${consultationId}`,
  sk: 'CONSULT' as const,
});

export const queuePartition = (category: string) => `QUEUE#${category}`;
export const residentPartition = (userId: string) => `RESIDENT#${userId}`;

/** Audit rows (shared audit table) of one consultation's handling by staff. */
export const consultationAuditSubject = (consultationId: string) => `CONSULT#${consultationId}`;

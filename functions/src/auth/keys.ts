import type { DirectoryKind } from '@citycare/contract';

/**
 * Key builders of the users and directory tables, shared by storage, seed and tests (the audit
 * table's: lib/dynamo's auditKey).
 */
export const userKey = (userId: string) => ({ pk: `USER#${userId}` });

export type { DirectoryKind };
export const directoryKey = (kind: DirectoryKind, id: string) => ({ pk: kind, sk: id });

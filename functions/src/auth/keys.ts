/** Key builders of the users, directory and audit tables, shared by storage, seed and tests. */
export const userKey = (userId: string) => ({ pk: `USER#${userId}` });

export type DirectoryKind = 'district' | 'community' | 'store' | 'place' | 'utility';
export const directoryKey = (kind: DirectoryKind, id: string) => ({ pk: kind, sk: id });

export const auditKey = (subject: string, at: Date, actorId: string, nonce: string) => ({
  pk: subject,
  sk: `${at.toISOString()}#${actorId}#${nonce}`,
});

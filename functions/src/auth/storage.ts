import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SCOPE_DIRECTORY, type RoleGrant, type RoleName, type UserProfile } from '@citycare/contract';
import { auditPut, cancellationReasons, db, isConditionFailure, transact, type TransactItem } from '../lib/dynamo';
import { directoryTable, usersTable } from '../lib/env';
import { AppError, notFound } from '../lib/errors';
import { finderKey } from './finder';
import { directoryKey, userKey, type DirectoryKind } from './keys';
import { normaliseRoles, roleKey } from './rules';

/** The only code that reads and writes users and role grants. */

interface UserItem {
  pk: string;
  userId: string;
  openid: string;
  displayName: string;
  roles: Record<string, RoleGrant>;
  createdAt: string;
  updatedAt: string;
}

function toProfile(item: UserItem): UserProfile {
  return {
    userId: item.userId,
    displayName: item.displayName,
    roles: normaliseRoles(Object.values(item.roles ?? {})),
    createdAt: item.createdAt,
  };
}

export async function getUser(userId: string): Promise<UserProfile | undefined> {
  const out = await db().send(new GetCommand({ TableName: usersTable(), Key: userKey(userId), ConsistentRead: true }));
  return out.Item ? toProfile(out.Item as UserItem) : undefined;
}

/**
 * The user's openid in the super-app, for what WeChat needs it for (a WeChat Pay JSAPI order's
 * payer). Never put in tokens, QR codes, URLs or logs.
 */
export async function getOpenid(userId: string): Promise<string | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: usersTable(), Key: userKey(userId), ProjectionExpression: 'openid' }),
  );
  return (out.Item as Pick<UserItem, 'openid'> | undefined)?.openid;
}

/**
 * Returns the user, creating them as a resident on first sign-in. Two first sign-ins racing
 * each other create one user: the write is conditional and the loser reads the winner's row.
 */
export async function findOrCreateUser(
  userId: string,
  openid: string,
  displayName: string,
  now = new Date(),
): Promise<{ user: UserProfile; created: boolean }> {
  const existing = await getUser(userId);
  if (existing) return { user: existing, created: false };
  const item: UserItem = {
    ...userKey(userId),
    userId,
    openid,
    displayName,
    roles: { resident: { role: 'resident' } },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  try {
    await db().send(
      new PutCommand({ TableName: usersTable(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return { user: toProfile(item), created: true };
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const winner = await getUser(userId);
    if (!winner) throw err;
    return { user: winner, created: false };
  }
}

/** At most this many people answer one search (a common name with the same four digits). */
const MAX_FOUND = 10;

/** The users registered under a finder hash (auth/finder.ts), at most MAX_FOUND. */
export async function usersByFinder(hash: string): Promise<UserProfile[]> {
  const out = await db().send(new GetCommand({ TableName: usersTable(), Key: finderKey(hash) }));
  const ids = [...((out.Item?.userIds as Set<string> | undefined) ?? [])].sort().slice(0, MAX_FOUND);
  const users = await Promise.all(ids.map((id) => getUser(id)));
  return users.filter((u): u is UserProfile => u !== undefined);
}

/** The write that lists `userId` under a finder hash (part of a resident's own registration). */
export function finderAdd(hash: string, userId: string): TransactItem {
  return {
    Update: {
      TableName: usersTable(),
      Key: finderKey(hash),
      UpdateExpression: 'ADD userIds :u',
      ExpressionAttributeValues: { ':u': new Set([userId]) },
    },
  };
}

/** The write that takes `userId` off a finder hash's list (注销). */
export function finderRemove(hash: string, userId: string): TransactItem {
  return {
    Update: {
      TableName: usersTable(),
      Key: finderKey(hash),
      UpdateExpression: 'DELETE userIds :u',
      ExpressionAttributeValues: { ':u': new Set([userId]) },
    },
  };
}

/** Which directory entry a scoped role must point at. */
const SCOPE_KIND: Partial<Record<RoleName, DirectoryKind>> = SCOPE_DIRECTORY;

/**
 * Grants or revokes one role, together with its audit record, in one transaction. A grant's
 * scope must exist in the directory; that check is part of the same transaction.
 */
export async function changeRole(
  kind: 'grant' | 'revoke',
  actorId: string,
  targetId: string,
  grant: RoleGrant,
  now = new Date(),
): Promise<UserProfile> {
  const key = roleKey(grant);
  const scopeKind = SCOPE_KIND[grant.role];
  const update =
    kind === 'grant'
      ? {
          UpdateExpression: 'SET #roles.#k = :g, updatedAt = :now',
          ExpressionAttributeValues: { ':g': grant, ':now': now.toISOString() },
        }
      : {
          UpdateExpression: 'REMOVE #roles.#k SET updatedAt = :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: usersTable(),
        Key: userKey(targetId),
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#roles': 'roles', '#k': key },
        ...update,
      },
    },
    auditPut(`USER#${targetId}`, now, actorId, { action: `role.${kind}`, targetId, role: key }),
    ...(kind === 'grant' && scopeKind && grant.scope
      ? [
          {
            ConditionCheck: {
              TableName: directoryTable(),
              Key: directoryKey(scopeKind, grant.scope),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        ]
      : []),
  ];
  try {
    await transact(items);
  } catch (err) {
    const reasons = cancellationReasons(err)?.map((r) => r.code);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw notFound('找不到该用户');
    if (reasons?.[2] === 'ConditionalCheckFailed') {
      throw new AppError('VALIDATION_FAILED', `范围 ${grant.scope} 不存在`, [
        { path: 'grant.scope', message: '范围不存在' },
      ]);
    }
    throw err;
  }
  const user = await getUser(targetId);
  if (!user) throw notFound('找不到该用户');
  return user;
}

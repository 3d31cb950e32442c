import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { directoryKey, userKey, type DirectoryKind } from '../../functions/src/auth/keys';
import { finderHash, finderKey } from '../../functions/src/auth/finder';
import { userIdForOpenid } from '../../functions/src/auth/identity';
import { roleKey } from '../../functions/src/auth/rules';
import type { CityConfig } from './config';
import { seedGrocery } from './seed-grocery';
import { seedUtility } from './seed-utility';
import { seedHealth } from './seed-health';
import { seedService } from './seed-service';
import { seedCompany } from './seed-company';
import { putIf } from './seed-put';

/** The id a demo account gets: the same derivation a real sign-in uses, from `dev:<key>`. */
export const demoUserId = (key: string) => userIdForOpenid(`dev:${key}`);

/**
 * Seeds the city's directory and, in stages with the development login, the demo accounts.
 * Idempotent: every write is conditional on the row not existing, so a second run adds nothing
 * and never overwrites what a user changed.
 */
export async function seed(
  client: DynamoDBClient,
  tables: { directory: string; users: string },
  city: CityConfig,
  withDemoUsers: boolean,
  now = new Date(),
  /** The stage's ID-number pepper: with it, demo accounts with a phone are listed in the person finder. */
  pepper?: string,
): Promise<{ created: number; existing: number }> {
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const entries: [DirectoryKind, { id: string }][] = [
    ...city.districts.map((d) => ['district', d] as [DirectoryKind, { id: string }]),
    ...city.communities.map((c) => ['community', c] as [DirectoryKind, { id: string }]),
    ...city.stores.map((s) => ['store', s] as [DirectoryKind, { id: string }]),
    ...city.places.map((p) => ['place', p] as [DirectoryKind, { id: string }]),
    ...city.utilities.map((u) => ['utility', u] as [DirectoryKind, { id: string }]),
  ];
  let created = 0;
  let existing = 0;
  const count = (made: boolean) => (made ? created++ : existing++);
  for (const [kind, entry] of entries) {
    count(await putIf(doc, tables.directory, { ...directoryKey(kind, entry.id), kind, ...entry }));
  }
  if (withDemoUsers) {
    for (const demo of city.demoUsers) {
      const userId = demoUserId(demo.key);
      const roles = Object.fromEntries(demo.roles.map((g) => [roleKey(g), g]));
      count(
        await putIf(doc, tables.users, {
          ...userKey(userId),
          userId,
          openid: `dev:${demo.key}`,
          displayName: demo.displayName,
          roles,
          demoKey: demo.key,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        }),
      );
      if (demo.phone && pepper) {
        // Adding to a set: a second seed changes nothing.
        await doc.send(
          new UpdateCommand({
            TableName: tables.users,
            Key: finderKey(finderHash(pepper, demo.displayName, demo.phone.slice(-4))),
            UpdateExpression: 'ADD userIds :u',
            ExpressionAttributeValues: { ':u': new Set([userId]) },
          }),
        );
      }
    }
  }
  const grocery = await seedGrocery(doc, tables.directory, withDemoUsers, now);
  created += grocery.created;
  existing += grocery.existing;
  const health = await seedHealth(doc, tables.directory, now);
  created += health.created;
  existing += health.existing;
  const utility = await seedUtility(doc, tables.directory, city.utilities, withDemoUsers);
  created += utility.created;
  existing += utility.existing;
  const service = await seedService(doc, tables.directory, withDemoUsers ? demoUserId('resident2') : undefined, now);
  created += service.created;
  existing += service.existing;
  if (withDemoUsers) {
    const company = await seedCompany(doc, tables.directory, demoUserId('company'), demoUserId('resumption'), now);
    created += company.created;
    existing += company.existing;
  }
  return { created, existing };
}

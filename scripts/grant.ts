/**
 * `npm run grant -- <user> <role>[:<scope>] [--revoke] [--stage <stage>]`
 *
 * Grants or revokes a role from the command line, through the same storage code (and audit
 * trail) as the admin API. <user> is a user id (u...) or a demo account as `dev:<key>`.
 * Stage `local` talks to the DynamoDB Local of `npm start`; other stages use your AWS credentials.
 */
import { parseArgs } from 'node:util';
import { userInfo } from 'node:os';
import { RoleGrant } from '@citycare/contract';
import { serviceDefinition } from './lib/tables';
import { stageConfig } from './lib/config';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const USAGE = 'usage: npm run grant -- <userId | dev:<demo-key>> <role>[:<scope>] [--revoke] [--stage local]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { revoke: { type: 'boolean', default: false }, stage: { type: 'string', default: 'local' } },
  });
  const [who, roleArg] = positionals;
  if (!who || !roleArg) throw new Error(USAGE);
  const [role, scope] = roleArg.split(':', 2);
  const grant = RoleGrant.safeParse(scope ? { role, scope } : { role });
  if (!grant.success) throw new Error(`${grant.error.issues[0]?.message ?? 'bad role'}\n${USAGE}`);

  const stage = values.stage ?? 'local';
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (stage === 'local') env.CITYCARE_DYNAMODB_ENDPOINT = `http://127.0.0.1:${stageConfig('local').ports.dynamodb}`;
  const service = await serviceDefinition(stage, env);
  Object.assign(process.env, service.environment);

  const { userIdForOpenid } = await import('../functions/src/auth/identity');
  const { changeRole } = await import('../functions/src/auth/storage');
  const { refuseRoleChange } = await import('../functions/src/auth/rules');
  const userId = who.startsWith('dev:') ? userIdForOpenid(who) : who;
  const kind = values.revoke ? 'revoke' : 'grant';
  const actor = `cli:${userInfo().username}`;
  const refusal = refuseRoleChange(kind, actor, userId, grant.data);
  if (refusal) throw new Error(`refused: ${refusal}`);
  const user = await changeRole(kind, actor, userId, grant.data);
  const roles = user.roles.map((r) => (r.scope ? `${r.role}:${r.scope}` : r.role)).join(', ');
  console.log(
    `${kind === 'grant' ? 'Granted' : 'Revoked'} ${roleArg} ${kind === 'grant' ? 'to' : 'from'} ${user.displayName} (${user.userId}). Roles now: ${roles}`,
  );
}

main().catch((err: unknown) => {
  const e = err as Error & { code?: string };
  const hint = /ECONNREFUSED/.test(String(e.message) + String((e as { cause?: unknown }).cause))
    ? ' (is the local stack running? start it with npm start)'
    : '';
  console.error(`npm run grant: ${e.message}${hint}`);
  process.exit(1);
});

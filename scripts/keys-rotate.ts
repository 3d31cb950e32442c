/**
 * `npm run keys:rotate -- --stage <stage>`: makes a new health-code signing key, keeps the
 * previous public keys in the JWKS, and stores the set — in SSM Parameter Store (SecureString)
 * for deployed stages, in .keys/ for `local`. Running functions pick it up when their secret
 * cache expires (see functions/src/lib/secrets.ts); scanners that meet an unknown kid refetch.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rotateHealthCodeKeys } from './lib/keys';
import { KEYS_DIR } from './lib/paths';

const NAME = 'health-code-keys';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { stage: { type: 'string' }, kid: { type: 'string' } } });
  const stage = values.stage;
  if (!stage) throw new Error('usage: npm run keys:rotate -- --stage <stage> [--kid <key id>]');
  const kid = values.kid ?? `${stage}-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  if (stage === 'local') {
    const file = join(KEYS_DIR, NAME);
    const next = rotateHealthCodeKeys(readFileSync(file, 'utf8'), kid);
    writeFileSync(file, next + '\n', { mode: 0o600 });
  } else {
    const { SSMClient, GetParameterCommand, PutParameterCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({});
    const name = `/citycare/${stage}/${NAME}`;
    const current = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    const next = rotateHealthCodeKeys(current.Parameter?.Value ?? '', kid);
    await ssm.send(new PutParameterCommand({ Name: name, Value: next, Type: 'SecureString', Overwrite: true }));
  }
  console.log(`Rotated ${stage} health-code keys: new tokens are signed with ${kid}; earlier keys stay in the JWKS.`);
}

main().catch((err: unknown) => {
  console.error(`npm run keys:rotate: ${(err as Error).message}`);
  process.exit(1);
});

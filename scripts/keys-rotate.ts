/**
 * `npm run keys:rotate -- --stage <stage> [--publish-hours 24]`: makes a new health-code signing
 * key and stores the set — in SSM Parameter Store (SecureString) for deployed stages, in .keys/
 * for `local`. The new key is in the JWKS at once and signs after --publish-hours (default 24 for
 * deployed stages, 0 locally), so every scanner's cached key list holds it before it is used; the
 * previous public keys stay in the JWKS. Running functions pick the set up when their secret cache
 * expires (functions/src/lib/secrets.ts, 5 minutes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rotateHealthCodeKeys } from './lib/keys';
import { KEYS_DIR } from './lib/paths';

const NAME = 'health-code-keys';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { stage: { type: 'string' }, kid: { type: 'string' }, 'publish-hours': { type: 'string' } },
  });
  const stage = values.stage;
  if (!stage) throw new Error('usage: npm run keys:rotate -- --stage <stage> [--kid <key id>] [--publish-hours <h>]');
  const hours = Number(values['publish-hours'] ?? (stage === 'local' ? 0 : 24));
  if (!Number.isFinite(hours) || hours < 0 || hours > 168) throw new Error('--publish-hours must be 0 to 168');
  const kid = values.kid ?? `${stage}-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
  if (stage === 'local') {
    const file = join(KEYS_DIR, NAME);
    const next = rotateHealthCodeKeys(readFileSync(file, 'utf8'), kid, hours);
    writeFileSync(file, next + '\n', { mode: 0o600 });
  } else {
    const { SSMClient, GetParameterCommand, PutParameterCommand } = await import('@aws-sdk/client-ssm');
    const ssm = new SSMClient({});
    const name = `/citycare/${stage}/${NAME}`;
    const current = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
    const next = rotateHealthCodeKeys(current.Parameter?.Value ?? '', kid, hours);
    await ssm.send(new PutParameterCommand({ Name: name, Value: next, Type: 'SecureString', Overwrite: true }));
  }
  const when = hours > 0 ? `from ${hours} h from now` : 'from now';
  console.log(`Rotated ${stage} health-code keys: ${kid} is in the JWKS now and signs ${when}; earlier keys stay.`);
}

main().catch((err: unknown) => {
  console.error(`npm run keys:rotate: ${(err as Error).message}`);
  process.exit(1);
});

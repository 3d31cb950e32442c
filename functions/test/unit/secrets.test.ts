import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getSecret } from '../../src/lib/secrets';

/** The per-container secret cache: rotated values arrive after the TTL; a failed refresh keeps the last good one. */
const dir = mkdtempSync(join(tmpdir(), 'citycare-secrets-'));
const file = join(dir, 'health-id-pepper');

beforeAll(() => {
  process.env.SECRETS_SOURCE = 'file';
  process.env.LOCAL_KEYS_DIR = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('getSecret', () => {
  it('serves the cached value within the TTL, the rotated one after it, and the last good one if a refresh fails', async () => {
    writeFileSync(file, 'pepper-1\n');
    process.env.SECRETS_CACHE_SECONDS = '300';
    expect(await getSecret('health-id-pepper')).toBe('pepper-1');
    writeFileSync(file, 'pepper-2\n');
    expect(await getSecret('health-id-pepper')).toBe('pepper-1');
    process.env.SECRETS_CACHE_SECONDS = '0';
    expect(await getSecret('health-id-pepper')).toBe('pepper-2');
    rmSync(file);
    expect(await getSecret('health-id-pepper')).toBe('pepper-2');
    writeFileSync(file, 'pepper-3\n');
    expect(await getSecret('health-id-pepper')).toBe('pepper-3');
  });

  it('does not cache a failure when there was never a good value', async () => {
    process.env.SECRETS_CACHE_SECONDS = '300';
    await expect(getSecret('wechat-app-secret')).rejects.toThrow();
    writeFileSync(join(dir, 'wechat-app-secret'), 'app-secret\n');
    expect(await getSecret('wechat-app-secret')).toBe('app-secret');
  });
});

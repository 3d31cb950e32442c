import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Generates the local stage's secrets into a git-ignored folder, once. Deployed stages keep
 * theirs in SSM Parameter Store instead.
 */
export function ensureLocalKeys(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made: string[] = [];
  const secrets: Record<string, () => string> = {
    'session-secret': () => randomBytes(48).toString('base64url'),
    'wechat-app-secret': () => randomBytes(16).toString('hex'),
  };
  for (const [name, make] of Object.entries(secrets)) {
    const file = join(dir, name);
    if (existsSync(file)) continue;
    writeFileSync(file, make() + '\n', { mode: 0o600 });
    made.push(name);
  }
  return made;
}

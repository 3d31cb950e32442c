import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { routes } from '@citycare/contract';

/** Every route of the contract is served by exactly one function in serverless.yml, and nothing else is. */
const root = join(__dirname, '..', '..', '..');
// CloudFormation's short tags (!GetAtt, !Sub) are not needed here.
const service = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'), { logLevel: 'silent' }) as {
  functions: string[];
};

function servedRoutes(): Map<string, string> {
  const served = new Map<string, string>();
  for (const include of service.functions) {
    const file = /\$\{file\(\.\/(.+?)\):functions\}/.exec(include)?.[1];
    if (!file) throw new Error(`unexpected functions entry ${include}`);
    const fragment = parse(readFileSync(join(root, file), 'utf8')) as {
      functions: Record<string, { handler: string; events?: { httpApi?: { method: string; path: string } }[] }>;
    };
    for (const [name, fn] of Object.entries(fragment.functions)) {
      for (const event of fn.events ?? []) {
        if (!event.httpApi) continue;
        const key = `${event.httpApi.method.toUpperCase()} ${event.httpApi.path}`;
        if (served.has(key)) throw new Error(`${key} is served twice`);
        served.set(key, name);
      }
    }
  }
  return served;
}

describe('serverless.yml and the contract', () => {
  it('serve exactly the same routes', () => {
    const contract = Object.values(routes)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect([...servedRoutes().keys()].sort()).toEqual(contract);
  });
});

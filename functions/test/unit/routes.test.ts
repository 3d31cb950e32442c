import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { routes } from '@citycare/contract';
import { router } from '../../src/lib/router';
import type { Handler } from '../../src/lib/http';

/** Every route of the contract is served by exactly one function in serverless.yml, and nothing else is. */
const root = join(__dirname, '..', '..', '..');
// CloudFormation's short tags (!GetAtt, !Sub) are not needed here.
const service = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'), { logLevel: 'silent' }) as {
  functions: string[];
};

/** Each function's handler (`functions/src/x/lambdas.name`) and the route keys of its events. */
function functionRoutes(): { name: string; handler: string; keys: string[] }[] {
  const out: { name: string; handler: string; keys: string[] }[] = [];
  for (const include of service.functions) {
    const file = /\$\{file\(\.\/(.+?)\):functions\}/.exec(include)?.[1];
    if (!file) throw new Error(`unexpected functions entry ${include}`);
    const fragment = parse(readFileSync(join(root, file), 'utf8')) as {
      functions: Record<string, { handler: string; events?: { httpApi?: { method: string; path: string } }[] }>;
    };
    for (const [name, fn] of Object.entries(fragment.functions)) {
      const keys = (fn.events ?? []).flatMap((e) =>
        e.httpApi ? [`${e.httpApi.method.toUpperCase()} ${e.httpApi.path}`] : [],
      );
      out.push({ name, handler: fn.handler, keys });
    }
  }
  return out;
}

function servedRoutes(): Map<string, string> {
  const served = new Map<string, string>();
  for (const { name, keys } of functionRoutes()) {
    for (const key of keys) {
      if (served.has(key)) throw new Error(`${key} is served twice`);
      served.set(key, name);
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

  it('route each function’s events to its router, and its router serves nothing else', () => {
    for (const { name, handler, keys } of functionRoutes().filter((f) => f.keys.length)) {
      const [file, exported] = [handler.replace(/\.[^.]+$/, ''), handler.split('.').pop() ?? ''];
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fn = (require(join(root, file)) as Record<string, { routeKeys?: string[] }>)[exported];
      expect({ name, routes: [...(fn?.routeKeys ?? [])].sort() }).toEqual({ name, routes: [...keys].sort() });
    }
  });

  it('dispatch by API Gateway’s routeKey, and answer a route they do not serve with 404 in the error shape', async () => {
    const seen: string[] = [];
    const probe: Handler = async (event) => {
      seen.push(event.routeKey);
      return { statusCode: 204 };
    };
    const r = router({ healthKeys: probe, healthRules: probe });
    expect(r.routeKeys).toEqual(['GET /health/keys', 'GET /health/rules']);
    const event = (routeKey: string) => ({ routeKey }) as Parameters<Handler>[0];
    expect((await r(event('GET /health/rules'))).statusCode).toBe(204);
    const missing = await r(event('POST /health/register'));
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body ?? '{}')).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    expect(seen).toEqual(['GET /health/rules']);
  });
});

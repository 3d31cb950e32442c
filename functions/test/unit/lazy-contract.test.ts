import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, transformSync, type Plugin } from 'esbuild';
import { routes, type RouteName } from '@citycare/contract';
import { BUNDLE_OPTIONS } from '../../../scripts/lib/function-usage';

/**
 * The Lambda bundles build the contract's schemas on first use (scripts/esbuild/lazy-contract.js),
 * which keeps the functions' cold start near the floor (npm run bench). The contract files stay as
 * written; these tests hold the rewrite to every schema they declare, and to the same answers.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wrapSchemas } = require('../../../scripts/esbuild/lazy-contract.js') as {
  wrapSchemas: (js: string) => { code: string; wrapped: string[] };
};

const root = join(__dirname, '..', '..', '..');
const contractDir = join(root, 'contract', 'src');
const work = mkdtempSync(join(tmpdir(), 'citycare-lazy-contract-'));
// Bundling and loading whole functions takes a few seconds on a busy machine.
jest.setTimeout(60_000);

async function bundle(contents: string, extraPlugins: Plugin[] = []): Promise<string> {
  const outfile = join(work, `b${Math.random().toString(36).slice(2)}.js`);
  await build({
    stdin: { contents, resolveDir: join(root, 'functions'), loader: 'ts' },
    outfile,
    bundle: true,
    ...BUNDLE_OPTIONS,
    plugins: [...extraPlugins, ...BUNDLE_OPTIONS.plugins],
  });
  return outfile;
}

describe('the lazy-contract rewrite', () => {
  it('defers schema constants and the schemas inside tables, and leaves labels, arrays and functions', () => {
    const { code, wrapped } = wrapSchemas(
      [
        'import * as z from "zod";',
        'import { Id, COLOURS } from "./base";',
        'export const A = z.object({ id: Id });',
        'const B = A.extend({ n: z.number() });',
        'export const LABELS = { a: "甲" };',
        'export const PLAIN = COLOURS.map((c) => c);',
        'export const table = { r: { method: "GET", body: B, response: z.object({ ok: z.boolean() }) } };',
        'export function f() { return z.string(); }',
      ].join('\n'),
    );
    expect(wrapped).toEqual(['A', 'B']);
    expect(code).toContain('export const A = __lazyValue(() => z.object({ id: Id }));');
    expect(code).toContain('const B = __lazyValue(() => A.extend({ n: z.number() }));');
    expect(code).toContain('response: __lazyValue(() => z.object({ ok: z.boolean() }))');
    expect(code).toContain('export const LABELS = { a: "甲" };');
    expect(code).toContain('export const PLAIN = COLOURS.map((c) => c);');
    expect(code).toContain('export function f() { return z.string(); }');
  });

  it('defers every `export const X = z.…` of every contract file', () => {
    const files = readdirSync(contractDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const source = readFileSync(join(contractDir, file), 'utf8');
      const declared = [...source.matchAll(/^export const (\w+)\s*=\s*z\b/gm)].map((m) => m[1]);
      // Type annotations do not matter to the rewrite: it reads the JavaScript esbuild makes of the file.
      const js = transformSync(source, { loader: 'ts', format: 'esm' }).code;
      const { wrapped } = wrapSchemas(js);
      expect({ file, missing: declared.filter((name) => !wrapped.includes(name ?? '')) }).toEqual({
        file,
        missing: [],
      });
    }
  });

  it('loads the whole contract, routes included, without calling zod', async () => {
    // zod replaced by a module whose every use throws: loading must not touch it.
    const noZod: Plugin = {
      name: 'no-zod',
      setup(b) {
        b.onResolve({ filter: /^zod$/ }, () => ({ path: 'zod', namespace: 'no-zod' }));
        b.onLoad({ filter: /.*/, namespace: 'no-zod' }, () => ({
          contents:
            'module.exports = new Proxy({}, { get(_, k) { if (k === "__esModule") return false; throw new Error("zod used at load: " + String(k)); } });',
          loader: 'js',
        }));
      },
    };
    const file = await bundle(`export { routes } from '@citycare/contract';`, [noZod]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as { routes: typeof routes };
    expect(Object.keys(loaded.routes).sort()).toEqual(Object.keys(routes).sort());
    // Only first use reaches zod (here the stand-in, which has no `object`).
    expect(() => loaded.routes.healthRegister.body.safeParse({})).toThrow(/is not a function/);
  });

  it('answers exactly as the contract does', async () => {
    const file = await bundle(`export { routes } from '@citycare/contract';`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = (require(file) as { routes: typeof routes }).routes;
    const cases: [RouteName, unknown][] = [
      [
        'healthRegister',
        { name: '王秀兰', idNumber: '11010519491231002X', phone: '13812341234', community: 'zq-jianshe' },
      ],
      ['healthRegister', { name: '', idNumber: '123', phone: 'x', community: 'a/b' }],
      ['healthRegister', 'not an object'],
      ['healthDeclare', { residentId: 'r1', temperature: 36.5, symptoms: [], travel: [], contact: 'none' }],
      ['healthDeclare', { residentId: 'r1', temperature: 99, symptoms: ['nope'] }],
    ];
    for (const [name, input] of cases) {
      const eager = (routes[name] as { body: { safeParse(x: unknown): unknown } }).body.safeParse(input);
      const deferred = (lazy[name] as { body: { safeParse(x: unknown): unknown } }).body.safeParse(input);
      expect(JSON.parse(JSON.stringify(deferred))).toEqual(JSON.parse(JSON.stringify(eager)));
    }
  });

  it('refuses a bad path parameter with a 400 from the bundled function', async () => {
    const file = await bundle(`export { handler } from './src/health/lambdas/code';`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(file) as {
      handler: (e: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const answer = await handler({
      routeKey: 'GET /health/residents/{residentId}/code',
      headers: {},
      pathParameters: { residentId: 'a/b' },
      requestContext: { requestId: 't', http: { method: 'GET' } },
    });
    expect(answer.statusCode).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });
});

// esbuild plugin for the Lambda bundles: the contract's zod schemas are built on first use, not
// when a function loads. Building all of them cost a function's cold start about as much as the
// AWS SDK's own load (npm run bench, "Functions"); a function uses a handful.
//
// The contract files stay as they are written (`export const X = z.object({...})`): at bundle
// time each top-level `const` whose value is a schema expression — a method call chain on `z`, on
// a schema declared before it, or on a PascalCase name imported from another contract file — is
// rewritten to `const X = lazyValue(() => z.object({...}))` (scripts/esbuild/lazy-value.js).
// Anything else (labels, arrays, functions, the route tables) is left as written.

const { readFile } = require('node:fs/promises');
const { join } = require('node:path');
const acorn = require('acorn');
const esbuild = require('esbuild');

const RUNTIME = join(__dirname, 'lazy-value.js');
const LAZY = '__lazyValue';

/** The identifier a call chain starts from (`z` in `z.string().min(1)`), if it is a method call chain. */
function chainRoot(node) {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return undefined;
  let n = node;
  while (n.type === 'CallExpression' || n.type === 'MemberExpression') {
    n = n.type === 'CallExpression' ? n.callee : n.object;
  }
  return n.type === 'Identifier' ? n.name : undefined;
}

const isPascalCase = (name) => /^[A-Z][a-z0-9]/.test(name);

const FUNCTION_TYPES = new Set([
  'FunctionExpression',
  'ArrowFunctionExpression',
  'FunctionDeclaration',
  'ClassDeclaration',
]);

/** The schema expressions of a top-level initializer, outermost first; function bodies are left alone. */
function schemaExpressions(node, roots, found = []) {
  if (!node || typeof node.type !== 'string' || FUNCTION_TYPES.has(node.type)) return found;
  const root = chainRoot(node);
  if (root && roots.has(root)) {
    found.push(node);
    return found;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'loc') continue;
    for (const c of Array.isArray(child) ? child : [child]) {
      if (c && typeof c === 'object') schemaExpressions(c, roots, found);
    }
  }
  return found;
}

/**
 * JavaScript (ES module) of a contract file -> the same with its schemas made lazy: each
 * schema expression of a top-level `const` (the constant itself, or one inside a table such as
 * the routes). Also returns the constants it made lazy.
 */
function wrapSchemas(js) {
  const program = acorn.parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
  const roots = new Set();
  const edits = [];
  for (const node of program.body) {
    if (node.type !== 'ImportDeclaration') continue;
    for (const s of node.specifiers) {
      const name = s.local.name;
      // zod itself loads with the function: required lazily, its CommonJS build is bundled whole (+480 KB).
      if (s.type === 'ImportNamespaceSpecifier' && node.source.value === 'zod') roots.add(name);
      else if (s.type === 'ImportSpecifier' && node.source.value.startsWith('.') && isPascalCase(name)) {
        roots.add(name);
      }
    }
  }
  const wrapped = [];
  for (const node of program.body) {
    const decl = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
    if (!decl || decl.type !== 'VariableDeclaration' || decl.kind !== 'const') continue;
    for (const d of decl.declarations) {
      if (d.id.type !== 'Identifier' || !d.init) continue;
      for (const e of schemaExpressions(d.init, roots)) {
        edits.push({ from: e.start, to: e.start, text: `${LAZY}(() => ` }, { from: e.end, to: e.end, text: ')' });
        if (e === d.init) {
          roots.add(d.id.name);
          wrapped.push(d.id.name);
        }
      }
    }
  }
  if (!edits.length) return { code: js, wrapped };
  let code = js;
  // Back to front, so earlier offsets stay valid; at one offset, a closing `)` goes before an opening.
  edits.sort((a, b) => b.from - a.from || (a.text === ')' ? 1 : -1));
  for (const e of edits) code = code.slice(0, e.from) + e.text + code.slice(e.to);
  code = `import { lazyValue as ${LAZY} } from ${JSON.stringify(RUNTIME)};\n${code}`;
  return { code, wrapped };
}

const lazyContract = {
  name: 'lazy-contract',
  setup(build) {
    build.onLoad({ filter: /[\\/]contract[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code: js } = await esbuild.transform(source, { loader: 'ts', format: 'esm', target: 'es2022' });
      return { contents: wrapSchemas(js).code, loader: 'js' };
    });
  },
};

module.exports = { lazyContract, wrapSchemas };

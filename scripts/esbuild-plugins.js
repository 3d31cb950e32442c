// esbuild plugins for the Lambda bundles, used by serverless-esbuild (custom.esbuild.plugins),
// the bench and the IAM usage check, so all three bundle the same way.

const DOCUMENT_CLIENT = '/@aws-sdk/lib-dynamodb/';

/**
 * @aws-sdk/lib-dynamodb has no `"sideEffects": false` in its package.json, so esbuild keeps
 * every command module its index re-exports. Its modules only define classes: marking them
 * side-effect free lets tree-shaking keep just the commands a function sends.
 */
const sideEffectFreeDocumentClient = {
  name: 'side-effect-free-lib-dynamodb',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      const inPackage = args.importer.includes(DOCUMENT_CLIENT) && args.path.startsWith('.');
      if (!inPackage && args.path !== '@aws-sdk/lib-dynamodb') return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length) return { errors: resolved.errors };
      return { path: resolved.path, namespace: resolved.namespace, sideEffects: false };
    });
  },
};

/**
 * Each handler module exports several handlers, each built by calling `endpoint(...)`. Marking
 * those calls pure lets a function's bundle (its `lambdas/<name>.ts` entry) drop the handlers
 * of other functions — and with them the storage code and permissions only they need.
 */
const pureEndpoints = {
  name: 'pure-endpoints',
  setup(build) {
    const { readFile } = require('node:fs/promises');
    build.onLoad({ filter: /[\\/]functions[\\/]src[\\/].*handlers[^\\/]*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/=\s*endpoint\(/g, '= /* @__PURE__ */ endpoint('), loader: 'ts' };
    });
  },
};

module.exports = [sideEffectFreeDocumentClient, pureEndpoints, require('./esbuild/lazy-contract').lazyContract];

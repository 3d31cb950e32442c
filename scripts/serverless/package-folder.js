'use strict';
// A local Serverless plugin: `serverless package` and `deploy` (npm run package, deploy, the bench)
// bundle in a work folder of their own for each run, which serverless-esbuild deletes when done.
// They never touch the folder a running serverless-offline loads its handlers from (`.esbuild`, or
// CITYCARE_ESBUILD_DIR set by the local stack, scripts/lib/stack.ts), even when started with that
// stack's environment, and two packaging runs never delete each other's bundles.
const { join } = require('node:path');

/** Commands whose serverless-esbuild hooks bundle and then delete their work folder. */
const PACKAGING = new Set(['package', 'deploy']);

/** The work folder (relative to the service) for one packaging run. */
const packageWorkFolder = (pid = process.pid) => join('node_modules', '.cache', `citycare-package-${pid}`);

class PackageFolder {
  constructor(serverless) {
    const command = serverless.processedInput?.commands?.[0];
    if (!PACKAGING.has(command)) return;
    const custom = (serverless.service.custom ??= {});
    // serverless-esbuild reads its options in its `initialize` hook, after every plugin is constructed.
    custom.esbuild = { ...custom.esbuild, outputWorkFolder: packageWorkFolder() };
  }
}

module.exports = PackageFolder;
module.exports.packageWorkFolder = packageWorkFolder;

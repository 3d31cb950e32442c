/**
 * The environment `serverless package` runs in from the tests and the bench: no AWS credentials
 * (packaging needs none, and none must leak into it) and no telemetry.
 */
export function packagingEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, SLS_TELEMETRY_DISABLED: '1', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '' };
}

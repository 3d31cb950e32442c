import { requireEnv } from '../lib/env';
import { getSecret } from '../lib/secrets';
import type { SessionConfig } from './tokens';

let config: SessionConfig | undefined;

/** Session settings of this stage, from the environment serverless.yml sets from config/. */
export function sessionConfig(): SessionConfig {
  config ??= {
    issuer: requireEnv('AUTH_ISSUER'),
    audience: requireEnv('AUTH_AUDIENCE'),
    ttlSeconds: Number(requireEnv('SESSION_TTL_SECONDS')),
    keyId: requireEnv('SESSION_KEY_ID'),
  };
  return config;
}

export const sessionSecret = () => getSecret('session-secret');

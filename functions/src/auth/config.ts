import { requireEnv, settingsOnce } from '../lib/env';
import { getSecret } from '../lib/secrets';
import type { SessionConfig } from './tokens';

/** Session settings of this stage, from the environment serverless.yml sets from config/. */
export const sessionConfig = /* @__PURE__ */ settingsOnce<SessionConfig>(() => ({
  issuer: requireEnv('AUTH_ISSUER'),
  audience: requireEnv('AUTH_AUDIENCE'),
  ttlSeconds: Number(requireEnv('SESSION_TTL_SECONDS')),
  keyId: requireEnv('SESSION_KEY_ID'),
}));

export const sessionSecret = () => getSecret('session-secret');

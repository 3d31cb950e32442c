import { optionalEnv, requireEnv } from '../lib/env';
import { log } from '../lib/log';
import { getSecret } from '../lib/secrets';
import { devLoginRefusal } from './dev-login';
import { devProvider, wechatProvider, type LoginProvider } from './providers';

let provider: LoginProvider | undefined;

/**
 * The stage's login provider; the development provider is chosen here, once, from config. It
 * refuses to start (every login fails, nobody is signed in) when the dev login is switched on in
 * a stage whose secrets come from SSM.
 */
export function loginProvider(): LoginProvider {
  if (!provider) {
    const refusal = devLoginRefusal({
      DEV_LOGIN: optionalEnv('DEV_LOGIN'),
      SECRETS_SOURCE: optionalEnv('SECRETS_SOURCE'),
    });
    if (refusal) {
      log.error('login refused to start', { reason: refusal });
      throw new Error(`login refused to start: ${refusal}`);
    }
    const wechat = wechatProvider({
      appId: requireEnv('WECHAT_APP_ID'),
      apiBase: requireEnv('WECHAT_API_BASE'),
      appSecret: () => getSecret('wechat-app-secret'),
    });
    provider = optionalEnv('DEV_LOGIN') === 'true' ? devProvider(wechat) : wechat;
  }
  return provider;
}

import { optionalEnv, requireEnv } from '../lib/env';
import { getSecret } from '../lib/secrets';
import { devProvider, wechatProvider, type LoginProvider } from './providers';

let provider: LoginProvider | undefined;

/** The stage's login provider; the development provider is chosen here, once, from config. */
export function loginProvider(): LoginProvider {
  if (!provider) {
    const wechat = wechatProvider({
      appId: requireEnv('WECHAT_APP_ID'),
      apiBase: requireEnv('WECHAT_API_BASE'),
      appSecret: () => getSecret('wechat-app-secret'),
    });
    provider = optionalEnv('DEV_LOGIN') === 'true' ? devProvider(wechat) : wechat;
  }
  return provider;
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's code2session endpoint that answers the way WeChat does:
 * HTTP 200 with either `{openid, session_key}` or `{errcode, errmsg}`.
 */
export const STUB_ANSWERS: Record<string, object> = {
  'code-invalid': { errcode: 40029, errmsg: 'invalid code' },
  'code-used': { errcode: 40163, errmsg: 'code been used' },
  'code-risky': { errcode: 40226, errmsg: 'high risk user' },
  'code-limited': { errcode: 45011, errmsg: 'api minute-quota reach limit' },
  'code-busy': { errcode: -1, errmsg: 'system error' },
  'code-odd': { errcode: 99999, errmsg: 'something new' },
};

export interface WechatStub {
  url: string;
  requests: URLSearchParams[];
  close(): Promise<void>;
}

export async function startWechatStub(appId: string, secret: string): Promise<WechatStub> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    requests.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    let answer: object;
    if (url.pathname !== '/sns/jscode2session') answer = { errcode: 404, errmsg: 'not found' };
    else if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret)
      answer = { errcode: 40125, errmsg: 'invalid appsecret' };
    else if (url.searchParams.get('grant_type') !== 'authorization_code')
      answer = { errcode: 40002, errmsg: 'invalid grant_type' };
    else
      answer = STUB_ANSWERS[code] ?? { openid: `o-${code}`, session_key: `sk-secret-${code}`, unionid: `un-${code}` };
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEMPLATE_FIELDS } from '../../functions/src/notify/rules';
import type { NotifyTopic } from '@citycare/contract';
import { messagesPage, type SimMessage } from './wechat-sim-page';

export type { SimMessage } from './wechat-sim-page';

/**
 * A local WeChat server API for subscribe messages, answering as api.weixin.qq.com does (HTTP 200,
 * `{errcode, errmsg}`): `POST /cgi-bin/stable_token` checks grant_type, appid and secret and keeps
 * one token per app (normal mode returns it while valid; force_refresh replaces it), and
 * `POST /cgi-bin/message/subscribe/send` checks the token, the template id and its fields, and
 * records the message. `GET /messages` lists what it was sent (a page; `?format=json` for JSON).
 * Loopback only.
 */

export interface WechatSimOptions {
  appId: string;
  secret: string;
  /** topic -> template id, as config/<stage>.yml `notify.templates`. */
  templates: Partial<Record<NotifyTopic, string>>;
  port?: number;
  tokenTtlSeconds?: number;
  now?: () => number;
}

export type WechatSim = Awaited<ReturnType<typeof startWechatSim>>;

const THING_MAX = 20;
const PHRASE_MAX = 5;

/** WeChat's limits on a template field's value, by its kind (the key's letters). */
function fieldProblem(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return `${key} empty`;
  const kind = key.replace(/\d+$/, '');
  if (kind === 'thing' && [...value].length > THING_MAX) return `${key} too long`;
  if (kind === 'phrase' && [...value].length > PHRASE_MAX) return `${key} too long`;
  if (kind === 'character_string' && !/^[\x21-\x7e]{1,32}$/.test(value)) return `${key} invalid`;
  if (kind === 'time' && !/^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/.test(value)) return `${key} invalid`;
  return undefined;
}

export async function startWechatSim(options: WechatSimOptions) {
  const now = options.now ?? Date.now;
  const ttl = options.tokenTtlSeconds ?? 7200;
  const topicOf = new Map(Object.entries(options.templates).map(([topic, id]) => [id, topic as NotifyTopic]));
  let token: { value: string; expiresAtMs: number } | undefined;
  const messages: SimMessage[] = [];
  const tokenRequests: { forceRefresh: boolean }[] = [];
  const refused = new Set<string>();
  const failures: number[] = [];

  const issue = () =>
    (token = { value: `sim-${randomBytes(24).toString('base64url')}`, expiresAtMs: now() + ttl * 1000 });

  function stableToken(body: Record<string, unknown>): object {
    tokenRequests.push({ forceRefresh: body.force_refresh === true });
    if (body.grant_type !== 'client_credential') return { errcode: 40002, errmsg: 'invalid grant_type' };
    if (body.appid !== options.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (body.secret !== options.secret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (body.force_refresh === true || !token || token.expiresAtMs <= now()) issue();
    const current = token as { value: string; expiresAtMs: number };
    return { access_token: current.value, expires_in: Math.max(0, Math.floor((current.expiresAtMs - now()) / 1000)) };
  }

  function send(accessToken: string | null, body: Record<string, unknown>): object {
    if (!accessToken) return { errcode: 41001, errmsg: 'access_token missing' };
    if (!token || accessToken !== token.value)
      return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
    if (token.expiresAtMs <= now()) return { errcode: 42001, errmsg: 'access_token expired' };
    const injected = failures.shift();
    if (injected !== undefined) return { errcode: injected, errmsg: 'simulated failure' };
    if (typeof body.touser !== 'string' || !body.touser) return { errcode: 40003, errmsg: 'invalid openid' };
    const topic = topicOf.get(String(body.template_id));
    if (!topic) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data = (body.data ?? {}) as Record<string, { value?: unknown }>;
    const keys = TEMPLATE_FIELDS[topic];
    const problem =
      Object.keys(data).length !== keys.length
        ? 'fields do not match the template'
        : keys.map((k) => fieldProblem(k, data[k]?.value)).find(Boolean);
    if (problem) return { errcode: 47003, errmsg: `argument invalid! data.${problem}` };
    if (refused.has(body.touser)) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    messages.push({
      at: new Date(now()).toISOString(),
      touser: body.touser,
      templateId: String(body.template_id),
      topic,
      page: typeof body.page === 'string' ? body.page : undefined,
      data: data as SimMessage['data'],
      miniprogramState: typeof body.miniprogram_state === 'string' ? body.miniprogram_state : undefined,
    });
    return { errcode: 0, errmsg: 'ok' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === '/messages') {
      if (url.searchParams.get('format') === 'json') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
        res.end(JSON.stringify({ messages }));
      } else {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(messagesPage(messages));
      }
      return;
    }
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      body = {};
    }
    let answer: object;
    if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') answer = stableToken(body);
    else if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send')
      answer = send(url.searchParams.get('access_token'), body);
    else answer = { errcode: 40066, errmsg: 'invalid url' };
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer));
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    tokenRequests,
    /** WeChat invalidates the current token (another server force-refreshed it): the next send gets 40001. */
    invalidateToken: () => issue(),
    /** The user never subscribed (or used their subscription up): sends to them answer 43101. */
    refuse: (openid: string) => refused.add(openid),
    /** The next sends answer these errcodes (e.g. -1 system busy, 45009 over the daily limit). */
    failNext: (...errcodes: number[]) => failures.push(...errcodes),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

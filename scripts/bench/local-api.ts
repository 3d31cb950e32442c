import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routes } from '@citycare/contract';
import type { Router } from '../../functions/src/lib/router';
import { ROOT } from '../lib/paths';

/**
 * The whole HTTP API in this process, for the bench's browser runs: every function's router
 * (functions/src/<domain>/lambdas/*.ts) behind one loopback server, each request matched to its
 * contract route and passed as API Gateway's v2 event, with the CORS answers the H5 app needs.
 * The handlers are the real ones, on the bench's DynamoDB Local (harness.ts).
 */
export async function startLocalApi(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const byKey = new Map<string, Router>();
  const src = join(ROOT, 'functions', 'src');
  for (const domain of readdirSync(src)) {
    const dir = join(src, domain, 'lambdas');
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    for (const file of files) {
      const mod = (await import(join(dir, file))) as { handler?: Partial<Router> };
      for (const key of mod.handler?.routeKeys ?? []) byKey.set(key, mod.handler as Router);
    }
  }
  const patterns = Object.values(routes).map((r) => ({
    key: `${r.method} ${r.path}`,
    method: r.method as string,
    names: [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''),
    regex: new RegExp(`^${r.path.replace(/\{\w+\}/g, '([^/]+)')}$`),
  }));
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    'access-control-expose-headers': '*',
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        const url = new URL(req.url ?? '/', 'http://local');
        let match: { key: string; params: Record<string, string> } | undefined;
        for (const p of patterns) {
          const m = p.method === req.method ? p.regex.exec(url.pathname) : null;
          if (m)
            match = {
              key: p.key,
              params: Object.fromEntries(p.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])),
            };
          if (match) break;
        }
        const handler = match && byKey.get(match.key);
        if (!match || !handler)
          return void res.writeHead(404, cors).end('{"error":{"code":"NOT_FOUND","message":"没有这个接口"}}');
        const event = {
          version: '2.0',
          routeKey: match.key,
          rawPath: url.pathname,
          rawQueryString: url.search.slice(1),
          headers: req.headers as Record<string, string>,
          queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
          pathParameters: Object.keys(match.params).length ? match.params : undefined,
          body: chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined,
          isBase64Encoded: false,
          requestContext: { requestId: `bench-${Date.now()}`, http: { method: req.method, path: url.pathname } },
        } as unknown as APIGatewayProxyEventV2;
        const answer = await handler(event);
        res.writeHead(answer.statusCode ?? 500, { ...(answer.headers as Record<string, string>), ...cors });
        res.end(answer.body ?? '');
      })().catch((err: unknown) => res.writeHead(500, cors).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

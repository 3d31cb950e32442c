import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * One Lambda handler behind a loopback HTTP server, called as API Gateway's HTTP API calls it
 * (a v2 event, `routeKey` = method and path), for in-process stacks that have no
 * serverless-offline: the integration tests' and the bench's notify_url for the WeChat Pay
 * simulator.
 */
export async function serveLambda(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const path = new URL(req.url ?? '/', 'http://local').pathname;
        const event = {
          version: '2.0',
          routeKey: `${req.method} ${path}`,
          rawPath: path,
          rawQueryString: '',
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString('utf8'),
          isBase64Encoded: false,
          requestContext: { requestId: `local-${Date.now()}`, http: { method: req.method, path } },
        } as unknown as APIGatewayProxyEventV2;
        const answer = await handler(event);
        res.writeHead(answer.statusCode ?? 500, answer.headers as Record<string, string>).end(answer.body ?? '');
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

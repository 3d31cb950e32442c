import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorBody } from '@citycare/contract';
import * as handlers from '../../src/auth/handlers';
import { timed } from './faults-inject';

/**
 * WeChat's code2session down or hanging: sign-in answers 503 with Retry-After within its
 * 2.5 s deadline, never at the function's 10 s timeout.
 */
let server: Server;
beforeAll(async () => {
  // Takes the request and never answers.
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

it('answers 503 with Retry-After within the deadline when WeChat does not answer', async () => {
  const res = await timed(handlers.login, { body: { code: 'wx-someone' } });
  expect(res.status).toBe(503);
  expect(ErrorBody.parse(res.body).error.code).toBe('UPSTREAM_UNAVAILABLE');
  expect(res.headers['retry-after']).toBe('1');
  expect(res.ms).toBeGreaterThanOrEqual(2400);
  expect(res.ms).toBeLessThan(4000);
});

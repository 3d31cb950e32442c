import { PRIVACY_VERSION } from '@citycare/contract';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { SlowProxy } from '../lib/slow-proxy';
import { benchEvent } from './harness';
import { median, printTable } from './table';

/**
 * The fault run: the same requests with DynamoDB Local healthy, slowed and frozen (a TCP proxy
 * holding its answers back), from CLIENTS concurrent callers for SECONDS each: requests per second,
 * how the answers split (200, 200 from the cache, 503, 429, other) and their latency.
 */
const CLIENTS = 8;
const SECONDS = 3;
const SCENARIOS: [string, number][] = [
  ['healthy', 0],
  ['slow: +300 ms per answer', 300],
  ['slow: +1500 ms (past the 1 s attempt timeout)', 1500],
  ['frozen: no answer', Infinity],
];

type Call = () => Promise<APIGatewayProxyStructuredResultV2>;

async function load(call: Call) {
  const latencies: number[] = [];
  const counts = { ok: 0, cached: 0, s503: 0, s429: 0, other: 0 };
  const until = Date.now() + SECONDS * 1000;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < until) {
        const started = Date.now();
        const res = await call();
        latencies.push(Date.now() - started);
        const status = res.statusCode ?? 0;
        if (status === 200 && res.headers?.['x-cache-age'] !== undefined) counts.cached++;
        else if (status >= 200 && status < 300) counts.ok++;
        else if (status === 503) counts.s503++;
        else if (status === 429) counts.s429++;
        else counts.other++;
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  return { n: latencies.length, seconds, latencies, counts };
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(0)}%`;

export async function benchFaults(proxy: SlowProxy): Promise<void> {
  const { registerSelf } = await import('../../functions/src/health/register/handlers');
  const { code } = await import('../../functions/src/health/code/handlers');
  const { login } = await import('../../functions/src/auth/handlers');
  const { myOrders } = await import('../../functions/src/grocery/orders/handlers');
  const token = JSON.parse((await login(benchEvent({ body: { code: 'dev:resident' } }))).body ?? '{}').token as string;
  const reg = await registerSelf(
    benchEvent({
      token,
      body: {
        name: '王秀兰',
        idNumber: '11010519491231002X',
        phone: '13812341234',
        community: 'zq-jianshe',
        consentVersion: PRIVACY_VERSION,
      },
    }),
  );
  const residentId = (JSON.parse(reg.body ?? '{}') as { resident?: { residentId: string } }).resident?.residentId;
  if (!residentId) throw new Error(`bench registration failed: ${reg.body}`);
  const cases: [string, Call][] = [
    ['health code (last good profile kept)', () => code(benchEvent({ method: 'GET', token, params: { residentId } }))],
    ['my grocery orders (no cache)', () => myOrders(benchEvent({ method: 'GET', token }))],
    ['sign in (returning user)', () => login(benchEvent({ body: { code: 'dev:resident' } }))],
  ];
  const rows: (string | number)[][] = [];
  try {
    for (const [scenario, delay] of SCENARIOS) {
      proxy.setDelay(delay);
      for (const [name, call] of cases) {
        const r = await load(call);
        rows.push([
          scenario,
          name,
          `${(r.n / r.seconds).toFixed(1)}/s`,
          pct(r.counts.ok, r.n),
          pct(r.counts.cached, r.n),
          pct(r.counts.s503, r.n),
          pct(r.counts.s429, r.n),
          pct(r.counts.other, r.n),
          `${median(r.latencies)} ms`,
          `${Math.max(0, ...r.latencies)} ms`,
        ]);
      }
    }
  } finally {
    proxy.setDelay(0);
  }
  printTable(
    `Faults: DynamoDB Local healthy, slowed and frozen (${CLIENTS} clients × ${SECONDS} s each, in-process handlers; deadline 3 s)`,
    ['database', 'request', 'answers/s', '200', '200 cached', '503', '429', 'other', 'p50', 'max'],
    rows,
  );
}

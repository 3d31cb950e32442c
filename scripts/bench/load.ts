import { idCheckChar } from '@citycare/contract/src/health-id';
import { benchEvent, benchToken } from './harness';
import { median, printTable } from './table';

/**
 * Load on the hottest path: `GET` code (healthCode) through the real handler on the bench's
 * DynamoDB Local, at rising concurrency. One Node process runs the handler (as one Lambda
 * instance would, but with many requests in flight at once), so the figures are the handler's and
 * DynamoDB Local's throughput on this machine, not the deployed service's: the capacity plan in
 * docs/operations.md scales by instances. Each request reads its resident afresh (the handler's
 * last-good-value cache only answers when the database fails) and signs the 12-window bundle.
 */
const RESIDENTS = 20;
const LEVELS = [1, 4, 16, 64];
const SECONDS_PER_LEVEL = 3;

export async function benchLoad(): Promise<void> {
  const { registerSelf } = await import('../../functions/src/health/register/handlers');
  const { code } = await import('../../functions/src/health/code/handlers');
  const tag = Date.now().toString(36);
  const callers: { token: string; residentId: string }[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const token = await benchToken(`bench-load-${tag}-${i}`);
    const first17 = `21080219700101${String(100 + i).padStart(3, '0')}`;
    const answer = await registerSelf(
      benchEvent({
        token,
        body: {
          name: '张建国',
          idNumber: first17 + idCheckChar(first17),
          phone: '13900001111',
          community: 'zq-jianshe',
        },
      }),
    );
    const residentId = (JSON.parse(answer.body ?? '{}') as { resident?: { residentId: string } }).resident?.residentId;
    if (!residentId) throw new Error(`bench registration failed: ${answer.body}`);
    callers.push({ token, residentId });
  }

  const rows: (string | number)[][] = [];
  for (const concurrency of LEVELS) {
    const latencies: number[] = [];
    let errors = 0;
    const until = Date.now() + SECONDS_PER_LEVEL * 1000;
    const started = process.hrtime.bigint();
    let next = 0;
    const worker = async () => {
      while (Date.now() < until) {
        const caller = callers[next++ % callers.length]!;
        const t = process.hrtime.bigint();
        try {
          const answer = await code(
            benchEvent({ method: 'GET', token: caller.token, params: { residentId: caller.residentId } }),
          );
          if (answer.statusCode !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const sorted = [...latencies].sort((a, b) => a - b);
    rows.push([
      concurrency,
      latencies.length,
      `${(latencies.length / seconds).toFixed(0)}/s`,
      `${median(latencies).toFixed(1)} ms`,
      `${(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1)} ms`,
      `${((errors / Math.max(1, latencies.length)) * 100).toFixed(1)}%`,
    ]);
  }
  printTable(
    `Load: GET code (healthCode handler in one process, DynamoDB Local, ${RESIDENTS} residents, ${SECONDS_PER_LEVEL} s per level)`,
    ['in flight', 'requests', 'rate', 'p50', 'p95', 'errors'],
    rows,
  );
}

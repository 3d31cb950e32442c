import { PRIVACY_VERSION } from '@citycare/contract';
import { randomUUID, verify as nodeVerify } from 'node:crypto';
import { benchEvent, benchToken } from './harness';
import { countRequests } from './requests';
import { printTable, ratio } from './table';
import { healthCodeKeys } from '../lib/keys';

/**
 * Health code: offline verification throughput (the scanner's pure-JS verifier next to Node's
 * OpenSSL, the limit), and DynamoDB requests per use case next to the floor.
 */

/** Runs `fn` for about `ms` milliseconds; operations per second. */
function opsPerSecond(fn: (i: number) => boolean, ms = 1500): number {
  let n = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(ms) * 1_000_000n;
  while (process.hrtime.bigint() < until) {
    if (!fn(n)) throw new Error('a verification failed during the bench');
    n++;
  }
  return n / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function benchHealthVerify(): Promise<void> {
  const { parseKeySet, jwks, signHealthToken } = await import('../../functions/src/health/tokens');
  const { parseJwks, verifyHealthToken } = await import('../../miniapp/src/lib/health/verify');
  const keys = parseKeySet(healthCodeKeys('bench'));
  const ring = parseJwks(jwks(keys));
  // 64 different tokens, so about half the signatures are high-S (what OpenSSL makes).
  const tokens = Array.from(
    { length: 64 },
    (_, i) => signHealthToken(keys, `c_bench${i}`, 'green', '王*兰', 300).token,
  );
  const parts = tokens.map((t) => {
    const [h, p, s] = t.split('.') as [string, string, string];
    return { data: Buffer.from(`${h}.${p}`), sig: Buffer.from(s, 'base64url') };
  });
  const now = Date.now();
  const noble = opsPerSecond((i) => verifyHealthToken(tokens[i % 64] ?? '', ring, now).ok);
  const openssl = opsPerSecond((i) => {
    const { data, sig } = parts[i % 64]!;
    return nodeVerify('sha256', data, { key: keys.current.publicKey, dsaEncoding: 'ieee-p1363' }, sig);
  });
  printTable(
    'Health code: offline ES256 verification (one core)',
    ['verifier', 'verifies/s', 'ms each', 'vs limit'],
    [
      [
        'scanner: @noble/curves p256, lowS:false (verify.ts, full token)',
        Math.round(noble),
        (1000 / noble).toFixed(2),
        ratio(noble, openssl),
      ],
      ['limit: node:crypto (OpenSSL) ES256, signature only', Math.round(openssl), (1000 / openssl).toFixed(3), '1.00×'],
    ],
  );
}

/** DynamoDB requests of showing a code, declaring and recording a scan. */
export async function benchHealthRequests(): Promise<void> {
  const { household, registerSelf } = await import('../../functions/src/health/register/handlers');
  const { code } = await import('../../functions/src/health/code/handlers');
  const { declare } = await import('../../functions/src/health/declare/handlers');
  const { uploadScans } = await import('../../functions/src/health/scans/handlers');
  const resident = await benchToken(`bench-health-${Date.now().toString(36)}`);
  const checkpoint = await benchToken('checkpoint');
  const reg = await registerSelf(
    benchEvent({
      token: resident,
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
  const codeToken = () =>
    code(benchEvent({ method: 'GET', token: resident, params: { residentId } })).then(
      (r) => (JSON.parse(r.body ?? '{}') as { token: string }).token,
    );
  const qr = await codeToken();
  const scan = () => ({
    scanId: `s-${randomUUID()}`,
    scannedAt: new Date().toISOString(),
    token: qr,
    temperature: 36.5,
    result: 'pass',
    reason: 'ok',
  });
  const declaration = { residentId, temperature: 36.5, symptoms: [], travel: [], contact: 'none' };
  await countRequests('DynamoDB requests per use case: health code', [
    {
      name: 'show my code (GET code)',
      floor: 1,
      floorNote: '1 GetItem of the resident (keys cached)',
      run: () => code(benchEvent({ method: 'GET', token: resident, params: { residentId } })),
    },
    {
      name: 'open the code page (GET /health/me)',
      floor: 1,
      floorNote: '1 Query of the household',
      run: () => household(benchEvent({ method: 'GET', token: resident })),
    },
    {
      name: 'declare',
      floor: 2,
      floorNote: 'BatchGet (resident + risk areas) + 1 transaction',
      run: () => declare(benchEvent({ token: resident, body: declaration })),
    },
    {
      name: 'record a scan (upload of 1)',
      floor: 2,
      floorNote: 'GetItem (fresh checkpoint role) + conditional PutItem',
      setup: () => uploadScans(benchEvent({ token: checkpoint, body: { placeId: 'cp-lutun', scans: [scan()] } })),
      run: () => uploadScans(benchEvent({ token: checkpoint, body: { placeId: 'cp-lutun', scans: [scan()] } })),
    },
    {
      name: 'record 20 offline scans (one upload)',
      floor: 21,
      floorNote: 'GetItem (role) + 20 conditional PutItems (each stored once)',
      run: () =>
        uploadScans(
          benchEvent({ token: checkpoint, body: { placeId: 'cp-lutun', scans: Array.from({ length: 20 }, scan) } }),
        ),
    },
  ]);
}

import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { CodeResponse, JwksResponse, RuleBookResponse, ScansUploadResponse } from '@citycare/contract';
import { clock } from '../../src/health/wiring';
import { parseJwks, verifyHealthToken } from '../../../miniapp/src/lib/health/verify';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { call, loginAs, scanAll } from './helpers';
import { registeredUser, scanId, scansTable } from './health-helpers';

/**
 * The offline code (issue 12): asking for a code returns the current window's token and the next
 * windows' tokens, each with its own not-before and expiry, signed with the code-signing key the
 * JWKS publishes; scanners (the app's offline verifier and the server judging uploads) refuse a
 * token before its window and after it.
 */

const SKEW_S = 120;
let checkpoint: { token: string };
let jwks: JwksResponse;
beforeAll(async () => {
  checkpoint = await loginAs('checkpoint'); // 张伟, 陆屯卡点
  jwks = JSON.parse((await h.keys({ headers: {} } as never)).body ?? '{}') as JwksResponse;
});

async function bundleOf() {
  const user = await registeredUser('oc');
  const res = await call<CodeResponse>(h.code, {
    method: 'GET',
    token: user.token,
    params: { residentId: user.resident.residentId },
  });
  expect(res.status).toBe(200);
  return { user, code: res.body };
}

/** jsonwebtoken with the JWKS key the token names, at `atMs`. */
function verifyWithJwks(token: string, atMs: number) {
  const kid = jwt.decode(token, { complete: true })?.header.kid;
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) throw new Error(`kid ${kid} not in the JWKS`);
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
  return jwt.verify(token, key, { algorithms: ['ES256'], clockTimestamp: Math.floor(atMs / 1000) });
}

const upload = (scans: Record<string, unknown>[]) =>
  call<ScansUploadResponse>(staff.uploadScans, { token: checkpoint.token, body: { placeId: 'cp-lutun', scans } });
const scanOf = (token: string, atMs: number) => ({
  scanId: scanId(),
  scannedAt: new Date(atMs).toISOString(),
  token,
  temperature: 36.4,
  result: 'pass',
  reason: 'ok',
});

describe('GET /health/residents/{residentId}/code: the offline bundle', () => {
  it('returns the current token and the next windows, 12 of 5 minutes, each signed with its nbf and exp', async () => {
    const before = Date.now();
    const { code } = await bundleOf();
    expect(code.tokens).toHaveLength(12);
    expect(code.token).toBe(code.tokens[0]!.token);
    expect(code.expiresAt).toBe(code.tokens[0]!.expiresAt);
    const iat = Date.parse(code.issuedAt) / 1000;
    expect(Date.parse(code.tokens[0]!.notBefore)).toBeLessThanOrEqual(before);
    expect(Date.parse(code.tokens[0]!.expiresAt)).toBeGreaterThan(before);
    code.tokens.forEach((t, i) => {
      const nbf = Date.parse(t.notBefore) / 1000;
      const exp = Date.parse(t.expiresAt) / 1000;
      expect(exp - nbf).toBe(300);
      expect(nbf % 300).toBe(0);
      if (i > 0) expect(t.notBefore).toBe(code.tokens[i - 1]!.expiresAt);
      // Inside its own window the token verifies against the published JWKS (jsonwebtoken).
      const at = Math.max(nbf * 1000, before) + 1000;
      expect(verifyWithJwks(t.token, at)).toMatchObject({ nbf, exp, iat, st: 'green', nm: '王*兰' });
    });
    expect(jwt.decode(code.tokens[3]!.token, { complete: true })?.header.kid).toBe(code.kid);
    // jsonwebtoken itself refuses a later window's token now.
    expect(() => verifyWithJwks(code.tokens[3]!.token, before)).toThrow(/not active/);
  });

  it('publishes the bundle size and the clock skew in the rule book', async () => {
    const res = await call<RuleBookResponse>(h.rules, { method: 'GET' });
    expect(res.body).toMatchObject({ tokenTtlSeconds: 300, codeWindows: 12, scanClockSkewSeconds: SKEW_S });
  });
});

describe('scanners refuse a token outside its window', () => {
  it("the app's offline verifier: early before nbf (less the skew), expired after exp (plus the skew)", async () => {
    const { code } = await bundleOf();
    const ring = parseJwks(jwks);
    const now = Date.now();
    const fourth = code.tokens[3]!;
    const nbf = Date.parse(fourth.notBefore);
    const exp = Date.parse(fourth.expiresAt);
    expect(verifyHealthToken(code.tokens[0]!.token, ring, now, SKEW_S)).toMatchObject({ ok: true });
    expect(verifyHealthToken(fourth.token, ring, now, SKEW_S)).toMatchObject({ ok: false, problem: 'not-yet-valid' });
    expect(verifyHealthToken(fourth.token, ring, nbf - SKEW_S * 1000, SKEW_S)).toMatchObject({ ok: true });
    expect(verifyHealthToken(fourth.token, ring, exp + SKEW_S * 1000 + 1000, SKEW_S)).toMatchObject({
      ok: false,
      problem: 'expired',
    });
  });

  it('the server refuses an upload scanned before the window or after it, and stores only the good one', async () => {
    const { code } = await bundleOf();
    const now = Date.now();
    const early = scanOf(code.tokens[3]!.token, now);
    const good = scanOf(code.tokens[0]!.token, now);
    const res = await upload([early, good]);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ scanId: early.scanId, stored: false, refused: 'outside-validity' }),
      expect.objectContaining({ scanId: good.scanId, stored: true, result: 'pass' }),
    ]);
    // Later (the server's clock moved on): a scan after the last window's end plus the skew.
    const last = code.tokens[11]!;
    const after = Date.parse(last.expiresAt) + SKEW_S * 1000 + 1000;
    const late = scanOf(last.token, after);
    const inside = scanOf(last.token, Date.parse(last.expiresAt) - 1000);
    const real = clock.now;
    clock.now = () => new Date(after + 5000);
    try {
      const later = await upload([late, inside]);
      expect(later.body.results).toEqual([
        expect.objectContaining({ scanId: late.scanId, stored: false, refused: 'outside-validity' }),
        expect.objectContaining({ scanId: inside.scanId, stored: true }),
      ]);
    } finally {
      clock.now = real;
    }
    const rows = (await scanAll(scansTable())).filter((i) =>
      [early, good, late, inside].some((s) => String(i.sk).endsWith(`#${s.scanId}`)),
    );
    expect(rows).toHaveLength(2);
  });
});

import { createPublicKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { JwksResponse, RuleBookResponse, ScansUploadResponse } from '@citycare/contract';
import { forgetCached } from '../../src/lib/cache';
import { statusList } from '../../src/health/status-list/handlers';
import { parseJwks, verifyHealthToken } from '../../../miniapp/src/lib/health/verify';
import { verifyStatusList } from '../../../miniapp/src/lib/health/status-list-verify';
import { residentHandlers as h, staffHandlers as staff } from './health-api';
import { call, httpEvent, loginAs } from './helpers';
import { codeOf, declare, normalDeclaration, registeredUser, scanId } from './health-helpers';

/**
 * The signed status list (issue 12): codes whose status changed since a time, signed with the
 * code-signing key and verified with the JWKS; scanners (the app's verifier and the server's scan
 * check) refuse a code issued before its resident's latest change.
 */

let jwks: JwksResponse;
let official: { token: string };
let checkpoint: { token: string };
beforeAll(async () => {
  [official, checkpoint] = await Promise.all([loginAs('official'), loginAs('checkpoint')]);
  jwks = JSON.parse((await h.keys({ headers: {} } as never)).body ?? '{}') as JwksResponse;
});

interface ListClaims {
  iat: number;
  since: number;
  exp: number;
  ch: [string, number][];
}

/** GET /health/status-list?since=…, read fresh (the function instance keeps the list a refresh interval). */
async function listOf(since?: number, headers: Record<string, string> = {}, fresh = true) {
  if (fresh) forgetCached();
  const event = httpEvent({ method: 'GET', path: '/health/status-list', headers });
  event.queryStringParameters = since === undefined ? {} : { since: String(since) };
  const res = await statusList(event);
  return { status: res.statusCode ?? 0, headers: res.headers ?? {}, text: res.body ?? '' };
}

/** jsonwebtoken with the JWKS key the list names. */
function verifyWithJwks(list: string) {
  const decoded = jwt.decode(list, { complete: true });
  const jwk = jwks.keys.find((k) => k.kid === decoded?.header.kid);
  if (!jwk) throw new Error('kid not in the JWKS');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
  return { header: decoded!.header, claims: jwt.verify(list, key, { algorithms: ['ES256'] }) as ListClaims };
}

const subOf = (token: string) => (jwt.decode(token) as { sub: string; iat: number }).sub;
const turnRed = (residentId: string) =>
  call(staff.setStatus, {
    token: official.token,
    params: { residentId },
    body: { colour: 'red', reason: '确诊病例密切接触者' },
  });

describe('GET /health/status-list', () => {
  it('is signed with the code-signing key: jsonwebtoken and the app verify it with the JWKS; a code is no list', async () => {
    const user = await registeredUser('sl');
    const { token } = await codeOf(user.token, user.resident.residentId);
    expect((await turnRed(user.resident.residentId)).status).toBe(200);
    const res = await listOf();
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const { list } = JSON.parse(res.text) as { list: string };
    const { header, claims } = verifyWithJwks(list);
    expect(header).toMatchObject({ alg: 'ES256', typ: 'citycare-status+jwt' });
    const mine = claims.ch.find(([sub]) => sub === subOf(token));
    expect(mine?.[1]).toBeGreaterThan((jwt.decode(token) as { iat: number }).iat);
    // Only code ids and times: no colour, name or resident id.
    expect(list).not.toContain(user.resident.residentId);
    expect(JSON.stringify(claims)).not.toMatch(/red|王/);
    // The offline scanner's own check, and a code token refused as a list.
    const ring = parseJwks(jwks);
    expect(verifyStatusList(list, ring)).toMatchObject({ ok: true, claims: { iat: claims.iat } });
    expect(verifyStatusList(token, ring)).toMatchObject({ ok: false, problem: 'not-a-list' });
    const [hd, body] = list.split('.');
    expect(verifyStatusList(`${hd}.${body}.${'A'.repeat(86)}`, ring)).toMatchObject({ ok: false });
  });

  it('keeps only changes since `since`, and a declaration that turns a code yellow is listed too', async () => {
    const user = await registeredUser('sl');
    const { token } = await codeOf(user.token, user.resident.residentId);
    const fever = await declare(user.token, normalDeclaration(user.resident.residentId, { temperature: 38.2 }));
    expect(fever.body.resident.status.colour).toBe('yellow');
    const all = verifyWithJwks((JSON.parse((await listOf()).text) as { list: string }).list).claims;
    const changedAt = all.ch.find(([sub]) => sub === subOf(token))?.[1];
    expect(changedAt).toBeDefined();
    const from = verifyWithJwks((JSON.parse((await listOf(changedAt)).text) as { list: string }).list).claims;
    expect(from.since).toBe(changedAt);
    expect(from.ch.map(([sub]) => sub)).toContain(subOf(token));
    expect(from.ch.every(([, at]) => at >= changedAt!)).toBe(true);
    const after = verifyWithJwks((JSON.parse((await listOf(changedAt! + 1)).text) as { list: string }).list).claims;
    expect(after.ch.map(([sub]) => sub)).not.toContain(subOf(token));
    // Never before the retention (the longest-lived code: a paper code's 7 days).
    const old = verifyWithJwks((JSON.parse((await listOf(1000)).text) as { list: string }).list).claims;
    expect(old.since).toBe(old.iat - 7 * 86400);
  });

  it('answers 304 to a matching If-None-Match, and 400 to a bad since', async () => {
    const first = await listOf(2_000_000_000);
    const etag = String(first.headers.etag ?? '');
    expect(etag).toMatch(/^W\/"/);
    // The same snapshot (the instance keeps it a refresh interval) is not sent again; another ETag is.
    const again = await listOf(2_000_000_000, { 'if-none-match': etag }, false);
    expect(again).toMatchObject({ status: 304, text: '' });
    expect(again.headers).toMatchObject({ etag, 'cache-control': 'public, max-age=60' });
    const other = await listOf(2_000_000_000, { 'if-none-match': 'W/"other"' }, false);
    expect(other.status).toBe(200);
    const event = httpEvent({ method: 'GET', path: '/health/status-list' });
    event.queryStringParameters = { since: 'yesterday' };
    const res = await statusList(event);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body ?? '{}')).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('publishes the refresh, the offline window, the paper code days and the chain staleness in the rule book', async () => {
    const res = await call<RuleBookResponse>(h.rules, { method: 'GET' });
    expect(res.body).toMatchObject({
      statusListRefreshSeconds: 60,
      scannerOfflineDays: 7,
      paperCodeDays: 7,
      statusMaxStalenessMinutes: 62,
    });
  });
});

describe('a code issued before its resident turned red is refused', () => {
  it("by the app's offline verifier with the list, and by the server's scan check; a fresh code stops for red", async () => {
    const user = await registeredUser('sl');
    const before = await codeOf(user.token, user.resident.residentId);
    expect((await turnRed(user.resident.residentId)).status).toBe(200);
    const after = await codeOf(user.token, user.resident.residentId);
    expect(after.colour).toBe('red');
    const { list } = JSON.parse((await listOf()).text) as { list: string };
    const listed = verifyStatusList(list, parseJwks(jwks));
    if (!listed.ok) throw new Error(listed.problem);
    const changes = Object.fromEntries(listed.claims.ch);
    const { superseded } = await import('@citycare/contract');
    const old = verifyHealthToken(before.token, parseJwks(jwks), Date.now(), 120);
    if (!old.ok) throw new Error(old.problem);
    expect(old.claims.st).toBe('green');
    expect(superseded(old.claims, changes)).toBe(true);
    const fresh = verifyHealthToken(after.token, parseJwks(jwks), Date.now(), 120);
    if (!fresh.ok) throw new Error(fresh.problem);
    expect(superseded(fresh.claims, changes)).toBe(false);

    forgetCached();
    const scans = [before.token, after.token].map((token) => ({
      scanId: scanId(),
      scannedAt: new Date().toISOString(),
      token,
      temperature: 36.5,
      result: 'pass',
      reason: 'ok',
    }));
    const res = await call<ScansUploadResponse>(staff.uploadScans, {
      token: checkpoint.token,
      body: { placeId: 'cp-lutun', scans },
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({ scanId: scans[0]!.scanId, stored: true, result: 'stop', reason: 'superseded' }),
      expect.objectContaining({ scanId: scans[1]!.scanId, stored: true, result: 'stop', reason: 'colour' }),
    ]);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { PlaceCodeResponse, PlaceCodesResponse } from '@citycare/contract';
import * as posters from '../../src/health/places/handlers';
import { signPlaceToken } from '../../src/health/place-token';
import { healthKeys } from '../../src/health/tokens';
import { residentHandlers as h } from './health-api';
import { healthSnapshot, placeToken, registeredUser, residentWithCode, scanId, scansTable } from './health-helpers';
import { call, scanAll, signedIn } from './helpers';

/** Signed place codes: a visit needs a code the server verifies; staff print posters of their places. */

// 张伟 of 陆屯卡点 (cp-lutun), and an official.
const [checkpoint, official] = signedIn('checkpoint', 'official');

const rowsWith = async (id: string) => (await scanAll(scansTable())).filter((i) => String(i.sk).endsWith(`#${id}`));

/** The payload of a token, re-encoded after `change`, with the original header and signature. */
function tampered(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [head, payload, sig] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  return `${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
}

describe('POST /health/visits with a signed place code', () => {
  it('registers a ride once, at the place the code names, and tells the pass rule', async () => {
    const resident = await registeredUser();
    const body = {
      visitId: scanId(),
      placeToken: await placeToken('vh-bus-3'),
      residentId: resident.resident.residentId,
    };
    const first = await call(h.visit, { token: resident.token, body });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ place: { id: 'vh-bus-3', name: '3路公交车', kind: 'bus' }, pass: true });
    await call(h.visit, { token: resident.token, body });
    expect(await rowsWith(body.visitId)).toHaveLength(1);
    const other = await registeredUser();
    expect((await call(h.visit, { token: other.token, body: { ...body, visitId: scanId() } })).status).toBe(403);
  });

  it('refuses the old unsigned codes, forged, tampered and health-code tokens (422), storing nothing', async () => {
    const { resident, token: healthToken } = await residentWithCode();
    const real = await placeToken('vn-yingkou-station');
    const { kid } = (await healthKeys()).current;
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const forged = jwt.sign({ t: 'place', sub: 'vn-yingkou-station', k: 'station', n: '营口站' }, stranger, {
      algorithm: 'ES256',
      keyid: kid,
    });
    const unknownKid = jwt.sign({ t: 'place', sub: 'vh-bus-3', k: 'bus', n: 'x' }, stranger, {
      algorithm: 'ES256',
      keyid: 'not-ours',
    });
    const hmac = jwt.sign({ t: 'place', sub: 'vh-bus-3', k: 'bus', n: 'x' }, 'secret', { keyid: kid });
    const cases: [string, string][] = [
      ['citycare:place:vn-yingkou-station', '旧版'],
      ['vn-yingkou-station', '旧版'],
      [forged, '伪造'],
      [tampered(real, (c) => (c.sub = 'vh-bus-3')), '伪造'],
      [unknownKid, '密钥'],
      [hmac, '有效'],
      [healthToken, '有效'],
    ];
    const before = await healthSnapshot(resident.userId);
    for (const [placeTokenText, says] of cases) {
      const visitId = scanId();
      const body = { visitId, placeToken: placeTokenText, residentId: resident.resident.residentId };
      const res = await call(h.visit, { token: resident.token, body });
      expect([placeTokenText, res.status, res.body.error?.code]).toEqual([placeTokenText, 422, 'UNPROCESSABLE']);
      expect(res.body.error?.message).toContain(says);
      expect(await rowsWith(visitId)).toHaveLength(0);
    }
    expect(await healthSnapshot(resident.userId)).toBe(before);
  });

  it('refuses a correctly signed code of a place no longer in the directory (404)', async () => {
    const resident = await registeredUser();
    const gone = signPlaceToken(
      await healthKeys(),
      { id: 'vn-closed-market', name: '已关闭市场', kind: 'shop' },
      new Date(),
    );
    const body = { visitId: scanId(), placeToken: gone.token, residentId: resident.resident.residentId };
    expect((await call(h.visit, { token: resident.token, body })).status).toBe(404);
  });
});

describe('place posters (GET /health/place-codes)', () => {
  it('gives checkpoint staff their own place, officials every place, residents nothing', async () => {
    const mine = await call<PlaceCodesResponse>(posters.placeCodes, { method: 'GET', token: checkpoint.token });
    expect(mine.body.places.map((p) => p.id)).toEqual(['cp-lutun']);
    const all = await call<PlaceCodesResponse>(posters.placeCodes, { method: 'GET', token: official.token });
    expect(all.body.places.map((p) => p.id)).toEqual(
      expect.arrayContaining(['cp-lutun', 'vh-bus-3', 'vn-yingkou-station']),
    );
    const resident = await registeredUser();
    expect((await call(posters.placeCodes, { method: 'GET', token: resident.token })).status).toBe(403);
  });

  it('signs a poster that a resident can then use, and refuses another place to checkpoint staff', async () => {
    const get = (token: string, placeId: string) =>
      call<PlaceCodeResponse>(posters.placeCode, { method: 'GET', token, params: { placeId } });
    const poster = await get(checkpoint.token, 'cp-lutun');
    expect(poster.status).toBe(200);
    expect(poster.body.place).toMatchObject({
      id: 'cp-lutun',
      name: '陆屯卡点',
      kind: 'checkpoint',
      community: 'gz-beicha',
    });
    expect((await get(checkpoint.token, 'vh-bus-3')).status).toBe(403);
    expect((await get(official.token, 'no-such-place')).status).toBe(404);
    const resident = await registeredUser();
    const body = { visitId: scanId(), placeToken: poster.body.token, residentId: resident.resident.residentId };
    const visit = await call(h.visit, { token: resident.token, body });
    expect(visit.status).toBe(200);
    expect(visit.body).toMatchObject({ place: { id: 'cp-lutun', name: '陆屯卡点' } });
  });
});

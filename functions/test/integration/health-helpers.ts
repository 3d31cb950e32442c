import { randomUUID } from 'node:crypto';
import { PRIVACY_VERSION, type ResidentView } from '@citycare/contract';
import { residentHandlers as h } from './health-api';
import { uniqueId } from '../health-fixtures';
import { call, loginAs, scanAll, unique } from './helpers';
import { signPlaceToken } from '../../src/health/place-token';
import { healthKeys } from '../../src/health/tokens';
import { places } from '../../src/health/wiring';

/** Shared steps of the health-code integration tests. */

export const healthTable = () => process.env.TABLE_HEALTH ?? '';
export const scansTable = () => process.env.TABLE_HEALTH_SCANS ?? '';

/**
 * The items of both health tables that a request by these users could have written (their
 * household, pointers and uniqueness records, records they made), to show a refused request
 * wrote nothing. Scoped to the users, since other test files write to the same tables at once.
 */
export async function healthSnapshot(...userIds: string[]): Promise<string> {
  const items = [...(await scanAll(healthTable())), ...(await scanAll(scansTable()))];
  const mine = items.filter((i) =>
    userIds.some((u) => i.pk === `HH#${u}` || i.ownerId === u || i.recordedBy === u || i.actorId === u),
  );
  return JSON.stringify(mine.map((i) => `${String(i.pk)}|${String(i.sk)}|${String(i.version ?? '')}`).sort());
}

/** A new user (a first sign-in), not yet registered for a health code. */
export async function newUser(prefix = 'hr') {
  return loginAs(unique(prefix));
}

/** The separate sensitive-data consent a registration, family or outsider form carries. */
export const CONSENT = { consentVersion: PRIVACY_VERSION };

export function registration(overrides: Record<string, unknown> = {}) {
  return {
    name: '王秀兰',
    idNumber: uniqueId(),
    phone: '13812341234',
    community: 'zq-jianshe',
    ...CONSENT,
    ...overrides,
  };
}

/** A new user with their own registered health code. */
export async function registeredUser(prefix = 'hr') {
  const user = await newUser(prefix);
  const body = registration();
  const res = await call<{ resident: ResidentView }>(h.registerSelf, { token: user.token, body });
  if (res.status !== 201) throw new Error(`register failed: ${JSON.stringify(res.body)}`);
  return { ...user, resident: res.body.resident, idNumber: body.idNumber };
}

export const normalDeclaration = (residentId: string, overrides: Record<string, unknown> = {}) => ({
  residentId,
  temperature: 36.5,
  symptoms: [],
  travel: [],
  contact: 'none',
  ...overrides,
});

export async function declare(token: string, body: Record<string, unknown>) {
  return call<{ resident: ResidentView; declaration: { finding: string; findingText: string } }>(h.declare, {
    token,
    body,
  });
}

export async function codeOf(token: string, residentId: string) {
  const res = await call<{ token: string; colour: string; maskedName: string; kid: string; expiresAt: string }>(
    h.code,
    {
      method: 'GET',
      token,
      params: { residentId },
    },
  );
  if (res.status !== 200) throw new Error(`code failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const scanId = () => `s-${randomUUID()}`;

/** A new registered resident (see `registeredUser`) and their health code's signed token. */
export async function residentWithCode(prefix = 'hr') {
  const resident = await registeredUser(prefix);
  const { token } = await codeOf(resident.token, resident.resident.residentId);
  return { resident, token };
}

/** A seeded place's signed code (what its poster carries), signed with the stage's keys. */
export async function placeToken(placeId: string): Promise<string> {
  const place = await places.get(placeId);
  if (!place) throw new Error(`no place ${placeId}`);
  return signPlaceToken(await healthKeys(), place, new Date()).token;
}

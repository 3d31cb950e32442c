import * as z from 'zod';
import { RoleGrant } from './auth';
import { PersonName } from './health-base';
import type { RouteDef } from './route-def';

/**
 * Finding a person without typing their user id: by name and the last four digits of the phone
 * they registered with (admins, rate-limited: it can be guessed), or by the personal code shown
 * in their 我的 (a signed token that expires in minutes, never a raw id).
 */

export const PersonSearchRequest = z.object({
  name: PersonName,
  phoneTail: z
    .string()
    .trim()
    .regex(/^\d{4}$/, '请填写手机号后四位'),
});
export type PersonSearchRequest = z.infer<typeof PersonSearchRequest>;

export const PersonCodeRequest = z.object({ code: z.string().trim().min(16).max(1024) });
export type PersonCodeRequest = z.infer<typeof PersonCodeRequest>;

/** One person found: masked (刘*福 · 尾号 1234), with the roles they hold now. */
export const PersonMatch = z.object({
  userId: z.string(),
  maskedName: z.string(),
  /** When found by name and phone: the four digits asked for. */
  phoneTail: z.string().optional(),
  roles: z.array(RoleGrant),
});
export type PersonMatch = z.infer<typeof PersonMatch>;

export const PersonSearchResponse = z.object({ people: z.array(PersonMatch) });
export type PersonSearchResponse = z.infer<typeof PersonSearchResponse>;

/** The caller's personal code: what the QR in 我的 carries, and when it stops working. */
export const PersonalCodeResponse = z.object({ code: z.string(), expiresAt: z.string() });
export type PersonalCodeResponse = z.infer<typeof PersonalCodeResponse>;

export const peopleRoutes = {
  personalCode: { method: 'GET', path: '/me/code', auth: true, response: PersonalCodeResponse },
  findPerson: {
    method: 'POST',
    path: '/admin/people/search',
    auth: true,
    body: PersonSearchRequest,
    response: PersonSearchResponse,
  },
  findPersonByCode: {
    method: 'POST',
    path: '/admin/people/code',
    auth: true,
    body: PersonCodeRequest,
    response: PersonSearchResponse,
  },
} as const satisfies Record<string, RouteDef>;

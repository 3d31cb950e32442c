import { randomUUID } from 'node:crypto';
import type { RoleGrant } from '@citycare/contract';
import { grantRole } from '../../src/admin/handlers';
import * as ask from '../../src/service/ask/handlers';
import * as conversation from '../../src/service/conversation/handlers';
import * as desk from '../../src/service/desk/handlers';
import { setClock } from '../../src/service/wiring';
import { call, httpEvent, loginAs, unique } from './helpers';

/** The service-centre handlers as the tests call them, and fixtures: people, a settable clock. */

export const resident = {
  ask: ask.ask,
  mine: conversation.mine,
  consultation: conversation.consultation,
  reply: conversation.reply,
  reopen: conversation.reopen,
};
export const staff = {
  queue: desk.queue,
  consultation: desk.staffConsultation,
  answer: desk.answer,
  handover: desk.handover,
  close: desk.close,
};

export function setNow(at: Date | undefined): void {
  setClock(at ? () => at : undefined);
}

/** A new resident of their own (so limits and lists start empty). */
export const newResident = () => loginAs(unique('sc'));

/** A new member of staff holding `grants`. */
export async function newStaff(grants: RoleGrant[]): Promise<{ token: string; userId: string }> {
  const admin = await loginAs('admin');
  const key = unique('sc-staff');
  const { userId } = await loginAs(key);
  for (const grant of grants) {
    const res = await grantRole(httpEvent({ token: admin.token, body: { userId, grant } }));
    if (res.statusCode !== 200) throw new Error(`grant ${JSON.stringify(grant)}: ${String(res.body)}`);
  }
  return { token: (await loginAs(key)).token, userId };
}

export const newKey = () => `k${randomUUID().replace(/-/g, '')}`;

/** Opens a consultation; returns the answer. */
export function askAs(token: string, body: unknown, key = newKey()) {
  return call<{ consultation: { consultationId: string; status: string } }>(resident.ask, {
    token,
    body,
    headers: { 'idempotency-key': key },
  });
}

/** A consultation's route parameters. */
export const of = (consultationId: string) => ({ consultationId });

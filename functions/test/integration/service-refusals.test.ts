import { ErrorBody, MyConsultations, ServiceQueue } from '@citycare/contract';
import { call, loginAs } from './helpers';
import { askAs, newKey, newResident, newStaff, of, resident, setNow, staff } from './service-fixtures';

/**
 * What the service centre refuses: another resident's consultation (404, nothing changed),
 * residents on staff routes (403), staff outside their categories (403 for the queue, 404 for a
 * consultation), too long or empty text and unknown categories (400), a create without or with
 * a reused Idempotency-Key, and too many consultations a day (429).
 */
jest.setTimeout(60_000);
afterAll(() => setNow(undefined));
beforeEach(() => setNow(undefined));

const code = (res: { body: unknown }) => ErrorBody.parse(res.body).error.code;

async function asked(category = 'health-code') {
  const owner = await newResident();
  const res = await askAs(owner.token, { category, question: '居家隔离期间可以下楼取快递吗？' });
  expect(res.status).toBe(201);
  return { owner, id: res.body.consultation.consultationId };
}

describe('service centre refusals', () => {
  it('keeps a consultation to its resident: another resident gets 404 and changes nothing', async () => {
    const { owner, id } = await asked();
    const other = await newResident();
    const get = await call(resident.consultation, { method: 'GET', token: other.token, params: of(id) });
    expect([get.status, code(get)]).toEqual([404, 'NOT_FOUND']);
    const reply = await call(resident.reply, { token: other.token, params: of(id), body: { text: '我也想问' } });
    expect(reply.status).toBe(404);
    const reopen = await call(resident.reopen, { token: other.token, params: of(id) });
    expect(reopen.status).toBe(404);
    const theirs = MyConsultations.parse((await call(resident.mine, { method: 'GET', token: other.token })).body);
    expect(theirs.consultations).toEqual([]);
    const mine = await call(resident.consultation, { method: 'GET', token: owner.token, params: of(id) });
    expect((mine.body.consultation as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it('refuses residents and other staff roles on the centre’s routes (403)', async () => {
    const { owner, id } = await asked();
    for (const who of [owner, await loginAs('official'), await loginAs('utility')]) {
      const q = await call(staff.queue, { method: 'GET', token: who.token, params: { category: 'health-code' } });
      expect([q.status, code(q)]).toEqual([403, 'FORBIDDEN']);
      const a = await call(staff.answer, { token: who.token, params: of(id), body: { text: '好的' } });
      expect(a.status).toBe(403);
      const c = await call(staff.close, { token: who.token, params: of(id), body: {} });
      expect(c.status).toBe(403);
    }
  });

  it('keeps staff granted some categories to those: 403 for another queue, 404 for its consultations', async () => {
    const { owner, id } = await asked('health-code');
    const grocer = await newStaff([{ role: 'service', scope: 'grocery' }]);
    const q = await call(staff.queue, { method: 'GET', token: grocer.token, params: { category: 'health-code' } });
    expect(q.status).toBe(403);
    const own = ServiceQueue.parse(
      (await call(staff.queue, { method: 'GET', token: grocer.token, params: { category: 'grocery' } })).body,
    );
    expect(own.categories).toEqual(['grocery']);
    expect(own.items.map((i) => i.consultationId)).not.toContain(id);
    const get = await call(staff.consultation, { method: 'GET', token: grocer.token, params: of(id) });
    expect(get.status).toBe(404);
    const answer = await call(staff.answer, { token: grocer.token, params: of(id), body: { text: '好的' } });
    expect(answer.status).toBe(404);
    const handover = await call(staff.handover, { token: grocer.token, params: of(id), body: { to: 'grocery' } });
    expect(handover.status).toBe(404);
    const mine = await call(resident.consultation, { method: 'GET', token: owner.token, params: of(id) });
    expect(mine.body.consultation).toMatchObject({ status: 'waiting', category: 'health-code' });
  });

  it('refuses too long or empty text and unknown categories (400), and a hand-over to the same category (409)', async () => {
    const me = await newResident();
    const long = await askAs(me.token, { category: 'other', question: '问'.repeat(501) });
    expect([long.status, code(long)]).toEqual([400, 'VALIDATION_FAILED']);
    const short = await askAs(me.token, { category: 'other', question: '  问  ' });
    expect(short.status).toBe(400);
    const bad = await askAs(me.token, { category: 'weather', question: '明天会下雪吗？会影响送菜吗？' });
    expect([bad.status, code(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    const mine = MyConsultations.parse((await call(resident.mine, { method: 'GET', token: me.token })).body);
    expect(mine.consultations).toEqual([]);

    const { owner, id } = await asked('grocery');
    const reply = await call(resident.reply, { token: owner.token, params: of(id), body: { text: '问'.repeat(501) } });
    expect(reply.status).toBe(400);
    const wu = await loginAs('service');
    const answer = await call(staff.answer, { token: wu.token, params: of(id), body: { text: '' } });
    expect(answer.status).toBe(400);
    const q = await call(staff.queue, { method: 'GET', token: wu.token, params: { category: 'weather' } });
    expect(q.status).toBe(400);
    const same = await call(staff.handover, { token: wu.token, params: of(id), body: { to: 'grocery' } });
    expect([same.status, code(same)]).toEqual([409, 'CONFLICT']);
    const nowhere = await call(staff.handover, { token: wu.token, params: of(id), body: { to: 'moon' } });
    expect(nowhere.status).toBe(400);
  });

  it('needs an Idempotency-Key, refuses one reused for another question (409)', async () => {
    const me = await newResident();
    const none = await call(resident.ask, {
      token: me.token,
      body: { category: 'other', question: '小区封闭后快递放在哪里？' },
    });
    expect([none.status, code(none)]).toEqual([400, 'BAD_REQUEST']);
    const key = newKey();
    expect((await askAs(me.token, { category: 'other', question: '小区封闭后快递放在哪里？' }, key)).status).toBe(201);
    const reused = await askAs(me.token, { category: 'other', question: '小区封闭后外卖放在哪里？' }, key);
    expect([reused.status, code(reused)]).toEqual([409, 'CONFLICT']);
    const mine = MyConsultations.parse((await call(resident.mine, { method: 'GET', token: me.token })).body);
    expect(mine.consultations).toHaveLength(1);
  });

  it('limits consultations a resident opens a day (429); retries of an accepted one still answer', async () => {
    const me = await newResident();
    const keys = Array.from({ length: 5 }, newKey);
    for (const key of keys) {
      expect((await askAs(me.token, { category: 'other', question: '请问社区核酸检测点在哪里？' }, key)).status).toBe(
        201,
      );
    }
    const sixth = await askAs(me.token, { category: 'other', question: '请问社区核酸检测点在哪里？' });
    expect([sixth.status, code(sixth)]).toEqual([429, 'RATE_LIMITED']);
    const retried = await askAs(me.token, { category: 'other', question: '请问社区核酸检测点在哪里？' }, keys[0]);
    expect(retried.status).toBe(201);
    const mine = MyConsultations.parse((await call(resident.mine, { method: 'GET', token: me.token })).body);
    expect(mine.consultations).toHaveLength(5);
  });
});

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Consultation, MyConsultations, ServiceQueue, StaffConsultation } from '@citycare/contract';
import { db } from '../../src/lib/dynamo';
import { consultationKey } from '../../src/service/keys';
import { call, loginAs, scanAll } from './helpers';
import { askAs, newKey, newResident, of, resident, setNow, staff } from './service-fixtures';

/**
 * A consultation's life: asked (a retry with the same key stores nothing twice), answered by the
 * service centre, replied to, handed over to another category, closed, reopened within the
 * week, closed again, and refused reopening after the week (server time).
 */
const T0 = new Date('2020-02-12T01:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const days = (n: number) => new Date(T0.getTime() + n * 86400_000);

jest.setTimeout(60_000);
afterAll(() => setNow(undefined));

const queueOf = async (token: string, category: string) => {
  const res = await call(staff.queue, { method: 'GET', token, params: { category } });
  expect(res.status).toBe(200);
  return ServiceQueue.parse(res.body);
};

describe('a consultation’s life', () => {
  it('goes ask → answer → reply → hand over → close → reopen within 7 days → close → reopen refused after 7 days', async () => {
    const me = await newResident();
    const wu = await loginAs('service');
    setNow(T0);

    const key = newKey();
    const body = { category: 'health-code', question: '隔离期满了，健康码什么时候能变回绿码？' };
    const first = await askAs(me.token, body, key);
    expect(first.status).toBe(201);
    const { consultationId } = Consultation.parse(first.body.consultation);
    const retry = await askAs(me.token, body, key);
    expect(retry.status).toBe(201);
    expect(retry.body.consultation.consultationId).toBe(consultationId);
    const mine = MyConsultations.parse((await call(resident.mine, { method: 'GET', token: me.token })).body);
    expect(mine.consultations.map((c) => [c.consultationId, c.status])).toEqual([[consultationId, 'waiting']]);

    // The centre sees it in the health-code queue, with its wait against the targets (2 h, 8 h).
    setNow(minutes(150));
    const queued = (await queueOf(wu.token, 'health-code')).items.find((i) => i.consultationId === consultationId);
    expect(queued).toMatchObject({ status: 'waiting', waitedMinutes: 150, sla: 'amber', messageCount: 1 });

    const answered = await call(staff.answer, {
      token: wu.token,
      params: of(consultationId),
      body: { text: '隔离满 14 天且无症状，社区核实后即转为绿码。' },
    });
    expect(answered.status).toBe(200);
    expect(StaffConsultation.parse(answered.body.consultation)).toMatchObject({ status: 'answered' });

    // The resident sees the answer, from 服务中心 (no staff identity in the answer).
    const seen = await call(resident.consultation, { method: 'GET', token: me.token, params: of(consultationId) });
    expect(seen.status).toBe(200);
    const view = Consultation.parse(seen.body.consultation);
    expect(view.status).toBe('answered');
    expect(view.messages.map((m) => m.from)).toEqual(['resident', 'centre']);
    expect(JSON.stringify(seen.body)).not.toContain(wu.userId);

    setNow(minutes(200));
    const replied = await call(resident.reply, {
      token: me.token,
      params: of(consultationId),
      body: { text: '谢谢，社区需要我提供什么材料？' },
    });
    expect(replied.status).toBe(200);
    expect(Consultation.parse(replied.body.consultation).status).toBe('waiting');

    // Handed over to 其他: it leaves the health-code queue and waits in the other one, since the reply.
    setNow(minutes(210));
    const handed = await call(staff.handover, {
      token: wu.token,
      params: of(consultationId),
      body: { to: 'other', note: '需社区核实' },
    });
    expect(handed.status).toBe(200);
    expect(StaffConsultation.parse(handed.body.consultation)).toMatchObject({
      category: 'other',
      handedOverFrom: 'health-code',
      status: 'waiting',
      waitedMinutes: 10,
      sla: 'green',
    });
    expect((await queueOf(wu.token, 'health-code')).items.map((i) => i.consultationId)).not.toContain(consultationId);
    expect((await queueOf(wu.token, 'other')).items.find((i) => i.consultationId === consultationId)).toMatchObject({
      handedOverFrom: 'health-code',
    });

    setNow(minutes(240));
    const closed = await call(staff.close, { token: wu.token, params: of(consultationId), body: {} });
    expect(closed.status).toBe(200);
    const closedView = StaffConsultation.parse(closed.body.consultation);
    expect(closedView).toMatchObject({ status: 'closed', closedAt: minutes(240).toISOString() });
    expect(closedView.reopenUntil).toBe(new Date(minutes(240).getTime() + 7 * 86400_000).toISOString());
    expect((await queueOf(wu.token, 'other')).items.map((i) => i.consultationId)).not.toContain(consultationId);
    // Closed: it expires 180 days after closing (DynamoDB TTL) and a reply is refused.
    const stored = await db().send(
      new GetCommand({ TableName: process.env.TABLE_SERVICE, Key: consultationKey(consultationId) }),
    );
    expect(stored.Item?.expiresAt).toBe(Math.floor(minutes(240).getTime() / 1000) + 180 * 86400);
    const late = await call(resident.reply, {
      token: me.token,
      params: of(consultationId),
      body: { text: '还有问题' },
    });
    expect(late.status).toBe(409);

    // Reopened six days later: it waits again, in its queue, no longer expiring.
    setNow(days(6));
    const reopened = await call(resident.reopen, { token: me.token, params: of(consultationId) });
    expect(reopened.status).toBe(200);
    expect(Consultation.parse(reopened.body.consultation)).toMatchObject({ status: 'waiting' });
    expect((await queueOf(wu.token, 'other')).items.map((i) => i.consultationId)).toContain(consultationId);
    const again = await db().send(
      new GetCommand({ TableName: process.env.TABLE_SERVICE, Key: consultationKey(consultationId) }),
    );
    expect(again.Item?.expiresAt).toBeUndefined();

    // Closed again; eight days later reopening is refused, whatever the phone's clock says.
    const reclosed = await call(staff.close, { token: wu.token, params: of(consultationId), body: { note: '已解决' } });
    expect(reclosed.status).toBe(200);
    setNow(new Date(days(6).getTime() + 7 * 86400_000 + 60_000));
    const refused = await call(resident.reopen, { token: me.token, params: of(consultationId) });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain('超过 7 天');
    const final = Consultation.parse(
      (await call(resident.consultation, { method: 'GET', token: me.token, params: of(consultationId) })).body
        .consultation,
    );
    expect(final.status).toBe('closed');
    expect(final.reopenUntil).toBeUndefined();
    expect(final.messages.map((m) => m.from)).toEqual([
      'resident',
      'centre',
      'resident',
      'event',
      'event',
      'event',
      'event',
    ]);

    // Each act of the centre is in the audit trail, by whom.
    const audit = (await scanAll(process.env.TABLE_AUDIT ?? '')).filter((r) => r.pk === `CONSULT#${consultationId}`);
    expect(audit.map((r) => [r.action, r.actorId]).sort()).toEqual(
      [
        ['service.answer', wu.userId],
        ['service.close', wu.userId],
        ['service.close', wu.userId],
        ['service.handover', wu.userId],
      ].sort(),
    );
  });

  it('orders a queue oldest waiting first, then the answered ones, with SLA colours from config', async () => {
    const a = await newResident();
    const wu = await loginAs('service');
    const base = new Date('2020-02-20T00:00:00.000Z');
    const at = (m: number) => new Date(base.getTime() + m * 60_000);
    setNow(at(0));
    const oldest = await askAs(a.token, { category: 'work', question: '复工企业需要准备哪些防疫材料？' });
    setNow(at(5));
    const answeredOne = await askAs(a.token, { category: 'work', question: '员工返岗需要核酸证明吗？' });
    setNow(at(400));
    const newest = await askAs(a.token, { category: 'work', question: '外地员工返营需要隔离几天？' });
    await call(staff.answer, {
      token: wu.token,
      params: of(answeredOne.body.consultation.consultationId),
      body: { text: '按最新通知执行，无需核酸证明。' },
    });
    setNow(at(600));
    const q = await queueOf(wu.token, 'work');
    const ours = q.items.filter((i) =>
      [oldest, answeredOne, newest].some((c) => c.body.consultation.consultationId === i.consultationId),
    );
    expect(ours.map((i) => [i.consultationId, i.status, i.sla])).toEqual([
      [oldest.body.consultation.consultationId, 'waiting', 'red'],
      [newest.body.consultation.consultationId, 'waiting', 'amber'],
      [answeredOne.body.consultation.consultationId, 'answered', undefined],
    ]);
    expect(q.slaHours).toEqual({ green: 2, amber: 8 });
    expect(q.asOf).toBe(at(600).toISOString());
  });
});

import { RoleGrant } from '@citycare/contract';
import { serviceCategories } from '../../src/service/access';
import { reopen, residentReply } from '../../src/service/conversation/rules';
import { answer, close, handover } from '../../src/service/desk/rules';
import type { ConsultationItem } from '../../src/service/items';
import { mayReopen, newConsultation, queueOrder, slaLevel, waitedMinutes } from '../../src/service/rules';

/** The service centre's pure rules: waits against the targets, reopening, scopes, the state machine. */
const WINDOWS = { reopenDays: 7, closedTtlDays: 180, messagesPerConsultation: 4 };
const TARGETS = { slaGreenHours: 2, slaAmberHours: 8 };
const T0 = new Date('2020-02-12T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const asked = (id = 'c1', category: ConsultationItem['category'] = 'grocery') =>
  newConsultation({ consultationId: id, residentId: 'u1', category, question: '可以代买蔬菜吗？' }, T0, WINDOWS);
const next = (step: ReturnType<typeof answer>) => {
  if ('refusal' in step) throw new Error(step.refusal.message);
  return step.next;
};

describe('waiting against the targets', () => {
  it('is green under 2 h, amber under 8 h, red from 8 h', () => {
    expect([0, 119, 120, 479, 480, 5000].map((m) => slaLevel(m, TARGETS))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
    expect(waitedMinutes(T0.toISOString(), at(90.9))).toBe(90);
    expect(waitedMinutes(T0.toISOString(), at(-5))).toBe(0);
  });

  it('orders waiting first (longest first), then answered', () => {
    const a = asked('a');
    const b = { ...asked('b'), waitingSince: at(-30).toISOString() };
    const c = next(answer(asked('c'), ['grocery'], '好的', 's1', at(1), WINDOWS));
    expect([c, a, b].sort(queueOrder).map((i) => i.consultationId)).toEqual(['b', 'a', 'c']);
  });
});

describe('the life of a consultation', () => {
  it('is in its queue while open, out of it and expiring once closed, back when reopened', () => {
    const open = asked();
    expect(open.gsi1pk).toBe('QUEUE#grocery');
    expect(open.expiresAt).toBeUndefined();
    const closed = next(close(open, ['grocery'], undefined, 's1', at(10), WINDOWS));
    expect(closed.gsi1pk).toBeUndefined();
    expect(closed.expiresAt).toBe(Math.floor(at(10).getTime() / 1000) + 180 * 86400);
    const back = next(reopen(closed, 'u1', at(10 + 7 * 1440), WINDOWS));
    expect([back.status, back.gsi1pk, back.expiresAt, back.closedAt]).toEqual([
      'waiting',
      'QUEUE#grocery',
      undefined,
      undefined,
    ]);
  });

  it('may be reopened up to 7 days after closing, not a minute later', () => {
    const closed = next(close(asked(), ['grocery'], undefined, 's1', at(0), WINDOWS));
    expect(mayReopen(closed, at(7 * 1440), WINDOWS)).toBe(true);
    expect(mayReopen(closed, at(7 * 1440 + 1), WINDOWS)).toBe(false);
    expect(reopen(closed, 'u1', at(7 * 1440 + 1), WINDOWS)).toMatchObject({ refusal: { code: 'CONFLICT' } });
    expect(reopen(asked(), 'u1', at(1), WINDOWS)).toMatchObject({ refusal: { code: 'CONFLICT' } });
  });

  it('keeps the wait over a hand-over, restarts it when the resident replies to an answer', () => {
    const handed = next(handover(asked(), ['grocery'], 'other', undefined, 's1', at(30), WINDOWS));
    expect([handed.category, handed.handedOverFrom, handed.waitingSince]).toEqual([
      'other',
      'grocery',
      T0.toISOString(),
    ]);
    const answered = next(answer(handed, ['other'], '好的', 's1', at(40), WINDOWS));
    expect(answered.waitingSince).toBeUndefined();
    const replied = residentReply(answered, 'u1', '谢谢', at(50), WINDOWS);
    expect(replied).toMatchObject({ next: { status: 'waiting', waitingSince: at(50).toISOString() } });
  });

  it('refuses others, out-of-scope staff, closed and full conversations', () => {
    const open = asked();
    expect(residentReply(open, 'u2', '我也问', at(1), WINDOWS)).toMatchObject({ refusal: { code: 'NOT_FOUND' } });
    expect(answer(open, ['health-code'], '好', 's1', at(1), WINDOWS)).toMatchObject({ refusal: { code: 'NOT_FOUND' } });
    const closed = next(close(open, ['grocery'], undefined, 's1', at(1), WINDOWS));
    expect(answer(closed, ['grocery'], '好', 's1', at(2), WINDOWS)).toMatchObject({ refusal: { code: 'CONFLICT' } });
    let full = open;
    for (let i = 0; i < 3; i++) full = next(answer(full, ['grocery'], `答${i}`, 's1', at(i + 1), WINDOWS));
    expect(full.messages).toHaveLength(4);
    expect(residentReply(full, 'u1', '再问', at(9), WINDOWS)).toMatchObject({ refusal: { code: 'CONFLICT' } });
  });
});

describe('service-centre grants', () => {
  it('work every category unscoped, else the granted ones; a scope must be a category', () => {
    expect(serviceCategories([{ role: 'resident' }, { role: 'service' }])).toHaveLength(5);
    expect(
      serviceCategories([
        { role: 'service', scope: 'work' },
        { role: 'service', scope: 'grocery' },
      ]),
    ).toEqual(['grocery', 'work']);
    expect(serviceCategories([{ role: 'official' }])).toEqual([]);
    expect(RoleGrant.safeParse({ role: 'service' }).success).toBe(true);
    expect(RoleGrant.safeParse({ role: 'service', scope: 'grocery' }).success).toBe(true);
    expect(RoleGrant.safeParse({ role: 'service', scope: 'zq-jianshe' }).success).toBe(false);
    expect(RoleGrant.safeParse({ role: 'official', scope: 'grocery' }).success).toBe(false);
  });
});

import { auditEntry, auditQuery } from '../../src/health/audit/rules';
import { traceRangeRefusal } from '../../src/health/trace/rules';

/** The officials' audit log's rules (health/audit/) and the place trace's range (health/trace/). */

describe('the audit log’s query', () => {
  it('reads the officials’ partition, or the byResident index keeping only that partition', () => {
    expect(auditQuery({}, 'R')).toEqual({ key: { expression: 'pk = :pk', values: { ':pk': 'R' } } });
    expect(auditQuery({ residentId: 'res1' }, 'R')).toEqual({
      key: { expression: 'residentId = :resident', values: { ':resident': 'res1' } },
      filter: { expression: 'pk = :pk', values: { ':pk': 'R' } },
    });
  });
  it('filters by official on either', () => {
    expect(auditQuery({ officialId: 'u1' }, 'R').filter).toEqual({
      expression: 'actorId = :official',
      values: { ':official': 'u1' },
    });
    expect(auditQuery({ officialId: 'u1', residentId: 'res1' }, 'R').filter).toEqual({
      expression: 'pk = :pk AND actorId = :official',
      values: { ':pk': 'R', ':official': 'u1' },
    });
  });
});

describe('an audit row as the log shows it', () => {
  const row = {
    pk: 'HEALTH#TRACE',
    sk: '2020-02-22T01:00:00.000Z#u1#abc123',
    actorId: 'u1',
    at: '2020-02-22T01:00:00.000Z',
    action: 'health.trace.place',
    placeId: 'vh-bus-3',
    from: '2020-02-21T01:00:00.000Z',
    to: '2020-02-22T01:00:00.000Z',
    reason: '确诊病例乘车',
  };
  it('keeps who, when, what and why, with the row’s id and the official’s name', () => {
    expect(auditEntry(row, '陈静')).toEqual({
      auditId: 'abc123',
      at: row.at,
      action: 'health.trace.place',
      officialId: 'u1',
      officialName: '陈静',
      placeId: 'vh-bus-3',
      from: row.from,
      to: row.to,
      reason: '确诊病例乘车',
    });
    expect(auditEntry(row, undefined)?.officialName).toBe('u1');
  });
  it('leaves out rows it cannot show (another action, no actor)', () => {
    expect(auditEntry({ ...row, action: 'role.grant' }, '陈静')).toBeUndefined();
    expect(auditEntry({ ...row, actorId: undefined }, '陈静')).toBeUndefined();
  });
});

describe('a place trace’s range', () => {
  const now = new Date('2020-02-22T04:00:00.000Z');
  const bounds = { keepDays: 28, skewSeconds: 120 };
  const h = (hours: number) => new Date(now.getTime() + hours * 3600_000).toISOString();
  it('allows up to 72 hours within the last 28 days, ending now (or within the clock skew)', () => {
    expect(traceRangeRefusal(h(-72), h(0), now, bounds)).toBeUndefined();
    expect(traceRangeRefusal(h(-1), h(2 / 60), now, bounds)).toBeUndefined();
    expect(traceRangeRefusal(h(-28 * 24), h(-28 * 24 + 1), now, bounds)).toBeUndefined();
  });
  it('refuses an empty or reversed range and one over 72 hours', () => {
    expect(traceRangeRefusal(h(-1), h(-1), now, bounds)).toBe('开始时间应早于结束时间');
    expect(traceRangeRefusal(h(-1), h(-2), now, bounds)).toBe('开始时间应早于结束时间');
    expect(traceRangeRefusal(h(-72.01), h(0), now, bounds)).toBe('一次最多查询 72 小时');
    expect(traceRangeRefusal('x', h(0), now, bounds)).toBe('请填写开始时间和结束时间');
  });
  it('refuses the future beyond the skew, and a start older than the records kept', () => {
    expect(traceRangeRefusal(h(-1), h(3 / 60), now, bounds)).toBe('结束时间不能晚于现在');
    expect(traceRangeRefusal(h(1), h(2), now, bounds)).toBe('结束时间不能晚于现在');
    expect(traceRangeRefusal(h(-28 * 24 - 0.01), h(-28 * 24 + 1), now, bounds)).toBe(
      '扫码记录只保留 28 天，开始时间不能早于 2020-01-25 12:00',
    );
  });
});

import { DAY_MS } from '@citycare/contract';
import { declaration } from '../../src/health/declare/rules';
import { refusalText } from '../../src/health/review/rules';
import { riskAreaRefusal } from '../../src/health/rulebook/rules';
import { outsiderRecord, scanRecord, visitRecord } from '../../src/health/scans/rules';
import { initialStatus, type RuleSet } from '../../src/health/status';
import type { HealthClaims } from '../../src/health/tokens';

/** The rules each health use case adds to the shared status rules (health-rules.test.ts). */

const rules: RuleSet = {
  feverCelsius: 37.3,
  yellowNormalDays: 7,
  redMinDays: 14,
  riskAreas: [{ region: '湖北省', note: '', since: '2020-01-23' }],
};
const normal = { temperature: 36.5, symptoms: [], travel: [], contact: 'none' as const };
// 23:30 on 2020-02-22 in the city (15:30 UTC).
const lateEvening = '2020-02-22T15:30:00.000Z';

describe('a declaration (declare/)', () => {
  it('is stored under the city date it was made on, with its finding', () => {
    const d = declaration(normal, initialStatus(lateEvening), rules, lateEvening);
    expect(d.item).toEqual({ date: '2020-02-22', at: lateEvening, ...normal, finding: 'normal' });
    expect([d.state.colour, d.change, d.findingText]).toEqual(['green', undefined, '申报正常']);
  });
  it('turns the code yellow with every reason in its words, and records the change', () => {
    const d = declaration(
      { ...normal, temperature: 38, travel: ['湖北省武汉市'] },
      initialStatus(lateEvening),
      rules,
      lateEvening,
    );
    expect(d.state.colour).toBe('yellow');
    expect(d.change).toMatchObject({ from: 'green', to: 'yellow' });
    expect(d.findingText).toBe('体温 38.0 °C，达到发热标准（≥37.3 °C）；14 天内到过风险地区：湖北省');
  });
});

describe("an official's refusal (review/)", () => {
  it('says why, in words', () => {
    expect(refusalText({ kind: 'unchanged' }, 14)).toBe('状态没有变化：该居民已经是这个颜色');
    const earliest = new Date(Date.parse('2020-02-01T02:00:00Z') + 14 * DAY_MS).toISOString();
    expect(refusalText({ kind: 'red-too-early', earliest }, 14)).toBe('红码须满 14 天才能解除，最早 2020-02-15 之后');
  });
});

describe('risk areas (rulebook/)', () => {
  const current = [{ region: '湖北省', note: '', since: '2020-01-23' }];
  it('refuses adding an area already listed and removing one that is not', () => {
    expect(riskAreaRefusal(current, 'add', '湖北省')?.kind).toBe('listed');
    expect(riskAreaRefusal(current, 'remove', '浙江省温州市')?.kind).toBe('not-listed');
  });
  it('allows the others', () => {
    expect(riskAreaRefusal(current, 'add', '浙江省温州市')).toBeNull();
    expect(riskAreaRefusal(current, 'remove', '湖北省')).toBeNull();
  });
});

describe('records at places (scans/)', () => {
  const where = { place: { id: 'cp-lutun', name: '鲅鱼圈卡点', kind: 'checkpoint' }, recordedBy: 'u-staff' };
  it('keeps the server’s verdict of a scan beside what the scanner showed', () => {
    const claims = { sub: 'c1', st: 'yellow', nm: '王*兰' } as HealthClaims;
    const scan = {
      scanId: 's-1',
      scannedAt: '2020-02-22T01:00:00Z',
      token: 't',
      result: 'pass' as const,
      reason: 'ok' as const,
    };
    const r = scanRecord(scan, { ok: true, claims, result: 'stop', reason: 'colour' }, where);
    expect(r).toMatchObject({ at: '2020-02-22T01:00:00.000Z', codeId: 'c1', result: 'stop', reason: 'colour' });
    expect(r).toMatchObject({ clientResult: 'pass', clientReason: 'ok', recordedBy: 'u-staff' });
  });
  it('judges a visit by the pass rule of the place', () => {
    const resident = { codeId: 'c1', colour: 'red' as const, maskedName: '王*兰' };
    const { record, rule } = visitRecord('v-1', resident, where, lateEvening);
    expect([record.result, record.reason, rule.pass]).toEqual(['stop', 'colour', false]);
  });
  it('masks an outsider’s name and phone for everyone but tracing', () => {
    const o = {
      outsiderId: 'o-1',
      placeId: 'cp-lutun',
      name: '孙大伟',
      phone: '13912345678',
      origin: '大连',
      reason: '探亲',
      temperature: 36.4,
      decision: 'turned-back' as const,
    };
    const r = outsiderRecord(o, where, lateEvening);
    expect([r.maskedName, r.outsider?.phoneMasked, r.result]).toEqual(['孙*伟', '139****5678', 'stop']);
    expect(r.outsider).toMatchObject({ fullName: '孙大伟', phone: '13912345678' });
  });
});

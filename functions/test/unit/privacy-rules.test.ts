import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PRIVACY_VERSION, RETENTION_DAYS } from '@citycare/contract';
import { AppError } from '../../src/lib/errors';
import { sensitiveConsent } from '../../src/privacy/consent';
import { keptAfter, myReadView, sectionsOf } from '../../src/privacy/rules';

const yml = (name: string) =>
  parse(readFileSync(join(__dirname, '../../../config', name), 'utf8')) as Record<string, Record<string, number>>;
const retention = { recordDays: 28, consultationDays: 180, orderDays: 1095, auditDays: 1095 };

describe('the sensitive-data consent', () => {
  it('records the current version and when; refuses none or another version with 422 on consentVersion', () => {
    expect(sensitiveConsent(PRIVACY_VERSION, '2026-12-03T10:00:00Z')).toEqual({
      consentVersion: PRIVACY_VERSION,
      consentAt: '2026-12-03T10:00:00Z',
    });
    for (const v of [undefined, '', '2020-01-01']) {
      let thrown: unknown;
      try {
        sensitiveConsent(v, '2026-12-03T10:00:00Z');
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect(thrown).toMatchObject({ status: 422, code: 'UNPROCESSABLE', details: [{ path: 'consentVersion' }] });
    }
  });
});

describe('the guide’s retention numbers', () => {
  it('are the configured ones', () => {
    expect(RETENTION_DAYS.records).toBe(yml('health-rules.yml').health?.recordTtlDays);
    expect(RETENTION_DAYS.consultations).toBe((yml('service.yml') as unknown as Record<string, number>).closedTtlDays);
    expect(RETENTION_DAYS.orders).toBe(yml('privacy.yml').privacy?.orderRetentionDays);
    expect(RETENTION_DAYS.audit).toBe(yml('privacy.yml').privacy?.auditRetentionDays);
  });
});

describe('what stays after 注销', () => {
  it('lists the officials’ reads and the day’s rate counters for either scope, and anonymised orders and repairs for all', () => {
    expect(keptAfter('health', retention).map((k) => k.days)).toEqual([1095, 1]);
    const all = keptAfter('all', retention);
    expect(all).toHaveLength(4);
    expect(all.map((k) => k.what).join()).toContain('买菜订单');
  });
});

describe('an official’s read as the resident sees it', () => {
  const row = { action: 'health.lookup', at: '2026-12-03T02:00:00Z', actorId: 'u1', residentId: 'r1', reason: '核查' };
  it('shows the office and a masked official, never the full name', () => {
    expect(myReadView(row, '王*兰', '陈静')).toEqual({
      at: row.at,
      action: 'health.lookup',
      actionLabel: '按身份证号查找居民',
      office: '市卫生健康委员会',
      officialMasked: '陈*（工作人员）',
      residentId: 'r1',
      residentName: '王*兰',
      reason: '核查',
    });
    expect(myReadView(row, '王*兰', undefined)?.officialMasked).toBe('工作人员');
    expect(myReadView({ ...row, action: 'something.else' }, '王*兰', '陈静')).toBeUndefined();
  });
});

describe('我的数据', () => {
  it('shows each kind of record in plain labels, the ID number only masked', () => {
    const sections = sectionsOf({
      user: { displayName: '王秀兰', createdAt: '2026-12-01T00:00:00Z' },
      household: [
        {
          sk: 'P#r1',
          residentId: 'r1',
          fullName: '王秀兰',
          maskedName: '王*兰',
          idMasked: '2108**********002X',
          phone: '13812341234',
          relation: 'self',
          colour: 'green',
        },
        { sk: 'D#r1#2026-12-02', date: '2026-12-02', temperature: 36.5, at: '2026-12-02T01:00:00Z', finding: '正常' },
      ],
      scans: [],
      orders: [
        {
          storeName: '幸福便民超市',
          contact: { name: '王秀兰', phone: '13812341234' },
          address: { building: '3', unit: '2', room: '301' },
          totalFen: 1250,
        },
      ],
      utility: [{ sk: 'LINK#1001', accountNo: '1001', companyName: '自来水公司', holderMasked: '王*兰' }],
      repairs: [],
      consultations: [],
    });
    const text = JSON.stringify(sections);
    expect(sections.map((s) => s.service)).toEqual(['account', 'health', 'grocery', 'utility', 'service']);
    for (const shown of ['13812341234', '2108**********002X', '健康申报：王*兰 2026-12-02', '3 2 301', '1001']) {
      expect(text).toContain(shown);
    }
  });
});

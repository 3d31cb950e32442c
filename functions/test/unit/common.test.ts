import {
  addCityDays,
  cityClock,
  cityDate,
  cityDateTime,
  cityDaysBetween,
  cityDayText,
  cityDayWeekText,
  cityHour,
  cityInstant,
  cityMidnight,
  cityMonthDayTime,
  cityRfc3339,
  cityWindowStart,
  isCityDate,
  maskId,
  maskIdNumber,
  maskName,
  maskPhone,
  yuan,
  yuanText,
  yuanToFen,
} from '@citycare/contract/src/common';

describe('contract common core: time in the city (UTC+8, no daylight saving)', () => {
  // 2020-02-09 16:30 UTC is 2020-02-10 00:30 in Yingkou: already the next day there.
  const justAfterMidnight = '2020-02-09T16:30:00.000Z';

  it('reads an instant on the city’s wall clock', () => {
    expect(cityDate(justAfterMidnight)).toBe('2020-02-10');
    expect(cityHour(justAfterMidnight)).toBe(0);
    expect(cityClock(justAfterMidnight)).toBe('00:30');
    expect(cityDateTime('2020-02-22T01:05:03Z')).toBe('2020-02-22 09:05:03');
    expect(cityDayText(justAfterMidnight)).toBe('2020年2月10日');
    expect(cityDayWeekText(justAfterMidnight)).toBe('2020年2月10日 星期一');
    expect(cityMonthDayTime('2020-02-10T02:05:00Z')).toBe('2月10日 10:05');
    expect(cityRfc3339(new Date('2020-02-10T04:00:00Z'))).toBe('2020-02-10T12:00:00+08:00');
  });

  it('turns city dates and times into instants', () => {
    expect(cityMidnight('2020-02-10').toISOString()).toBe('2020-02-09T16:00:00.000Z');
    expect(cityInstant('2020-02-11', '09:00')).toBe('2020-02-11T01:00:00.000Z');
    expect(addCityDays('2020-02-28', 2)).toBe('2020-03-01');
    expect(addCityDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(cityDaysBetween('2020-02-10', '2020-03-01')).toBe(20);
    expect(isCityDate('2020-02-29')).toBe(true);
    expect(isCityDate('2019-02-29')).toBe(false);
    expect(isCityDate('2020-2-1')).toBe(false);
    expect(() => cityMidnight('soon')).toThrow('not a date');
  });

  it('aligns windows to the city’s midnight', () => {
    // A day's window holding 23:30 in the city starts at that day's midnight there.
    const at = new Date('2026-12-03T15:30:00Z');
    expect(cityWindowStart(at, 86400)).toBe(cityMidnight('2026-12-03').getTime() / 1000);
    expect(cityWindowStart(at, 3600)).toBe(Date.parse('2026-12-03T15:00:00Z') / 1000);
  });
});

describe('contract common core: money in fen', () => {
  it('formats fen as yuan exactly and reads yuan back', () => {
    expect([yuan(5830), yuan(5), yuan(-5), yuan(0), yuan(123456789)]).toEqual([
      '58.30',
      '0.05',
      '-0.05',
      '0.00',
      '1234567.89',
    ]);
    expect(yuanText(1990)).toBe('19.90 元');
    expect([yuanToFen('58.3'), yuanToFen('58.30'), yuanToFen(' 58 '), yuanToFen('0.07')]).toEqual([
      5830, 5830, 5800, 7,
    ]);
    expect([yuanToFen('-1'), yuanToFen('1.234'), yuanToFen('一元'), yuanToFen('')]).toEqual([null, null, null, null]);
  });
});

describe('contract common core: one masking rule each', () => {
  it('masks a resident the same way on every screen', () => {
    expect(['王秀兰', '王兰', '欧阳秀兰', '王', ' 李明 '].map(maskName)).toEqual([
      '王*兰',
      '王*',
      '欧**兰',
      '*',
      '李*',
    ]);
    expect([maskPhone('13812345678'), maskPhone('12345')]).toEqual(['138****5678', '****']);
    expect(maskIdNumber('210802 19560312 123x')).toBe('2108**********123X');
    expect([maskId('u_8f3a12c21d'), maskId('short')]).toEqual(['u_8f****c21d', 'short']);
  });
});

import { idCheckChar, maskIdNumber, maskName, maskPhone, residentIdProblem, IdNumber } from '@citycare/contract';
import { validId } from '../health-fixtures';

describe('resident ID numbers (GB 11643)', () => {
  const today = new Date('2020-02-22T00:00:00Z');

  it('computes the check character with the standard weights', () => {
    // The standard's worked example: 11010519491231002 -> X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(residentIdProblem('11010519491231002X', today)).toBeNull();
    expect(residentIdProblem('11010519491231002x', today)).toBeNull();
  });

  it('accepts a Yingkou ID with its check character', () => {
    expect(residentIdProblem(validId('210802', '19560312'), today)).toBeNull();
    expect(residentIdProblem(validId('210881', '20150101', '123'), today)).toBeNull();
  });

  it('refuses a wrong check character', () => {
    const id = validId('210802', '19560312');
    const wrong = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    expect(residentIdProblem(wrong, today)).toMatch(/校验位/);
  });

  it('refuses wrong lengths and characters', () => {
    expect(residentIdProblem('21080219560312002', today)).toMatch(/18 位/);
    expect(residentIdProblem('2108021956031200211', today)).toMatch(/18 位/);
    expect(residentIdProblem('21080219560312A021', today)).toMatch(/18 位/);
  });

  it('refuses unknown region codes', () => {
    expect(residentIdProblem(validId('990802', '19560312'), today)).toMatch(/地区码/);
    expect(residentIdProblem(validId('210000', '19560312'), today)).toMatch(/地区码/);
  });

  it('refuses impossible and future birth dates', () => {
    expect(residentIdProblem(validId('210802', '19560231'), today)).toMatch(/出生日期/);
    expect(residentIdProblem(validId('210802', '19561301'), today)).toMatch(/出生日期/);
    expect(residentIdProblem(validId('210802', '20210101'), today)).toMatch(/出生日期/);
    expect(residentIdProblem(validId('210802', '18991231'), today)).toMatch(/出生日期/);
    expect(residentIdProblem(validId('210802', '20000229'), today)).toBeNull();
    expect(residentIdProblem(validId('210802', '19000229'), today)).toMatch(/出生日期/);
  });

  it('normalises spaces and a lower-case x in the schema', () => {
    const parsed = IdNumber.safeParse(' 110105 19491231 002x ');
    expect(parsed.success && parsed.data).toBe('11010519491231002X');
    expect(IdNumber.safeParse('110105194912310021').success).toBe(false);
  });

  it('masks ID numbers, phones and names', () => {
    expect(maskIdNumber('21080219560312123X')).toBe('2108**********123X');
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskName('王秀兰')).toBe('王*兰');
    expect(maskName('王兰')).toBe('王*');
    expect(maskName('欧阳秀兰')).toBe('欧**兰');
  });
});

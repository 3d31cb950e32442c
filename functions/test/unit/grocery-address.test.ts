import { chineseNumber, householdKey, normaliseAddressPart } from '../../src/grocery/address';

const key = (building: string, unit: string, room: string) => householdKey('zq-jianshe', { building, unit, room });

describe('household address normaliser', () => {
  it('reads Chinese numerals as digits', () => {
    expect(['三', '十', '十五', '二十', '二十三', '一零一', '两'].map(chineseNumber)).toEqual([
      '3',
      '10',
      '15',
      '20',
      '23',
      '101',
      '2',
    ]);
    // Not a number it can read: left as it is.
    expect(chineseNumber('十十')).toBe('十十');
  });

  it('makes full-width and half-width the same, and drops spaces, dashes and #', () => {
    expect(normaliseAddressPart('building', '３')).toBe('3');
    expect(normaliseAddressPart('building', 'Ａ座')).toBe('a');
    expect(normaliseAddressPart('room', '5\u300001')).toBe('501');
    expect(normaliseAddressPart('building', '3#')).toBe('3');
    expect(normaliseAddressPart('room', '5-01')).toBe('501');
  });

  it('treats 号楼, 栋, 幢, 座, 楼 and 号 alike, and 第 before a number', () => {
    const forms = ['3', '3号楼', '3栋', '3幢', '3座', '3楼', '3号', '第三栋', '三号楼', '03#楼', '３ 栋'];
    expect(new Set(forms.map((f) => normaliseAddressPart('building', f)))).toEqual(new Set(['3']));
  });

  it('drops unit and room suffixes and leading zeros', () => {
    expect(['2', '2单元', '二单元', '02', '2门'].map((u) => normaliseAddressPart('unit', u))).toEqual(
      Array(5).fill('2'),
    );
    expect(['501', '0501', '501室', '501号', '五零一'].map((r) => normaliseAddressPart('room', r))).toEqual(
      Array(5).fill('501'),
    );
  });

  it('never empties a part made only of suffixes, and keeps different homes apart', () => {
    expect(normaliseAddressPart('building', '号楼')).toBe('号');
    expect(normaliseAddressPart('room', '室')).toBe('室');
    expect(key('3', '2', '501')).not.toBe(key('3', '2', '502'));
    expect(key('3', '2', '501')).not.toBe(key('13', '2', '501'));
    expect(key('3', '2', '501')).not.toBe(householdKey('zq-yingbin', { building: '3', unit: '2', room: '501' }));
    expect(key('10', '1', '101')).toBe(key('十号楼', '一单元', '0101室'));
  });

  it('keys the five ways of one home alike', () => {
    const home = key('3', '2', '501');
    expect(key(' 3号楼', '2单元 ', '0501')).toBe(home);
    expect(key('３栋', '二单元', '501室')).toBe(home);
    expect(key('03幢', '02', '５０１')).toBe(home);
  });
});

import { parse } from 'csv-parse/sync';
import { parseBillsCsv, protectedCsv } from '../../src/utility/staff/csv';

const header = '户号,账期,金额（元）,缴费截止日';

describe('bills CSV', () => {
  it('reads good rows with their line numbers, in any column order, with a BOM and CRLF', () => {
    const text = `\uFEFF缴费截止日,户号,金额（元）,账期\r\n2020-03-15,0101234567,58.3,2020-02\r\n2020/4/15,0101234567,"1,0",2020-03\r\n`;
    const { rows, errors } = parseBillsCsv(text);
    expect(rows).toEqual([
      { line: 2, accountNo: '0101234567', month: '2020-02', amountFen: 5830, dueDate: '2020-03-15' },
    ]);
    expect(errors).toEqual([{ line: 3, message: expect.stringContaining('金额') }]);
  });

  it('accepts English headers', () => {
    const { rows } = parseBillsCsv('accountNo,month,amountYuan,dueDate\nA1234567,2020-2,12,2020-03-01\n');
    expect(rows[0]).toMatchObject({ accountNo: 'A1234567', month: '2020-02', amountFen: 1200 });
  });

  it('reports each bad row by line and keeps the good ones', () => {
    const text = [
      header,
      '0101234567,2020-02,58.30,2020-03-15',
      '',
      'bad no,2020-02,1,2020-03-15',
      '0101234567,2020-13,1,2020-03-15',
      '0101234567,2020-04,-5,2020-05-15',
      '0101234567,2020-05,5,2020-02-30',
      '0101234567,2020-06,5,2020-05-01',
      '0101234567,2020-02,9.99,2020-03-15',
      '0101234567,"2020-07,5,2020-08-01',
      '3100456789,2020-02,0,2020-03-15',
      '3100456789,2020-02,76.00,2020-03-20',
    ].join('\n');
    const { rows, errors } = parseBillsCsv(text);
    expect(rows.map((r) => r.line)).toEqual([2, 12]);
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    expect(errors.find((e) => e.line === 9)?.message).toContain('第 2 行');
  });

  it('refuses a file without the header', () => {
    expect(parseBillsCsv('0101234567,2020-02,58.30,2020-03-15\n')).toEqual({
      rows: [],
      errors: [{ line: 1, message: expect.stringContaining('表头') }],
    });
    expect(parseBillsCsv('\n\n').errors).toEqual([{ line: 1, message: expect.stringContaining('空') }]);
  });
});

describe('protected-accounts CSV', () => {
  it('starts with a BOM, has the Chinese header, and guards formula cells', () => {
    const text = protectedCsv([
      {
        accountNo: '0101234567',
        holderMasked: '王*兰',
        address: '=HYPERLINK("x"),站前区',
        arrearsFen: 12345,
        protectedUntil: '2020-07-30T16:00:00.000Z',
      },
    ]);
    expect(text.startsWith('\uFEFF户号,户主,地址,欠费（元）,保护截止日\r\n')).toBe(true);
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[1]).toEqual(['0101234567', '王*兰', `'=HYPERLINK("x"),站前区`, '123.45', '2020-07-30']);
  });
});

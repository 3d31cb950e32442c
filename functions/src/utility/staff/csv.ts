import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BILL_CSV_MAX_ROWS, cityDate, isCityDate, PROTECTED_CSV_COLUMNS, yuan, yuanToFen } from '@citycare/contract';

/**
 * Bills CSV in, protected-accounts CSV out. Pure: text to rows and rows to text; storage
 * decides what the rows mean for the database.
 */

export interface BillRow {
  /** The line of the file (1 = header). */
  line: number;
  accountNo: string;
  month: string;
  amountFen: number;
  dueDate: string;
}

export interface RowError {
  line: number;
  message: string;
}

type Field = 'accountNo' | 'month' | 'amount' | 'dueDate';
const HEADERS: Record<Field, string[]> = {
  accountNo: ['户号', 'accountno'],
  month: ['账期', 'month'],
  amount: ['金额（元）', '金额(元)', '金额', 'amountyuan'],
  dueDate: ['缴费截止日', 'duedate'],
};
const FIELD_LABEL: Record<Field, string> = {
  accountNo: '户号',
  month: '账期',
  amount: '金额（元）',
  dueDate: '缴费截止日',
};

const ACCOUNT = /^[0-9A-Za-z-]{6,20}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** One physical line as CSV fields (quotes and escaped quotes allowed; one record per line). */
function fields(line: string): string[] {
  const records = parse(line, { trim: true, relax_column_count: true }) as string[][];
  return records[0] ?? [];
}

function headerMap(header: string[]): Record<Field, number> | string {
  const normalised = header.map((h) => h.replace(/\s+/g, '').toLowerCase());
  const map = {} as Record<Field, number>;
  for (const field of Object.keys(HEADERS) as Field[]) {
    const index = normalised.findIndex((h) => HEADERS[field].includes(h));
    if (index < 0) return `第一行应为表头，缺少“${FIELD_LABEL[field]}”列`;
    map[field] = index;
  }
  return map;
}

/** Normalises `2020-3-5` / `2020/03/05` to `2020-03-05`; leaves anything else as is. */
function normaliseDate(text: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : text;
}

function normaliseMonth(text: string): string {
  const m = /^(\d{4})[-/]?(\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2]?.padStart(2, '0')}` : text;
}

function checkRow(cells: string[], map: Record<Field, number>): Omit<BillRow, 'line'> | string {
  const get = (f: Field) => (cells[map[f]] ?? '').trim();
  const accountNo = get('accountNo');
  if (!ACCOUNT.test(accountNo)) return '户号应为 6 到 20 位数字或字母';
  const month = normaliseMonth(get('month'));
  if (!MONTH.test(month)) return '账期应写成 2020-02 这样的年-月';
  const amountFen = yuanToFen(get('amount'));
  if (amountFen === null) return '金额应为元，最多两位小数，如 58.30';
  if (amountFen === 0) return '金额不能为 0';
  const dueDate = normaliseDate(get('dueDate'));
  if (!isCityDate(dueDate)) return '缴费截止日应写成 2020-03-15 这样的日期';
  if (dueDate.slice(0, 7) < month) return '缴费截止日不能早于账期';
  return { accountNo, month, amountFen, dueDate };
}

/** Good rows and bad rows (by line number) of a bills CSV. A bad header makes every row bad. */
export function parseBillsCsv(text: string): { rows: BillRow[]; errors: RowError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: RowError[] = [];
  const rows: BillRow[] = [];
  let header: Record<Field, number> | undefined;
  const seen = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const raw = lines[i] ?? '';
    if (raw.trim() === '' || /^[,\s]*$/.test(raw)) continue;
    let cells: string[];
    try {
      cells = fields(raw);
    } catch {
      errors.push({ line, message: '这一行的引号不配对，无法读取' });
      continue;
    }
    if (!header) {
      const map = headerMap(cells);
      if (typeof map === 'string') return { rows: [], errors: [{ line, message: map }] };
      header = map;
      continue;
    }
    if (rows.length + errors.length >= BILL_CSV_MAX_ROWS) {
      errors.push({ line, message: `一次最多导入 ${BILL_CSV_MAX_ROWS} 行，此行及以后未导入` });
      break;
    }
    const checked = checkRow(cells, header);
    if (typeof checked === 'string') {
      errors.push({ line, message: checked });
      continue;
    }
    const key = `${checked.accountNo}-${checked.month}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `与第 ${first} 行是同一户号同一账期` });
      continue;
    }
    seen.set(key, line);
    rows.push({ line, ...checked });
  }
  if (!header) errors.push({ line: 1, message: '文件是空的，第一行应为表头' });
  return { rows, errors };
}

export interface ProtectedRow {
  accountNo: string;
  holderMasked: string;
  address: string;
  arrearsFen: number;
  protectedUntil: string;
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The last protected day (Shanghai) of an exclusive end instant. */
export function lastProtectedDay(protectedUntil: string): string {
  return cityDate(new Date(Date.parse(protectedUntil) - 1));
}

/** The protected-accounts list as CSV, UTF-8 with a BOM so spreadsheet software shows Chinese. */
export function protectedCsv(rows: ProtectedRow[]): string {
  return stringify(
    rows.map((r) => [
      safeCell(r.accountNo),
      safeCell(r.holderMasked),
      safeCell(r.address),
      yuan(r.arrearsFen),
      lastProtectedDay(r.protectedUntil),
    ]),
    { bom: true, header: true, columns: [...PROTECTED_CSV_COLUMNS], record_delimiter: 'windows' },
  );
}

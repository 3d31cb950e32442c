import type { SubstituteRequest } from '@citycare/contract';
import {
  changedLines,
  recomputedTotal,
  settlement,
  whyNoChange,
  type Candidate,
  type StoredLine,
  type Substitutable,
} from '../../src/grocery/substitute/rules';

const line = (itemId: string, priceFen: number, qty: number, substitution: 'similar' | 'none' = 'similar') =>
  ({
    itemId,
    name: itemId,
    unit: '斤',
    category: 'vegetables',
    priceFen,
    qty,
    substitution,
    lineFen: priceFen * qty,
  }) satisfies StoredLine;

const order = (over: Partial<Substitutable> = {}): Substitutable => ({
  kind: 'single',
  status: 'accepted',
  storeId: 's1',
  paymentMethod: 'prepaid',
  paymentState: 'paid',
  lines: [line('baicai', 150, 3), line('jidan', 599, 2, 'none')],
  ...over,
});

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  itemId: 'youcai',
  name: 'youcai',
  unit: '斤',
  category: 'vegetables',
  priceFen: 120,
  stock: 10,
  ...over,
});

const replace: SubstituteRequest = { action: 'replace', itemId: 'baicai', withItemId: 'youcai' };
const codeOf = (o: Substitutable, r: SubstituteRequest, c?: Candidate, scopes = ['s1']) =>
  whyNoChange(o, r, scopes, c)?.code ?? null;

describe('what the store may change while preparing', () => {
  it('replaces a 同类替换 line with a similar item no dearer, in stock', () => {
    expect(codeOf(order(), replace, candidate())).toBeNull();
    expect(codeOf(order(), replace, candidate({ priceFen: 150 }))).toBeNull();
  });

  it('refuses another store, a different category, a dearer item, a 不替换 line, and after preparing', () => {
    expect(codeOf(order(), replace, candidate(), ['s2'])).toBe('FORBIDDEN');
    expect(codeOf(order(), replace, candidate({ category: 'meat-eggs' }))).toBe('UNPROCESSABLE');
    expect(codeOf(order(), replace, candidate({ priceFen: 151 }))).toBe('UNPROCESSABLE');
    expect(codeOf(order(), { action: 'replace', itemId: 'jidan', withItemId: 'youcai' }, candidate())).toBe('CONFLICT');
    for (const status of ['placed', 'prepared', 'out-for-delivery', 'delivered'] as const)
      expect(codeOf(order({ status }), replace, candidate())).toBe('CONFLICT');
  });

  it('refuses a scarce item, another unit, not enough stock, an item already in the order, a line changed before', () => {
    expect(codeOf(order(), replace, candidate({ dailyLimit: 2 }))).toBe('UNPROCESSABLE');
    expect(codeOf(order(), replace, candidate({ unit: '袋' }))).toBe('UNPROCESSABLE');
    expect(codeOf(order(), replace, candidate({ stock: 2 }))).toBe('CONFLICT');
    expect(codeOf(order(), replace, candidate({ itemId: 'jidan' }))).toBe('UNPROCESSABLE');
    expect(codeOf(order(), replace, undefined)).toBe('NOT_FOUND');
    const changed = order({ lines: changedLines(order().lines, replace, candidate()) });
    expect(codeOf(changed, { action: 'drop', itemId: 'youcai' })).toBe('CONFLICT');
  });

  it('drops any line, 不替换 or not; not a prepaid order still unpaid, nor a group order', () => {
    expect(codeOf(order(), { action: 'drop', itemId: 'jidan' })).toBeNull();
    expect(codeOf(order(), { action: 'drop', itemId: 'nope' })).toBe('NOT_FOUND');
    expect(codeOf(order({ paymentState: 'pending' }), { action: 'drop', itemId: 'jidan' })).toBe('CONFLICT');
    expect(
      codeOf(order({ paymentMethod: 'on-delivery', paymentState: 'pending' }), { action: 'drop', itemId: 'jidan' }),
    ).toBeNull();
    expect(codeOf(order({ kind: 'group' }), { action: 'drop', itemId: 'jidan' })).toBe('CONFLICT');
  });
});

describe('the money after the changes', () => {
  it('keeps what was ordered on a replaced line and charges the new price', () => {
    const [replaced] = changedLines(order().lines, replace, candidate());
    expect(replaced).toMatchObject({
      itemId: 'youcai',
      priceFen: 120,
      qty: 3,
      lineFen: 360,
      replaced: { itemId: 'baicai', name: 'baicai', unit: '斤', priceFen: 150 },
    });
  });

  it('recomputes the total exactly in fen: a prepaid order gets the difference back, pay on delivery is charged less', () => {
    // ordered: 3 × 1.50 + 2 × 5.99 = 16.48; 白菜 → 油菜 at 1.20, 鸡蛋 dropped: 3.60
    const lines = changedLines(
      changedLines(order().lines, replace, candidate()),
      { action: 'drop', itemId: 'jidan' },
      undefined,
    );
    expect(recomputedTotal(order().lines)).toBe(1648);
    expect(recomputedTotal(lines)).toBe(360);
    expect(settlement(1648, lines, 'prepaid')).toEqual({ totalFen: 360, differenceFen: 1288, refundFen: 1288 });
    expect(settlement(1648, lines, 'on-delivery')).toEqual({ totalFen: 360, differenceFen: 1288, refundFen: 0 });
    expect(settlement(1648, order().lines, 'prepaid')).toEqual({ totalFen: 1648, differenceFen: 0, refundFen: 0 });
  });
});

import Taro from '@tarojs/taro';
import { readList, readStored } from '@/lib/storage';

/**
 * The resident's cart and household address, kept in Taro storage (localStorage on H5), so they
 * survive leaving the page or closing the app. One cart per store. (The chosen community, which
 * the 买菜 tab needs too, is in @/lib/grocery/community.)
 */
export interface CartLine {
  itemId: string;
  name: string;
  unit: string;
  priceFen: number;
  qty: number;
  substitution: 'similar' | 'none';
}

export interface Household {
  building: string;
  unit: string;
  room: string;
  name: string;
  phone: string;
}

const CART_KEY = (storeId: string) => `citycare.grocery.cart.${storeId}`;
const HOUSEHOLD_KEY = 'citycare.grocery.household';

export function getCart(storeId: string): CartLine[] {
  return readList<CartLine>(CART_KEY(storeId));
}

export function saveCart(storeId: string, lines: CartLine[]): void {
  const kept = lines.filter((l) => l.qty > 0);
  if (kept.length) Taro.setStorageSync(CART_KEY(storeId), kept);
  else Taro.removeStorageSync(CART_KEY(storeId));
}

export function clearCart(storeId: string): void {
  Taro.removeStorageSync(CART_KEY(storeId));
}

/** Sets one item's quantity (0 removes it); returns the new cart. */
export function setQty(storeId: string, line: Omit<CartLine, 'qty' | 'substitution'>, qty: number): CartLine[] {
  const lines = getCart(storeId);
  const found = lines.find((l) => l.itemId === line.itemId);
  const next = found
    ? lines.map((l) => (l.itemId === line.itemId ? { ...l, qty } : l))
    : [...lines, { ...line, qty, substitution: 'none' as const }];
  saveCart(storeId, next);
  return getCart(storeId);
}

export const cartTotal = (lines: CartLine[]) => lines.reduce((s, l) => s + l.priceFen * l.qty, 0);
export const cartCount = (lines: CartLine[]) => lines.reduce((s, l) => s + l.qty, 0);

export const getHousehold = (): Household =>
  readStored<Household>(HOUSEHOLD_KEY, { building: '', unit: '', room: '', name: '', phone: '' });
export const saveHousehold = (h: Household) => Taro.setStorageSync(HOUSEHOLD_KEY, h);

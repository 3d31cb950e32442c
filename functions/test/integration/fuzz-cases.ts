import type { RouteDef } from '@citycare/contract';

/** Hostile inputs for the contract-driven fuzz test, drawn from a seeded PRNG so a failure replays. */

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

/** Path parameter values an attacker would try; API Gateway hands them over as they are. */
export const HOSTILE_PARAMS = [
  'x'.repeat(3000),
  '../../etc/passwd',
  '..',
  '订单一号',
  '𝕏😀',
  'o1%00',
  'o1\u0000x',
  '',
  ' ',
  'a#b',
  'USER#admin',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  'a'.repeat(65),
] as const;

/** Well-formed values: real scopes reach the handlers' deeper checks; made-up ids find nothing. */
const KNOWN: Record<string, readonly string[]> = {
  storeId: ['st-xingfu', 'st-haixing'],
  communityId: ['zq-jianshe', 'zq-yingbin'],
  community: ['zq-jianshe', 'zq-yingbin'],
  company: ['ut-water', 'ut-power'],
  placeId: ['cp-lutun', 'vn-yingkou-station'],
  kind: ['community', 'store', 'nope'],
};

export function paramValue(rng: Rng, name: string): string {
  const r = rng();
  if (r < 0.45) return pick(rng, HOSTILE_PARAMS);
  if (r < 0.75 && KNOWN[name]) return pick(rng, KNOWN[name]);
  return `${name.slice(0, 1)}${Math.floor(rng() * 1e12).toString(36)}`;
}

const STRINGS = [
  '',
  ' ',
  'x'.repeat(5000),
  '王'.repeat(2000),
  '\u0000\u0001\u001f',
  '\ud800',
  '../',
  '%00',
  'dev:admin',
  '2020-02-10T00:00:00.000Z',
  '9999-99-99',
  'zq-jianshe',
  '{"$ne":null}',
] as const;
const NUMBERS = [0, -1, 1, 3.5, -0.5, 1e308, -1e308, 2 ** 53 + 1, 1e-300] as const;

/** A junk JSON value: wrong types, huge and odd strings, nesting. */
export function junk(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (r < 0.3) return pick(rng, STRINGS);
  if (r < 0.5) return pick(rng, NUMBERS);
  if (r < 0.6) return pick(rng, [null, true, false]);
  if (depth > 3) return {};
  if (r < 0.8) return Array.from({ length: Math.floor(rng() * 4) }, () => junk(rng, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(rng() * 4) }, (_, i) => [`k${i}`, junk(rng, depth + 1)]));
}

/** The top-level keys a body schema expects, when it is an object (refinements included). */
function bodyKeys(route: RouteDef): string[] {
  const s = route.body as unknown as { shape?: object; def?: { in?: { shape?: object } } } | undefined;
  const shape = s?.shape ?? s?.def?.in?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A deeply nested array, as text (JSON.parse takes it; a recursive validator might not). */
const deepNesting = (n: number) => '['.repeat(n) + ']'.repeat(n);

export interface BodyCase {
  what: string;
  raw?: string;
  base64?: boolean;
}

/** A malformed body, raw text as sent on the wire. */
export function body(rng: Rng, route: RouteDef): BodyCase {
  const keys = bodyKeys(route);
  const kinds = [
    () => ({ what: 'no body' }),
    () => ({
      what: 'invalid JSON',
      raw: pick(rng, ['{', '{"a":', "{'a':1}", 'undefined', 'NaN', '\u0000', '{"a":1}}']),
    }),
    () => ({ what: 'JSON of the wrong type', raw: pick(rng, ['null', '[]', '"text"', '12', 'true', '{}']) }),
    () => ({
      what: 'every field junk',
      raw: JSON.stringify(Object.fromEntries(keys.map((k) => [k, junk(rng)]))),
    }),
    () => {
      const some = JSON.stringify({
        ...Object.fromEntries(keys.filter(() => rng() < 0.5).map((k) => [k, junk(rng)])),
        constructor: { prototype: { polluted: true } },
        [pick(rng, STRINGS)]: junk(rng),
      });
      return {
        what: 'some fields junk, plus __proto__ and unknown ones',
        raw: `{"__proto__":{"admin":true},${some.slice(1)}`,
      };
    },
    () => ({ what: 'deep nesting', raw: rng() < 0.5 ? deepNesting(5000) : `{"a":${deepNesting(2000)}}` }),
    () => ({ what: 'a 300 KB string', raw: JSON.stringify({ [keys[0] ?? 'a']: 'x'.repeat(300_000) }) }),
    () => ({ what: 'base64 junk', raw: Buffer.from('{"a":\u0000}').toString('base64'), base64: true }),
    () => ({ what: 'not base64 at all', raw: '%%%***', base64: true }),
  ];
  return pick(rng, kinds)();
}

/** Odd headers besides the caller's Authorization. */
export function oddHeaders(rng: Rng): { what: string; headers: Record<string, string> } {
  const key = pick(rng, [
    '',
    'short',
    'k'.repeat(5000),
    'ключ-ключ-ключ',
    'a b c d e f g h',
    '../../../../',
    '\u0000'.repeat(9),
  ]);
  return pick<{ what: string; headers: Record<string, string> }>(rng, [
    { what: 'none', headers: {} },
    { what: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`, headers: { 'idempotency-key': key } },
    { what: 'odd content type', headers: { 'content-type': 'text/plain; charset=gbk' } },
    { what: 'duplicate-looking headers', headers: { 'Idempotency-Key': key, 'IDEMPOTENCY-KEY': 'another-one-1' } },
  ]);
}

/** Query strings: none, harmless, or hostile. */
export function query(rng: Rng): Record<string, string> | undefined {
  return pick(rng, [
    undefined,
    { status: pick(rng, ['pending', 'approved', 'x'.repeat(5000), '']) },
    { cursor: pick(rng, ['eyJ', 'x'.repeat(3000), '%00', '{"pk":"USER#x"}']) },
    Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`q${i}`, 'v'])),
  ]);
}

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';
import { routes, type LoginResponse, type RoleName, type RouteDef } from '@citycare/contract';

/**
 * The API as the weapp sees it in the runtime test: each contract route answers with sample data
 * generated from its response schema (zod's JSON Schema export + the small generator below),
 * with names, dates and amounts that look like Yingkou in February 2020, then checked against the
 * schema itself. A page gets the same answer as it would from a healthy backend.
 */

/** The fake clock's start: Monday 10 February 2020, 10:00 in Yingkou (02:00 UTC). */
export const CLOCK = Date.parse('2020-02-10T02:00:00.000Z');
const iso = (offsetMinutes: number) => new Date(CLOCK + offsetMinutes * 60_000).toISOString();

const ROOT = join(__dirname, '..', '..');
/** The API base URL compiled into the production weapp build. */
export const API_BASE = /^TARO_APP_API_BASE=(.+)$/m
  .exec(readFileSync(join(ROOT, 'miniapp', '.env.production'), 'utf8'))![1]!
  .trim()
  .replace(/\/+$/, '');

export type Role = RoleName;

interface DemoUser {
  key: string;
  displayName: string;
  roles: { role: string; scope?: string }[];
}

/** The session the app keeps in storage (miniapp/src/api/session.ts), for the demo account of a role. */
let demoUsers: DemoUser[] | undefined;
export function sessionFor(role: Role): LoginResponse {
  demoUsers ??= (parse(readFileSync(join(ROOT, 'config', 'city.yml'), 'utf8')) as { demoUsers: DemoUser[] }).demoUsers;
  const demo = demoUsers.find((u) => u.key === role);
  if (!demo) throw new Error(`config/city.yml has no demo account for ${role}`);
  const user = { userId: `u-${role}`, displayName: demo.displayName, roles: demo.roles, createdAt: iso(-60 * 24 * 30) };
  return routes.login.response.parse({ token: `fixture-token-${role}`, expiresAt: iso(120), user });
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
};

/** Strings by field name: what a resident would see in that field. `i` is the item's index. */
const STRINGS: Record<string, (i: number) => string> = {
  displayName: (i) => ['王秀兰', '刘德福'][i % 2]!,
  officialName: () => '陈静',
  contactName: (i) => ['王秀兰', '刘德福'][i % 2]!,
  maskedName: (i) => ['王*兰', '刘*福'][i % 2]!,
  holderMasked: (i) => ['王*兰', '刘*福'][i % 2]!,
  idMasked: () => '210802********1234',
  phoneMasked: () => '138****1234',
  phone: () => '13800001234',
  name: (i) => ['建设社区', '幸福便民超市', '陆屯卡点'][i % 3]!,
  storeName: () => '幸福便民超市',
  companyName: (i) => ['营口市自来水公司', '营口供电公司'][i % 2]!,
  placeName: () => '陆屯卡点',
  community: () => '建设社区',
  district: () => '站前区',
  region: () => '站前区',
  building: (i) => `${i + 3}`,
  room: (i) => `${i + 2}01`,
  unit: () => '斤',
  communityId: () => 'zq-jianshe',
  storeId: () => 'st-xingfu',
  placeId: () => 'cp-lutun',
  company: (i) => ['ut-water', 'ut-power'][i % 2]!,
  coveredCompanies: (i) => ['ut-water', 'ut-power'][i % 2]!,
  household: () => '建设社区 3号楼 1单元201',
  address: () => '站前区建设街 12 号',
  origin: () => '武汉市',
  label: (i) => ['白菜', '大米 5kg'][i % 2]!,
  text: () => '一户每日限购一次',
  description: () => '厨房水管漏水',
  note: () => '已电话联系',
  reason: () => '家中有人隔离，收入减少',
  message: () => '已处理',
  findingText: () => '近 14 天无高风险地区旅居史',
  rejectReason: () => '缺货',
  hardship: () => '疫情期间停工',
  question: () => '家里老人不会用手机买菜，社区能帮忙代买吗？',
  accountNo: (i) => `10000${i + 1}2345`,
  pickupCode: () => '482913',
  month: () => '2020-02',
  token: () => 'eyJhbGciOiJFUzI1NiJ9.fixture.signature',
  kid: () => 'k-2020-02',
};
/** The same field name meaning another thing inside another object (`parent.key`). */
const IN_CONTEXT: Record<string, (i: number) => string> = {
  'address.unit': (i) => `${i + 1}`,
  'units.unit': (i) => `${i + 1}`,
  'items.name': (i) => ['白菜', '猪肉'][i % 2]!,
  'lines.name': (i) => ['白菜', '猪肉'][i % 2]!,
  'totals.name': (i) => ['白菜', '猪肉'][i % 2]!,
};
/** Dates as the contract writes them: timestamps in ISO UTC, days as YYYY-MM-DD. */
const DAYS = ['date', 'lastDeclarationDate', 'startDate', 'dueDate', 'availableFrom'];
/**
 * Times ahead of the clock, in minutes (a delivery slot from 11:00 to 13:00, ordering until 10:30;
 * a health code issued now, its first window from a minute ago to 5 minutes ahead).
 */
const AHEAD: Record<string, number> = {
  issuedAt: 0,
  notBefore: -1,
  expiresAt: 5,
  cutoffAt: 30,
  startsAt: 60,
  endsAt: 180,
  protectedUntil: 30 * 1440,
};
/** The relief window: opened ten days ago, runs twenty more. */
const WINDOW: Record<string, number> = { startsAt: -10 * 1440, endsAt: 20 * 1440 };
const FALSE = new Set(['paid', 'released', 'lateFeeWaived', 'priority', 'reliefApproved']);

function pick<T>(values: T[], i: number): T {
  return values[i % values.length]!;
}

function sampleString(schema: Schema, key: string, i: number, parent: string): string {
  const inContext = IN_CONTEXT[`${parent}.${key}`];
  if (inContext) return inContext(i);
  if (schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$' || DAYS.includes(key)) return iso(60 * 24 * i).slice(0, 10);
  if (schema.pattern === '^\\d{4}-(0[1-9]|1[0-2])$') return '2020-02';
  if (schema.pattern?.startsWith('^[a-z0-9]')) return 'zq-jianshe';
  if (key === 'endDate') return iso(60 * 24 * (20 + i)).slice(0, 10);
  if (parent === 'window' && key in WINDOW) return iso(WINDOW[key]!);
  if (key in AHEAD) return iso(AHEAD[key]! + 1440 * i);
  if (/(At|Until|Since|^since|^at)$/.test(key)) return iso(-90 - 60 * i);
  const hint = STRINGS[key.replace(/\[\]$/, '')];
  return hint ? hint(i) : `${key.replace(/Id$/, '')}-${i + 1}`;
}

function sampleNumber(schema: Schema, key: string, i: number, integer: boolean): number {
  let n = key.endsWith('Fen') ? 1280 + 350 * i : key === 'temperature' ? 36.5 : key === 'feverCelsius' ? 37.3 : 3 + i;
  if (schema.minimum !== undefined) n = Math.max(n, schema.minimum);
  if (schema.exclusiveMinimum !== undefined) n = Math.max(n, schema.exclusiveMinimum + 1);
  if (schema.maximum !== undefined) n = Math.min(n, schema.maximum);
  return integer ? Math.round(n) : n;
}

/** One value for a JSON Schema, shaped by the field's name; arrays get two items. */
export function sample(schema: Schema, key = '', i = 0, parent = ''): unknown {
  if (key === 'roles') return [{ role: 'resident' }];
  if ('const' in schema) return schema.const;
  if (schema.enum) return pick(schema.enum, i);
  if (schema.anyOf) return sample(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, key, i, parent);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      // Optional fields on every other list item, so lists show both states (a handled complaint and a pending one).
      return Object.fromEntries(
        Object.entries(schema.properties ?? {})
          .filter(([k]) => i % 2 === 0 || (schema.required ?? []).includes(k))
          .map(([k, s]) => [k, sample(s, k, i, key)]),
      );
    case 'array':
      return Array.from({ length: Math.max(2, schema.minItems ?? 0) }, (_, j) =>
        sample(schema.items ?? {}, key, j, parent),
      );
    case 'string':
      return sampleString(schema, key, i, parent);
    case 'integer':
    case 'number':
      return sampleNumber(schema, key, i, type === 'integer');
    case 'boolean':
      return !FALSE.has(key);
    case 'null':
      return null;
    default:
      return null;
  }
}

/** A real P-256 public key, so the scanner's key import works on it as on the real JWKS. */
function jwks() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: 'k-2020-02', alg: 'ES256', use: 'sig' }] };
}

export interface Answer {
  route: string | null;
  status: number;
  body: unknown;
}

const ROUTE_TABLE = Object.entries(routes as Record<string, RouteDef>)
  .map(([name, r]) => ({
    name,
    def: r,
    params: (r.path.match(/\{/g) ?? []).length,
    regex: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => a.params - b.params);

const cache = new Map<string, unknown>();

/** The sample answer of one route, valid against its response schema (else this throws). */
export function sampleResponse(name: string, role: Role): unknown {
  // Only the signed-in user's own profile differs by role; every other answer is the same for all.
  const personal = name === 'login' || name === 'me' || name === 'getUser';
  const key = personal ? `${name}:${role}` : name;
  if (!cache.has(key)) {
    const def = (routes as Record<string, RouteDef>)[name]!;
    let body: unknown;
    if (name === 'healthKeys') body = jwks();
    else if (name === 'login') body = sessionFor(role);
    else if (personal) body = { user: sessionFor(role).user };
    // A route answering no body (204, e.g. WeChat Pay's notify) has nothing to sample.
    else if (def.response.safeParse(undefined).success) body = undefined;
    else body = sample(z.toJSONSchema(def.response, { io: 'output', unrepresentable: 'any' }) as Schema);
    cache.set(key, def.response.parse(body));
  }
  return cache.get(key);
}

const failure = (route: string | null, status: number, code: string, message: string): Answer => ({
  route,
  status,
  body: { error: { code, message } },
});

/**
 * The answer to a `wx.request`: the matching contract route's sample; 401 when a signed-in route
 * comes without the role's session token (as the backend would), 404 for anything else.
 */
export function answer(method: string, url: string, role: Role, header: Record<string, string> = {}): Answer {
  const path = url.startsWith(API_BASE) ? url.slice(API_BASE.length).split('?')[0]! : null;
  const found = path === null ? undefined : ROUTE_TABLE.find((r) => r.def.method === method && r.regex.test(path));
  if (!found) return failure(null, 404, 'NOT_FOUND', `${method} ${url}`);
  const token = Object.entries(header).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
  if (found.def.auth && token !== `Bearer ${sessionFor(role).token}`) {
    return failure(found.name, 401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
  }
  return { route: found.name, status: 200, body: sampleResponse(found.name, role) };
}

/** Every route's sample, for the check that all of them satisfy the contract. */
export const routeNames = (): string[] => ROUTE_TABLE.map((r) => r.name);

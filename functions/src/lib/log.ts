import { currentRequest } from './context';

/**
 * Structured JSON logs, one line each, carrying the id of the request being served. Nothing
 * personal or secret is printed: values under keys that can carry personal data or credentials
 * are replaced, and so is anything, under any key, that looks like an ID number, a mobile
 * number or a token.
 */
const SENSITIVE_KEY = /token|authorization|secret|password|code|session|phone|mobile|idnumber|id_number|name|openid/i;
const SAFE_KEYS = new Set(['errorCode']);
const MAX_DEPTH = 4;

const PATTERNS: [RegExp, string][] = [
  // JSON text inside a message (a library echoing its input): sensitive keys' values.
  [new RegExp(`"([^"]*(?:${SENSITIVE_KEY.source})[^"]*)"\\s*:\\s*"(?:[^"\\\\]|\\\\.)*"`, 'gi'), '"$1":"[redacted]"'],
  // JSON Web Tokens and other dotted base64url tokens.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]'],
  // Bearer credentials whatever their form.
  [/\bBearer\s+\S+/gi, 'Bearer [token]'],
  // Mainland resident ID numbers (18 characters, last may be X) and 15-digit old ones.
  [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])|(?<!\d)\d{15}(?!\d)/g, '[id-number]'],
  // Mainland mobile numbers, with or without +86.
  [/(?:\+?86[-\s]?)?(?<!\d)1[3-9]\d{9}(?!\d)/g, '[phone]'],
];

export function scrub(text: string): string {
  return PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[depth]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) && !SAFE_KEYS.has(key) ? '[redacted]' : redact(v, depth + 1);
  }
  return out;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function write(level: Level, msg: string, fields?: Record<string, unknown>): void {
  const threshold = ORDER[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;
  if (ORDER[level] < threshold) return;
  const scope = currentRequest();
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: scrub(msg),
    requestId: scope?.requestId,
    route: scope?.route,
    ...(redact(fields ?? {}) as object),
  });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};

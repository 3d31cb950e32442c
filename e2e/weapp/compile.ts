import { readdirSync } from 'node:fs';

/**
 * WeChat's own WXML and WXSS compilers (`wcc`, `wcsc`, Linux builds shipped in npm
 * `miniprogram-compiler`), run over a whole build as the client's toolchain does: every file
 * at once, so imports and templates resolve. Errors come back as WeChat prints them, with the
 * file and line (`pages/x/index.wxml:3:8: unexpected end`, `app.wxss(1:12): unexpected token`).
 */
// The package's own runners: they pass each page's usingComponents to wcc and count component WXSS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcc = require('miniprogram-compiler/src/wcc') as (
  root: string,
  files: string[],
  wxs: string[],
  options: { maxBuffer: number },
) => string;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const wcsc = require('miniprogram-compiler/src/wcsc') as (
  root: string,
  files: string[],
  options: { maxBuffer: number },
) => Record<string, string> | Error;

const MAX_BUFFER = 64 * 1024 * 1024;

/** The build's files with that extension, relative to its root, sorted. */
export function filesOf(root: string, ext: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext) && !f.split('/').includes('node_modules'))
    .sort();
}

export interface Compiled {
  /** The compiler's error text (file:line: message), or null when every file compiled. */
  error: string | null;
  /** Size of the generated JavaScript (what the client would load). */
  bytes: number;
}

/** Compile every WXML file (with every WXS module) of a build with `wcc`. */
export function compileWxml(root: string): Compiled {
  const pages = filesOf(root, '.wxml').map((f) => f.slice(0, -'.wxml'.length));
  try {
    const js = wcc(root, pages, filesOf(root, '.wxs'), { maxBuffer: MAX_BUFFER });
    return { error: null, bytes: js.length };
  } catch (err) {
    return { error: (err as Error).message.trim(), bytes: 0 };
  }
}

/** Compile every WXSS file of a build with `wcsc`. */
export function compileWxss(root: string): Compiled {
  const sheets = filesOf(root, '.wxss').map((f) => f.slice(0, -'.wxss'.length));
  const result = wcsc(root, sheets, { maxBuffer: MAX_BUFFER });
  if (result instanceof Error) return { error: result.message.trim(), bytes: 0 };
  return { error: null, bytes: Object.values(result).reduce((n, s) => n + s.length, 0) };
}

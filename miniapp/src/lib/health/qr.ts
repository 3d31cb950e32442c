import qrcode from 'qrcode-generator';

/**
 * A QR code as an SVG data URI, drawn in the status colour: one code path for H5 (an <img>) and
 * weapp (the image component takes base64 SVG). No btoa in the WeChat runtime: encoded by hand.
 */

/** Module colours dark enough to scan: green, a deep amber for yellow, red. */
export const QR_INK = { green: '#00875a', yellow: '#b36b00', red: '#c9252d' } as const;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64 of an ASCII string. */
export function base64Ascii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]!;
    out += Number.isNaN(c) ? '=' : B64[n & 63]!;
  }
  return out;
}

/** The module matrix of `text` (error correction M). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/**
 * An SVG of the matrix with a 4-module quiet zone, modules in `ink` on white. Each row's runs of
 * dark modules are one rectangle each: a third of the text of one square per module, which the
 * browser decodes sooner.
 */
export function qrSvg(text: string, ink: string): string {
  const m = qrMatrix(text);
  const size = m.length + 8;
  let path = '';
  m.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c + 1;
      while (end < row.length && row[end]) end++;
      path += `M${c + 4} ${r + 4}h${end - c}v1h-${end - c}z`;
      c = end;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="${ink}"/></svg>`
  );
}

/** The last few images made: the code card re-renders every second with the same token. */
const made = new Map<string, string>();
const KEEP = 4;

/** The QR of `text` in `ink`, as a data URI; made once per text and ink (the last KEEP kept). */
export function qrDataUri(text: string, ink: string): string {
  const key = `${ink}|${text}`;
  let uri = made.get(key);
  if (uri === undefined) {
    uri = `data:image/svg+xml;base64,${base64Ascii(qrSvg(text, ink))}`;
    made.set(key, uri);
    if (made.size > KEEP) made.delete(made.keys().next().value as string);
  }
  return uri;
}

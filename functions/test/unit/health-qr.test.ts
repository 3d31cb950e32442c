import { base64Ascii, qrDataUri, qrMatrix, qrSvg } from '../../../miniapp/src/lib/health/qr';

/** The code card's QR image (miniapp/src/lib/health/qr.ts): what it draws, and that it is made once. */
const token = `eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.${'eyJzdWIiOiJjX2FiYyIsInN0IjoiZ3JlZW4ifQ'.repeat(5)}.${'s'.repeat(86)}`;

/** The dark modules an SVG of ours paints: each `M x y h n v1 h-n z` is a run of n in row y. */
function painted(svg: string): Set<string> {
  const cells = new Set<string>();
  for (const [, x, y, n] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(n); i++) cells.add(`${Number(x) - 4 + i},${Number(y) - 4}`);
  }
  return cells;
}

describe('the QR image', () => {
  it('paints exactly the dark modules of the matrix, inside a 4-module quiet zone', () => {
    const matrix = qrMatrix(token);
    const dark = new Set<string>();
    matrix.forEach((row, r) => row.forEach((on, c) => on && dark.add(`${c},${r}`)));
    const svg = qrSvg(token, '#00875a');
    expect(painted(svg)).toEqual(dark);
    expect(svg).toContain(`viewBox="0 0 ${matrix.length + 8} ${matrix.length + 8}"`);
    expect(svg).toContain('fill="#00875a"');
  });

  it('is the same image when asked again, and another for another token or colour', () => {
    const first = qrDataUri(token, '#00875a');
    expect(qrDataUri(token, '#00875a')).toBe(first);
    expect(first).toBe(`data:image/svg+xml;base64,${base64Ascii(qrSvg(token, '#00875a'))}`);
    expect(qrDataUri(token, '#c9252d')).not.toBe(first);
    expect(qrDataUri(`${token}x`, '#00875a')).not.toBe(first);
  });

  it('encodes base64 as Node does', () => {
    for (const text of ['', 'a', 'ab', 'abc', '<svg viewBox="0 0 1 1"/>']) {
      expect(base64Ascii(text)).toBe(Buffer.from(text).toString('base64'));
    }
  });
});

import { createPublicKey, verify } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

/** Reads the QR on the health code card from a screenshot of it (what a scanner's camera sees). */
export async function readQr(page: Page, selector = '.code__qr img'): Promise<string> {
  const qr = page.locator(selector).filter({ visible: true }).first();
  await qr.waitFor({ timeout: 20000 });
  await page.waitForTimeout(300);
  const png = PNG.sync.read(await qr.screenshot());
  const found = jsQR(
    new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length),
    png.width,
    png.height,
  );
  if (!found) throw new Error('no QR code found in the screenshot');
  return found.data;
}

/**
 * Checks an ES256 JWT's signature against the JWKS the API publishes (node:crypto, independent of
 * the app) and returns its claims; throws when the key is unknown or the signature is wrong.
 */
export async function verifyWithJwks(token: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${process.env.E2E_API_BASE}/health/keys`);
  const { keys } = (await res.json()) as { keys: { kid: string; x: string; y: string }[] };
  const [h, p, s] = token.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; kid: string };
  if (header.alg !== 'ES256') throw new Error(`alg ${header.alg}`);
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`kid ${header.kid} is not in the JWKS`);
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, format: 'jwk' });
  const signed = Buffer.from(`${h}.${p}`);
  if (!verify('sha256', signed, { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'))) {
    throw new Error('signature does not verify');
  }
  return JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
}

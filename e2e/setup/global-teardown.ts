import type { Server } from 'node:http';
import type { Stack } from '../../scripts/lib/stack';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __stack__?: Stack; __h5__?: Server };
  await new Promise<void>((resolve) => (state.__h5__ ? state.__h5__.close(() => resolve()) : resolve()));
  await state.__stack__?.stop();
}

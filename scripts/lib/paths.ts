import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DATA_DIR = join(ROOT, '.data');
export const KEYS_DIR = join(ROOT, '.keys');
export const BIN = join(ROOT, 'node_modules', '.bin');

/** `npm run reset`: wipes the local DynamoDB data; the next `npm start` creates and seeds afresh. */
import { rmSync } from 'node:fs';
import { DATA_DIR } from './lib/paths';

rmSync(DATA_DIR, { recursive: true, force: true });
console.log('Local data wiped (.data/). The next npm start creates the tables and seeds them again.');

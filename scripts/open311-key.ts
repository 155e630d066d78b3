/** `npm run -s open311-key`: prints the local demo Open311 client key (`api_key`) of the running system. */
import { existsSync, readFileSync } from 'node:fs';

const file = process.env.ADUAN_DATA_DIR ? `${process.env.ADUAN_DATA_DIR}/open311-key.txt` : new URL('../.local/open311-key.txt', import.meta.url);
if (!existsSync(file)) {
  console.error('No local Open311 key found: start the system first with `npm start`.');
  process.exit(1);
}
console.log(readFileSync(file, 'utf8').trim());

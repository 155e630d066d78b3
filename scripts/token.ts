/** `npm run token -- <username> [password]`: signs a staff user in on the running local system and prints the ID token. */
import { existsSync, readFileSync } from 'node:fs';
import { DEMO_PASSWORD, DEMO_USERS, signIn } from '../local/staff-seed';

const [username, password = DEMO_PASSWORD] = process.argv.slice(2);
const file = process.env.ADUAN_DATA_DIR ? `${process.env.ADUAN_DATA_DIR}/cognito.json` : new URL('../.local/cognito.json', import.meta.url);
if (!username) {
  console.error(`usage: npm run token -- <username>   (demo users: ${DEMO_USERS.map((u) => u.username).join(', ')})`);
  process.exit(2);
}
if (!existsSync(file)) {
  console.error('No local Cognito found: start the system first with `npm start`.');
  process.exit(1);
}
const pool = JSON.parse(readFileSync(file, 'utf8')) as { endpoint: string; clientId: string };
try {
  console.log(await signIn(pool, username, password));
} catch (error) {
  console.error(`sign-in failed for ${username}: ${(error as Error).message}`);
  process.exit(1);
}

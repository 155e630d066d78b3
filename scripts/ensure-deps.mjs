// Runs `npm ci` only when node_modules does not match package-lock.json, and checks Java,
// so `npm start` / `npm test` work from a fresh clone without reinstalling every time.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const installedPath = 'node_modules/.package-lock.json';
const installed = existsSync(installedPath) ? JSON.parse(readFileSync(installedPath, 'utf8')) : undefined;
// Optional packages (other platforms' binaries) are legitimately absent.
const wanted = Object.entries(lock.packages ?? {}).filter(([k, v]) => k.startsWith('node_modules/') && !v.optional);
const stale = !installed || wanted.some(([k, v]) => installed.packages?.[k]?.version !== v.version);
if (stale) {
  console.error('[setup] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund --loglevel=error', { stdio: 'inherit' });
}

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const version = Number((java.stderr ?? '').match(/version "(\d+)/)?.[1] ?? 0);
if (java.error || version < 17) {
  console.error('[setup] DynamoDB Local needs Java 17 or newer: sudo apt-get install -y openjdk-17-jre-headless');
  process.exit(1);
}

// The portal's browser tests drive Debian's Chromium (playwright-core never downloads a browser).
if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`[setup] the browser tests need Chromium at ${chromium}: sudo apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH)`);
    process.exit(1);
  }
}

// `npm start`: the whole system in ONE process, started with `exec`, so the SIGTERM or SIGINT that
// npm passes on reaches local/start.ts itself, which stops everything it started (Java included).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

await import('./ensure-deps.mjs');

// The system runs on the Lambda's Node major (24), from the npm registry's `node` package. npm puts
// node_modules/.bin first on PATH, so only the very first run — before the install above — starts
// on the machine's Node: it hands over to Node 24 and passes every signal on.
const NODE_24 = 'node_modules/.bin/node';
if (Number(process.versions.node.split('.')[0]) < 24 && existsSync(NODE_24)) {
  const child = spawn(NODE_24, [import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../local/start.ts');
}

// `npm start`: the whole system in ONE process, started with `exec`, so the SIGTERM or SIGINT that
// npm passes on reaches local/start.ts itself, which stops everything it started (Java included).
await import('./ensure-deps.mjs');
const { register } = await import('tsx/esm/api');
register();
await import('../local/start.ts');

// One local Lambda execution environment: a worker thread that imports one function's bundle
// with that function's own environment and runs the invocations its parent sends. Plain
// JavaScript, so it starts the same under tsx (`npm start`) and under vitest.
import { randomUUID } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

// Stack traces point at the TypeScript sources, like NODE_OPTIONS=--enable-source-maps in the stack.
process.setSourceMapsEnabled(true);

const { entryUrl, functionName, memoryMb, clockOffsetEnv } = workerData;

function context(deadline) {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

const describe = (error) =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) };

try {
  const mod = await import(entryUrl);
  if (typeof mod.handler !== 'function') throw new Error(`${entryUrl} exports no handler`);
  parentPort.on('message', async (msg) => {
    if (msg.type !== 'invoke') return;
    // The local clock (time travel) is the parent's; every invocation carries its offset.
    process.env[clockOffsetEnv] = String(msg.clockOffsetMs);
    try {
      const value = await mod.handler(msg.event, context(msg.deadline));
      parentPort.postMessage({ type: 'result', id: msg.id, ok: true, value });
    } catch (error) {
      parentPort.postMessage({ type: 'result', id: msg.id, ok: false, error: describe(error) });
    }
  });
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'init-error', error: describe(error) });
}

/** Loads the real handlers with their own environment and invokes them the way Lambda does. */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { ENV } from '../functions/shared/env';
import { PROJECT_ROOT } from '../lib/constructs/function';
import type { FunctionSpec } from '../lib/wiring';

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LoadedFunction {
  spec: FunctionSpec;
  env: Record<string, string>;
  handler: Handler;
}

const CONTRACT_NAMES = Object.values(ENV) as string[];

/**
 * Imports a handler module with exactly the environment the template gives that function:
 * variables of other functions are removed first, so a missing grant-and-env pair fails
 * locally as it would in AWS.
 */
export async function loadFunction(spec: FunctionSpec, env: Record<string, string>): Promise<LoadedFunction> {
  for (const name of CONTRACT_NAMES) delete process.env[name];
  Object.assign(process.env, env, { AWS_LAMBDA_FUNCTION_NAME: `aduan-local-${spec.id}` });
  const mod = (await import(pathToFileURL(path.join(PROJECT_ROOT, spec.entry)).href)) as { handler?: Handler };
  if (typeof mod.handler !== 'function') throw new Error(`${spec.entry} exports no handler`);
  return { spec, env, handler: mod.handler };
}

function context(spec: FunctionSpec, deadline: number): Context {
  const name = `aduan-local-${spec.id}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export class FunctionTimeout extends Error {}

/** One invocation, cut off at the function's configured timeout like Lambda. */
export async function invoke(fn: LoadedFunction, event: unknown): Promise<unknown> {
  const deadline = Date.now() + fn.spec.timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeout(`${fn.spec.id} timed out after ${fn.spec.timeoutSeconds} s`)), fn.spec.timeoutSeconds * 1000);
  });
  try {
    return await Promise.race([fn.handler(event, context(fn.spec, deadline)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

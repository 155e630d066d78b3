/**
 * Local Lambda: each function runs in its own worker thread with exactly the environment the
 * template gives it, and an invocation past the function's timeout is cut off as Lambda cuts it
 * off. A runaway handler (an endless loop included) costs only its own execution environment:
 * the worker is retired and replaced, and everything else keeps answering.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LOCAL_CLOCK_OFFSET_ENV } from '../functions/adapters/system';
import { ENV } from '../functions/shared/env';
import type { FunctionSpec } from '../lib/wiring';

const CONTRACT_NAMES = Object.values(ENV) as string[];
const WORKER_URL = new URL('./function-worker.mjs', import.meta.url);

/** The invocation failed inside the function (Lambda's "Unhandled" error). */
export class FunctionError extends Error {}
/** The invocation ran past the function's timeout ("Task timed out after N seconds"). */
export class FunctionTimeout extends Error {}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Environment {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  retired: boolean;
}

export class LocalFunction {
  private current: Environment | undefined;
  private readonly all = new Set<Environment>();
  private nextId = 0;
  private stopped = false;
  /** Invocations and their summed duration (the cost model), timeouts and replaced environments (tests). */
  readonly stats = { invocations: 0, durationMs: 0, timeouts: 0, replacedEnvironments: 0 };

  constructor(
    readonly spec: FunctionSpec,
    /** The function's own variables, as the template gives them. */
    readonly env: Record<string, string>,
    /** The function's bundle (local/bundle.ts). */
    private readonly bundleFile: string,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Starts one execution environment and waits for the handler module to load (fails on a broken import). */
  async warm(): Promise<void> {
    await this.environment().ready;
  }

  private environment(): Environment {
    if (this.current && !this.current.retired) return this.current;
    // Other functions' variables are removed, so a missing grant-and-env pair fails locally as in AWS.
    const base = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !CONTRACT_NAMES.includes(k))) as Record<string, string>;
    const worker = new Worker(WORKER_URL, {
      workerData: {
        entryUrl: pathToFileURL(this.bundleFile).href,
        functionName: `aduan-local-${this.spec.id}`,
        memoryMb: this.spec.memoryMb,
        clockOffsetEnv: LOCAL_CLOCK_OFFSET_ENV,
      },
      env: { ...base, ...this.env, AWS_LAMBDA_FUNCTION_NAME: `aduan-local-${this.spec.id}` },
      // The function's memory setting bounds its heap, as it bounds the whole sandbox in Lambda.
      resourceLimits: { maxOldGenerationSizeMb: Math.max(this.spec.memoryMb, 256) },
      // A bundle is plain JavaScript: no loader of the parent (tsx) in the sandbox, which costs each worker its start.
      execArgv: [],
    });
    worker.unref();
    const env: Environment = { worker, pending: new Map(), retired: false, ready: Promise.resolve() };
    env.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: { type: string; id?: number; ok?: boolean; value?: unknown; error?: { name: string; message: string; stack?: string } }) => {
        if (msg.type === 'ready') return resolve();
        if (msg.type === 'init-error') return reject(new FunctionError(`${this.spec.id} failed to initialise: ${msg.error?.stack ?? msg.error?.message}`));
        if (msg.type !== 'result' || msg.id === undefined) return;
        const p = env.pending.get(msg.id);
        if (!p) return; // already timed out
        this.settle(env, msg.id);
        if (msg.ok) p.resolve(msg.value);
        else p.reject(new FunctionError(`${this.spec.id}: ${msg.error?.name}: ${msg.error?.message}`));
      });
      worker.on('error', (error) => {
        reject(error);
        this.fail(env, new FunctionError(`${this.spec.id} environment crashed: ${error.message}`));
      });
      worker.on('exit', () => this.fail(env, new FunctionError(`${this.spec.id} environment exited`)));
    });
    env.ready.catch(() => undefined);
    this.all.add(env);
    this.current = env;
    return env;
  }

  /** One invocation, cut off at the function's configured timeout like Lambda. */
  async invoke(event: unknown): Promise<unknown> {
    if (this.stopped) throw new FunctionError(`${this.spec.id} is stopped`);
    const env = this.environment();
    const timeoutMs = this.spec.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    const id = this.nextId++;
    const started = performance.now();
    this.stats.invocations++;
    const settled = () => {
      this.stats.durationMs += performance.now() - started;
    };
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.stats.timeouts++;
        this.settle(env, id);
        reject(new FunctionTimeout(`${this.spec.id}: Task timed out after ${this.spec.timeoutSeconds} seconds`));
        // Lambda discards an environment whose invocation timed out; later invocations get a fresh one.
        this.retire(env);
      }, timeoutMs);
      env.pending.set(id, { resolve, reject, timer });
      env.ready.then(
        () => env.worker.postMessage({ type: 'invoke', id, event, deadline, clockOffsetMs: Number(process.env[LOCAL_CLOCK_OFFSET_ENV] ?? 0) }),
        (error: Error) => {
          this.settle(env, id);
          reject(error);
        },
      );
    }).finally(settled);
  }

  private settle(env: Environment, id: number) {
    const p = env.pending.get(id);
    if (p) clearTimeout(p.timer);
    env.pending.delete(id);
    if (env.retired && env.pending.size === 0) void this.terminate(env);
  }

  private retire(env: Environment) {
    if (env.retired) return;
    env.retired = true;
    this.stats.replacedEnvironments++;
    this.onError(new FunctionTimeout(`${this.spec.id}: execution environment replaced after a timeout`));
    // Its other invocations still run to their own deadlines; a blocked one cannot, and is cut off then.
    if (env.pending.size === 0) void this.terminate(env);
  }

  private fail(env: Environment, error: Error) {
    env.retired = true;
    for (const [id, p] of env.pending) {
      clearTimeout(p.timer);
      env.pending.delete(id);
      p.reject(error);
    }
    this.all.delete(env);
  }

  private async terminate(env: Environment) {
    this.all.delete(env);
    await env.worker.terminate().catch(this.onError);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.all].map((env) => this.terminate(env)));
  }
}

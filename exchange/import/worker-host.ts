// Files are parsed in a worker thread (import-worker.ts) with a time and a memory limit, so that a
// parser that crashes, loops or swells on a hostile file costs that one import, never the desktop
// main process, the browser-mode server or a command holding a project's lock. The worker only
// turns bytes into text: the thread that asked keeps the project and writes in one transaction.
// One worker is kept and reused by the imports that follow one another (starting one costs tens of
// milliseconds built, about a second from the TypeScript sources); after a failure it is replaced.

import { Worker } from 'node:worker_threads';
import { TresseError } from '../../i18n/error.ts';
import type { ErrorCode } from '../../i18n/errors.ts';
import type { ParsedSource } from '../../model/types.ts';
import type { ImportOptions } from './index.ts';

export interface ParseLimits {
  /** Wall-clock time one parse may take, once the worker has started. */
  seconds: number;
  oldGenerationMb: number;
  youngGenerationMb: number;
  stackMb: number;
}

/**
 * What one import may take. The largest file accepted (50 MB, or an office document inflating to
 * 200 MB) is read within seconds on an old laptop, so 30 s stops only a parser that is stuck. Its
 * text (64 million characters at most, two bytes each) and the copies normalising makes fit in
 * 512 MB of heap, which a student's 8 GB laptop can spare beside the app. The stack stays at
 * Node's default: no importer recurses deeply (XML nesting is capped at 256 levels).
 */
export const PARSE_LIMITS: Readonly<ParseLimits> = { seconds: 30, oldGenerationMb: 512, youngGenerationMb: 32, stackMb: 4 };

/** What the host sends: one file to parse. */
export interface ParseJob {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
}

/** What the worker answers: `ready` once loaded, then one reply per job. */
export type WorkerMessage =
  | { ready: true }
  // utf8Within: where ParsedSource.utf8 lies in the bytes sent, when it is the file itself.
  | { id: number; parsed: ParsedSource; utf8Within?: [number, number] }
  | { id: number; refused: { code: ErrorCode; params: Record<string, string | number> } }
  | { id: number; failed: string };

/**
 * The worker script beside the running module, of its kind: import-worker.ts beside this file in
 * the sources, import-worker.mjs beside the chunks of dist-node/, import-worker.cjs beside
 * dist-electron/main.cjs (the bundles define import.meta.url as their own URL).
 */
export function importWorkerUrl(moduleUrl: string = import.meta.url): URL {
  const extension = /\.[cm]?[jt]s$/u.exec(new URL(moduleUrl).pathname)?.[0] ?? '.mjs';
  return new URL(`import-worker${extension}`, moduleUrl);
}

/** Runs parses in one worker at a time, in call order, and replaces the worker after a failure. */
export class ParseWorkerHost {
  #current: { worker: Worker; ready: Promise<Worker> } | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 0;

  constructor(
    readonly script: URL = importWorkerUrl(),
    readonly limits: Readonly<ParseLimits> = PARSE_LIMITS,
  ) {}

  parse(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ParsedSource> {
    const run = this.#queue.then(() => this.#run(bytes, fileName, options));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the worker, if one runs. */
  async close(): Promise<void> {
    const worker = this.#current?.worker;
    this.#current = null;
    await worker?.terminate();
  }

  async #run(bytes: Uint8Array, fileName: string, options: ImportOptions): Promise<ParsedSource> {
    const file = fileName.split(/[\\/]/u).pop() ?? fileName;
    const worker = await this.#ready();
    const id = ++this.#nextId;
    return new Promise<ParsedSource>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        worker.unref();
        outcome();
      };
      const stop = (code: ErrorCode, params: Record<string, string | number> = {}) => {
        this.#forget(worker);
        void worker.terminate();
        settle(() => reject(new TresseError(code, { file, ...params })));
      };
      const onMessage = (m: WorkerMessage) => {
        if (!('id' in m) || m.id !== id) return;
        if ('parsed' in m) {
          const parsed = m.utf8Within ? { ...m.parsed, utf8: bytes.subarray(...m.utf8Within) } : m.parsed;
          settle(() => resolve(parsed));
        } else if ('refused' in m) settle(() => reject(new TresseError(m.refused.code, m.refused.params)));
        else settle(() => reject(Object.assign(new TresseError('import.crashed', { file }), { cause: new Error(m.failed) })));
      };
      const onError = (e: Error & { code?: string }) =>
        e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? stop('import.tooHeavy', { limit: this.limits.oldGenerationMb }) : stop('import.crashed');
      const onExit = () => stop('import.crashed');
      const timer = setTimeout(() => stop('import.tooSlow', { seconds: this.limits.seconds }), this.limits.seconds * 1000);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // Held while a file is parsed, so that the process waits for the answer; idle, the worker
      // lets a command end.
      worker.ref();
      const job: ParseJob = { id, bytes, fileName, options };
      try {
        worker.postMessage(job);
      } catch (e) {
        settle(() => reject(e));
      }
    });
  }

  /** The running worker, or a new one once it has loaded its parsers. */
  #ready(): Promise<Worker> {
    this.#current ??= this.#start();
    return this.#current.ready;
  }

  #start(): { worker: Worker; ready: Promise<Worker> } {
    const { script, limits } = this;
    const resourceLimits = {
      maxOldGenerationSizeMb: limits.oldGenerationMb,
      maxYoungGenerationSizeMb: limits.youngGenerationMb,
      stackSizeMb: limits.stackMb,
    };
    // From the sources, a TypeScript worker is loaded through tsx by a small ES module: Node 20
    // applies neither `--import tsx` nor the parent's loader hooks to a worker.
    const typescript = script.pathname.endsWith('.ts');
    const worker = typescript
      ? new Worker(new URL('typescript-worker.mjs', import.meta.url), { workerData: { script: script.href }, execArgv: [], resourceLimits })
      : new Worker(script, { execArgv: [], resourceLimits });
    const ready = new Promise<Worker>((resolve, reject) => {
      const fail = (why: string) => {
        clearTimeout(timer);
        this.#forget(worker);
        void worker.terminate();
        reject(new Error(`The import worker ${script.href} did not start: ${why}`));
      };
      const timer = setTimeout(() => fail(`not ready after ${limits.seconds} s`), limits.seconds * 1000);
      const onError = (e: Error) => fail(e.message);
      const onExit = (code: number) => fail(`exit code ${code}`);
      worker.once('message', () => {
        clearTimeout(timer);
        worker.off('error', onError).off('exit', onExit);
        worker.unref();
        resolve(worker);
      });
      worker.once('error', onError).once('exit', onExit);
    });
    // A worker that dies between two imports (a parser's late stray error) is replaced at the next
    // one; without a listener, its 'error' event would be thrown in this thread.
    worker.on('error', () => undefined).on('exit', () => this.#forget(worker));
    return { worker, ready };
  }

  #forget(worker: Worker): void {
    if (this.#current?.worker === worker) this.#current = null;
  }
}

let shared: ParseWorkerHost | null = null;

/** Parses a file to import in the shared worker: what importSource does with every file. */
export function parseInWorker(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ParsedSource> {
  shared ??= new ParseWorkerHost();
  return shared.parse(bytes, fileName, options);
}

/**
 * For tests only (no front end calls it): the worker script and limits parseInWorker uses, such as
 * a stand-in that misbehaves on purpose under lower limits. Without arguments, back to the real one.
 */
export async function useParseWorker(script?: URL, limits?: Readonly<ParseLimits>): Promise<void> {
  const previous = shared;
  shared = script ? new ParseWorkerHost(script, limits) : null;
  await previous?.close();
}

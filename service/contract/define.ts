// How one API method is declared: the schema of its argument, where that argument carries a path
// the shell's policy must allow, and the handler. The argument's type is inferred from the schema
// and the result's from the handler, so a method is written once (in the feature file that holds
// it) and every front end reaches it through service/contract/call.ts.
import type { z } from 'zod';
import type { PathSlot } from '../path-policy.ts';
import type { Workspace } from '../workspace.ts';

/** What differs between the front ends that call the contract. */
export interface ShellHooks {
  shell: 'desktop' | 'browser' | 'cli';
  /** Asks the user for a path (a native dialog on the desktop); absent in the browser and the CLI. */
  chooseProjectPath?: (mode: 'open' | 'create') => Promise<string | null>;
}

export interface CallContext {
  readonly ws: Workspace;
  readonly hooks: ShellHooks;
}

export interface Method<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: S;
  /** Set when the argument names a file: the shell's path policy checks it before `run`. */
  readonly path?: PathSlot;
  run(args: z.output<S>, ctx: CallContext): R | Promise<R>;
}

/** Declares a method; the identity function gives TypeScript the schema and the result to infer from. */
export function method<S extends z.ZodType, R>(spec: Method<S, R>): Method<S, R> {
  return spec;
}

/** What crosses IPC, HTTP or the CLI: a value, or an error the front end can word in the user's language. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; params: Record<string, string | number> } };

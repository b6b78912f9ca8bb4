import type { Db } from '../db/open.ts';
import type { Coder } from '../model/types.ts';

/** An open project and who is working in it: every change is attributed to `coder`. */
export interface ProjectContext {
  readonly db: Db;
  readonly path: string;
  coder: Coder;
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function newGuid(): string {
  return crypto.randomUUID();
}

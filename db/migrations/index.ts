import { sql as initial } from './0001-initial.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered; a project's PRAGMA user_version is the version of the last one applied. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'initial', sql: initial }];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

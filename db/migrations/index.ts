import { sql as initial } from './0001-initial.ts';
import { sql as confidentiality } from './0003-confidentiality.ts';
import { sql as analysis } from './0002-analysis.ts';
import { sql as structureRows } from './0004-structure-rows.ts';
import { folded, sql as singleCodings } from './0005-single-codings.ts';
import { sql as sourceDone } from './0006-source-done.ts';
import { sql as exchangeKept } from './0007-exchange-kept.ts';
import { sql as sets } from './0008-sets.ts';
import { sql as excerptsByCode } from './0009-excerpts-by-code.ts';
import { sql as searchWords } from './0010-search-words.ts';
import { sql as searchForms } from './0011-search-forms.ts';
import { sql as dismissedSuggestions } from './0012-dismissed-suggestions.ts';
import { sql as media } from './0013-media.ts';
import type { Db } from '../open.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** What the user must be told once it has run (a count of rows it changed), read in its transaction. */
  notice?: (db: Db) => MigrationNotice | null;
}

/** Something a migration changed that the user must hear about, once, when the project opens. */
export interface MigrationNotice {
  kind: 'codingsMerged';
  count: number;
}

/** Ordered; a project's PRAGMA user_version is the version of the last one applied. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'analysis', sql: analysis },
  { version: 3, name: 'confidentiality', sql: confidentiality },
  { version: 4, name: 'structure-rows', sql: structureRows },
  {
    version: 5,
    name: 'single-codings',
    sql: singleCodings,
    notice: (db) => {
      const count = folded(db);
      return count > 0 ? { kind: 'codingsMerged', count } : null;
    },
  },
  { version: 6, name: 'source-done', sql: sourceDone },
  { version: 7, name: 'exchange-kept', sql: exchangeKept },
  { version: 8, name: 'sets', sql: sets },
  { version: 9, name: 'excerpts-by-code', sql: excerptsByCode },
  { version: 10, name: 'search-words', sql: searchWords },
  { version: 11, name: 'search-forms', sql: searchForms },
  { version: 12, name: 'dismissed-suggestions', sql: dismissedSuggestions },
  { version: 13, name: 'media', sql: media },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

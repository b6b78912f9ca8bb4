import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { TresseError } from '../i18n/error.ts';
import { LATEST_VERSION, migrations, type MigrationNotice } from './migrations/index.ts';
import { currentNativeBinding } from './native.ts';

export type Db = Database.Database;

/** 'TRSS': written in the SQLite header so a Tresse project is recognised before anything is changed. */
export const APPLICATION_ID = 0x54525353;

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Opens an existing project. A file that is not a Tresse project, or comes from a newer Tresse,
 * is refused before anything is written to it (setting WAL alone would rewrite its header).
 */
export function openProjectDb(path: string): Db {
  if (path !== ':memory:') {
    if (!existsSync(path)) throw new TresseError('project.notFound', { path });
    if (!hasSqliteHeader(path)) throw new TresseError('project.notTresse', { path });
  }
  const db = connect(path, true);
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new TresseError('project.notTresse', { path });
    if (version > LATEST_VERSION) {
      throw new TresseError('project.tooNew', { found: version, supported: LATEST_VERSION });
    }
    configure(db);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw mapSqliteError(e, path);
  }
}

/** Creates a new, empty project file (refusing to overwrite anything). */
export function createProjectDb(path: string): Db {
  if (path !== ':memory:' && existsSync(path)) throw new TresseError('project.exists', { path });
  const db = connect(path, false);
  try {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    configure(db);
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function connect(path: string, mustExist: boolean): Db {
  const nativeBinding = currentNativeBinding();
  try {
    return new Database(path, { fileMustExist: mustExist, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    throw mapSqliteError(e, path);
  }
}

function configure(db: Db): void {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a crash of the program; only a power
  // loss may undo the very last ones, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
}

/** What the migrations run by this connection had to tell the user. */
const notices = new WeakMap<Db, MigrationNotice[]>();

/** Applies every pending migration in one transaction: a project is never left half-migrated. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  const told = db
    .transaction(() => {
      const out: MigrationNotice[] = [];
      for (const m of pending) {
        db.exec(m.sql);
        const notice = m.notice?.(db);
        if (notice) out.push(notice);
      }
      db.pragma(`user_version = ${LATEST_VERSION}`);
      return out;
    })
    .immediate();
  if (told.length > 0) notices.set(db, told);
}

/**
 * What upgrading the project on opening changed that the user must hear about (codings merged).
 * Kept with the connection that upgraded it: the migration runs once, so only the session that
 * opened the project then tells it (as a taken-over lock is told, db/lock.ts).
 */
export function migrationNotices(db: Db): readonly MigrationNotice[] {
  return notices.get(db) ?? [];
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

function mapSqliteError(e: unknown, path: string): unknown {
  if (e instanceof TresseError) return e;
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new TresseError('project.notTresse', { path });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new TresseError('project.busy', { path });
  return e;
}

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TresseError } from '../i18n/error.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ProjectContext } from './context.ts';
import { DEFAULT_MINUTES, listBackups, restoreBackup, startAutoBackup, type AutoBackup } from './backup.ts';
import { takenOverBy, type LockHolder } from '../db/lock.ts';
import type { MigrationNotice } from '../db/migrations/index.ts';
import { migrationNotices } from '../db/open.ts';
import { createProjectBeside } from './project-beside.ts';
import { defaultDocumentsDir, isDirectory, resolveProjectPath } from './project-path.ts';
import { writeFileBeside } from './write-beside.ts';
import {
  closeProject,
  getSetting,
  openProject,
  projectInfo,
  setSetting,
  switchCoder,
  type CreateProjectOptions,
  type OpenProjectOptions,
  type ProjectInfo,
} from './project.ts';

const MAX_RECENT = 10;
/** In the configuration folder: `{ "documents": "/path" }` sets where new projects go by default. */
const FOLDERS_FILE = 'folders.json';
/** The project's own automatic-backup interval, in minutes (project settings). */
const BACKUP_MINUTES = 'backup_minutes';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  /** Who codes in it on this machine, once they said so: the next opening is theirs without asking. */
  coder?: string;
}

/** Where a new project would be created, and whether something is in the way. */
export interface ResolvedProjectPath {
  path: string;
  exists: boolean;
  folderExists: boolean;
}

/**
 * What one window works on: at most one open project, the interface language, and the list of
 * recent projects (kept in the user's configuration folder, never inside a project).
 */
export class Workspace {
  ctx: ProjectContext | null = null;
  lang: Lang;
  private readonly configDir: string;
  private readonly recentFile: string;
  private readonly documentsDir: string | undefined;
  private readonly autoBackup: boolean;
  private readonly keepRecent: boolean;
  private readonly openOptions: OpenProjectOptions;
  private backups: AutoBackup | null = null;
  /** Whether the person at this machine said who is coding in the open project (else the interface asks). */
  private coderConfirmed = false;

  /**
   * The command line passes `autoBackup: false` and `keepRecent: false` (one command is no work
   * session, and the user's recent projects are the app's), and opens as OpenProjectOptions says.
   */
  constructor(options: { configDir: string; lang: Lang; autoBackup?: boolean; keepRecent?: boolean; documentsDir?: string; open?: OpenProjectOptions }) {
    this.configDir = options.configDir;
    this.recentFile = join(options.configDir, 'recent.json');
    this.documentsDir = options.documentsDir;
    this.lang = options.lang;
    this.autoBackup = options.autoBackup ?? true;
    this.keepRecent = options.keepRecent ?? true;
    this.openOptions = options.open ?? {};
  }

  /** The open project, or an error the user understands. */
  get project(): ProjectContext {
    if (!this.ctx) throw new TresseError('project.none');
    return this.ctx;
  }

  /** Creates a project where resolveNewPath says; an existing file is refused, never replaced. */
  create(path: string, options: CreateProjectOptions): ProjectInfo {
    const target = this.resolveNewPath(path);
    if (target.exists) throw new TresseError('project.exists', { path: target.path });
    if (!target.folderExists) throw new TresseError('project.folderMissing', { folder: dirname(target.path) });
    // Built beside its destination and put in place complete (see project-beside.ts).
    const { ctx } = createProjectBeside(target.path, options, () => undefined);
    return this.adopt(ctx, true);
  }

  /** The file a path typed for a new project stands for (see project-path.ts), and what is there now. */
  resolveNewPath(typed: string): ResolvedProjectPath {
    const path = resolveProjectPath(typed, this.newProjectFolder());
    return { path, exists: existsSync(path), folderExists: isDirectory(dirname(path)) };
  }

  /**
   * Where a bare project name goes: the folder of the most recent project (the demo, kept in the
   * configuration folder, does not count), else the documents folder set in folders.json or by
   * the shell, else the user's own.
   */
  newProjectFolder(): string {
    for (const { path } of this.recent()) {
      const folder = dirname(resolve(path));
      const inConfig = relative(resolve(this.configDir), folder);
      if (!inConfig.startsWith('..') && !isAbsolute(inConfig)) continue;
      if (isDirectory(folder)) return folder;
    }
    return this.documentsFolder();
  }

  /** The documents folder set in folders.json or by the shell, else the user's own. */
  documentsFolder(): string {
    const configured = this.configuredDocumentsDir() ?? this.documentsDir;
    if (configured && isDirectory(configured)) return configured;
    return defaultDocumentsDir();
  }

  private configuredDocumentsDir(): string | null {
    try {
      const folders = JSON.parse(readFileSync(join(this.configDir, FOLDERS_FILE), 'utf8')) as { documents?: unknown };
      return typeof folders.documents === 'string' && folders.documents ? folders.documents : null;
    } catch {
      return null;
    }
  }

  /**
   * Opens a project; the one already open stays open until the new one has opened. Without a coder,
   * it opens as whoever last coded in it from this machine; a project this machine never coded in
   * opens as its last coder, and the answer says to ask who is coding (askCoder).
   */
  open(path: string, coder?: string): ProjectInfo {
    if (this.ctx && resolve(this.ctx.path) === resolve(path)) {
      if (coder) this.confirmCoder(coder);
      return this.info();
    }
    const known = coder ?? this.recent().find((r) => resolve(r.path) === resolve(path))?.coder;
    const ctx = openProject(path, known, this.openOptions);
    return this.adopt(ctx, known !== undefined);
  }

  /** The open project's summary, with askCoder while nobody at this machine said who is coding. */
  info(): ProjectInfo {
    const info = projectInfo(this.project);
    return this.coderConfirmed || !this.keepRecent ? info : { ...info, askCoder: true };
  }

  /** The person at this machine codes in the open project as `name` (created if new), now and at the next opening. */
  confirmCoder(name: string): ProjectInfo {
    const ctx = this.project;
    if (name.trim() !== ctx.coder.name) switchCoder(ctx, name);
    this.coderConfirmed = true;
    const info = this.info();
    this.remember({ path: info.path, name: info.name, openedAt: new Date().toISOString(), coder: info.coder.name });
    return info;
  }

  /**
   * Opens a project as open() does, without the summary open() returns: reading it would record a
   * coder new to the project (OpenProjectOptions.newCoder 'on-first-use') before anything is
   * attributed to them. Returns the stopped program whose lock was taken over, if any.
   */
  attach(path: string, coder?: string): LockHolder | undefined {
    this.close();
    this.ctx = openProject(path, coder, this.openOptions);
    this.startBackups(true);
    return takenOverBy(this.ctx.db) ?? undefined;
  }

  /** What upgrading the open project changed that the user must hear of (see migrationNotices). */
  upgradeNotices(): readonly MigrationNotice[] {
    return this.ctx ? migrationNotices(this.ctx.db) : [];
  }

  close(): void {
    this.backups?.stop();
    this.backups = null;
    if (this.ctx) closeProject(this.ctx);
    this.ctx = null;
  }

  /**
   * Restoring replaces the project file, which needs the project closed (restoreBackup takes its
   * lock). The backup must be one of this project's; the project is reopened afterwards whether the
   * restore worked or not, as the same coder.
   */
  restore(file: string): { project: ProjectInfo; previous: string | null } {
    const { path, coder } = this.project;
    if (!listBackups(path).some((b) => b.file === file)) throw new TresseError('backup.notFound', { file });
    this.close();
    let outcome: { previous: string | null } | null = null;
    let failure: unknown = null;
    try {
      outcome = restoreBackup(path, file);
    } catch (e) {
      failure = e;
    }
    const project = this.open(path, coder.name);
    if (failure !== null || !outcome) throw failure;
    return { project, previous: outcome.previous };
  }

  private adopt(ctx: ProjectContext, coderConfirmed: boolean): ProjectInfo {
    this.close();
    this.ctx = ctx;
    this.coderConfirmed = coderConfirmed;
    // A backup now (the state the researcher starts from), then every few minutes of work.
    this.startBackups(true);
    const info = this.info();
    this.remember({ path: info.path, name: info.name, openedAt: new Date().toISOString(), ...(coderConfirmed ? { coder: info.coder.name } : {}) });
    return info;
  }

  /** Minutes between automatic backups of the open project (its setting, or the default). */
  backupMinutes(): number {
    const minutes = Number(getSetting(this.project.db, BACKUP_MINUTES));
    return Number.isInteger(minutes) && minutes > 0 ? minutes : DEFAULT_MINUTES;
  }

  /** Keeps the interval in the project and restarts the timer with it. */
  setBackupMinutes(minutes: number): void {
    const ctx = this.project;
    ctx.db.transaction(() => setSetting(ctx.db, BACKUP_MINUTES, String(minutes)))();
    this.startBackups(false);
  }

  private startBackups(atStart: boolean): void {
    this.backups?.stop();
    this.backups = null;
    if (!this.autoBackup || !this.ctx) return;
    this.backups = startAutoBackup(this.ctx, {
      atStart,
      minutes: this.backupMinutes(),
      onError: (e) => console.error('[tresse] backup:', e),
    });
  }

  recent(): RecentProject[] {
    try {
      const list = JSON.parse(readFileSync(this.recentFile, 'utf8')) as unknown;
      return Array.isArray(list) ? (list as RecentProject[]).filter((r) => typeof r?.path === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(entry: RecentProject): void {
    if (!this.keepRecent) return;
    const list = [entry, ...this.recent().filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.recentFile), { recursive: true });
    writeFileBeside(this.recentFile, JSON.stringify(list, null, 2));
  }
}

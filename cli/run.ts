// One command being run: its arguments and options, how it speaks to the user, and the project it
// works on, reached only through the contract (cli/api.ts).
import { resolve } from 'node:path';
import { cliMessages, pluralForm, type CliMessage, type CliPluralMessage } from '../i18n/cli.ts';
import { isTresseError } from '../i18n/error.ts';
import { interpolate, type Lang } from '../i18n/lang.ts';
import { robustnessMessage } from '../i18n/robustness.ts';
import { parseSourceKind } from '../model/kinds.ts';
import type { SourceKind } from '../model/types.ts';
import { defaultConfigDir } from '../server/config-dir.ts';
import type { TresseApi } from '../service/contract/index.ts';
import { Workspace } from '../service/workspace.ts';
import { cliApi } from './api.ts';
import { UsageError, type CliIo } from './io.ts';
import type { Values } from './options.ts';

/** SQLite's own default page cache: enough for one command, and 14 MB less at the peak of a long import. */
const CLI_PAGE_CACHE_KB = 2000;

export type Say = (key: CliMessage, params?: Record<string, unknown>) => string;

export function sayIn(lang: Lang): Say {
  return (key, params = {}) => interpolate(cliMessages[key][lang], params);
}

export class CommandRun {
  readonly say: Say;

  constructor(
    readonly io: CliIo,
    readonly values: Values,
    readonly args: string[],
    readonly lang: Lang,
  ) {
    this.say = sayIn(lang);
  }

  /** The same command with its first argument (a sub-command's name) taken off. */
  sub(): CommandRun {
    return new CommandRun(this.io, this.values, this.args.slice(1), this.lang);
  }

  arg(i: number, what: string): string {
    const v = this.args[i];
    if (v === undefined) throw new UsageError(this.say('cli.missing', { what }));
    return v;
  }

  path(i: number): string {
    return resolve(this.io.cwd, this.arg(i, 'PROJET / PROJECT'));
  }

  /** A message in its singular or plural form, `count` filled in. */
  sayN(key: CliPluralMessage, count: number, params: Record<string, unknown> = {}): string {
    return this.say(`${key}.${pluralForm(this.lang, count)}` as CliMessage, { count, ...params });
  }

  /** A --kind value as users write it; an unknown one is bad usage, answered with the accepted kinds. */
  kind(value: string): SourceKind {
    try {
      return parseSourceKind(value);
    } catch (e) {
      if (isTresseError(e) && e.code === 'source.kind') throw new UsageError(e.format(this.lang));
      throw e;
    }
  }

  print(json: unknown, text: () => string): void {
    this.io.out(this.values.json ? JSON.stringify(json, null, 2) : text());
  }

  /**
   * A workspace for this one command: no automatic backup, no entry in the user's recent
   * projects. Reads do not take the project's lock, so they work while the desktop app has it
   * open; writes do. A coder new to the project is recorded with the first change attributed to
   * them, so a refused command leaves the file byte for byte as it was.
   */
  private workspace(writes: boolean): Workspace {
    return new Workspace({
      configDir: defaultConfigDir(this.io.env as NodeJS.ProcessEnv),
      lang: this.lang,
      autoBackup: false,
      keepRecent: false,
      open: { lock: writes, newCoder: 'on-first-use', pageCacheKb: CLI_PAGE_CACHE_KB },
    });
  }

  /** The contract with no project open (creating one, or methods that need none). */
  async session<T>(fn: (api: TresseApi) => T | Promise<T>): Promise<T> {
    const ws = this.workspace(true);
    try {
      return await fn(cliApi(ws));
    } finally {
      ws.close();
    }
  }

  /**
   * The contract over the project named by the first argument, open for the length of `fn`.
   * Commands that change it act as --coder; read commands use --coder as a filter and never add a coder.
   */
  async withProject<T>(fn: (api: TresseApi) => T | Promise<T>, writes = false): Promise<T> {
    const ws = this.workspace(writes);
    const stale = ws.attach(this.path(0), writes ? this.values.coder : undefined);
    if (stale) this.io.err(robustnessMessage('lock.takenOver', this.lang, stale));
    try {
      const notices = ws.upgradeNotices();
      if (notices.length > 0) {
        // The interface's whole catalogue, for a message shown once per project at most: not
        // parsed at every start.
        const t = (await import('../i18n/catalogue.ts')).translator(this.lang);
        for (const notice of notices) this.io.err(t('upgrade.codingsMerged', { count: notice.count }));
      }
      return await fn(cliApi(ws));
    } finally {
      ws.close();
    }
  }

  withProjectAs<T>(fn: (api: TresseApi) => T | Promise<T>): Promise<T> {
    return this.withProject(fn, true);
  }
}

/** A whole number typed as an option's value; anything else is bad usage. */
export function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${name} ${value}`);
  return Number(value);
}

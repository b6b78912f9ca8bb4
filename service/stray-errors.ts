// Errors nobody was waiting for: a promise rejected with no handler (a parser library's internal
// promise, for one) or an exception thrown from a callback. Node's default is to print a stack
// trace and end the process, which in the browser mode or the desktop app ends every open window's
// work, and from the command line leaves the project's lock, -wal and -shm behind. Instead:
// - 'serve' (browser server, desktop main process): report in the user's language and carry on
//   serving. Each change to a project is one SQLite transaction, so an operation cut short leaves
//   nothing half-saved.
// - 'command' (the command line): report, and make the command fail (exit code 1) without a stack
//   trace; after a stray exception the process stops at once, closing its projects first.
import { closeHeldProjects } from '../db/lock.ts';
import { isTresseError } from '../i18n/error.ts';
import { langFrom, type Lang } from '../i18n/lang.ts';
import { robustnessMessage } from '../i18n/robustness.ts';

export interface StrayErrorOptions {
  mode: 'serve' | 'command';
  /** The user's language, asked at the moment of reporting (it may change while the app runs). */
  lang: Lang | (() => Lang);
}

let installed: { uninstall: () => void; failures: () => number } | null = null;

/**
 * Installs the process-wide handlers (once; a second call returns the first installation).
 * `report` receives one message in the user's language and the error itself, for a log.
 */
export function installStrayErrorHandlers(
  report: (message: string, error: unknown) => void,
  options: StrayErrorOptions,
): { uninstall: () => void; failures: () => number } {
  if (installed) return installed;
  const lang = () => (typeof options.lang === 'function' ? options.lang() : options.lang);
  let failures = 0;
  const tell = (error: unknown) => {
    failures++;
    const key = options.mode === 'command' ? 'stray.command' : 'stray.background';
    try {
      report(robustnessMessage(key, lang(), { detail: detailOf(error, lang()) }), error);
    } catch {
      // A failing report must not turn one stray error into a crash.
    }
  };
  const onRejection = (reason: unknown) => tell(reason);
  const onException = (error: unknown) => {
    tell(error);
    if (options.mode === 'command') {
      closeHeldProjects();
      process.exit(1);
    }
  };
  // A command whose work was cut short by a stray rejection may still end "normally": it failed.
  const onExit = () => {
    if (options.mode !== 'command') return;
    closeHeldProjects();
    if (failures > 0 && !process.exitCode) process.exitCode = 1;
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  process.on('exit', onExit);
  installed = {
    uninstall() {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      process.off('exit', onExit);
      installed = null;
    },
    failures: () => failures,
  };
  return installed;
}

/** One line about the error: the user's own message when it is one of ours, else the library's. */
function detailOf(error: unknown, lang: Lang): string {
  if (isTresseError(error)) return error.format(lang);
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0]!;
  return String(error).split('\n')[0]!;
}

/** The command line's language before its arguments are parsed: --lang, else the environment (as runCli does). */
export function commandLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const flag = at < 0 ? undefined : argv[at]!.startsWith('--lang=') ? argv[at]!.slice(7) : argv[at + 1];
  return langFrom(flag ?? env.TRESSE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

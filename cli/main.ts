// `tresse`: parses the command line, runs the command, and turns what happened into an exit code
// (0 done, 1 a user error worded in the user's language, 2 bad usage) and words on stderr.
import { resolve } from 'node:path';
import { isTresseError } from '../i18n/error.ts';
import { langFrom, type Lang } from '../i18n/lang.ts';
import { systemErrorOf } from '../i18n/node-errors.ts';
import { CallError } from './api.ts';
import { coreCommands } from './commands/core.ts';
import { loadCommand } from './commands/index.ts';
import { fileErrorOf } from './files.ts';
import { UsageError, type CliIo } from './io.ts';
import { OPTIONS, parseOptions } from './options.ts';
import { CommandRun, sayIn } from './run.ts';
import { laxParse, parseErrorDetail, usageLines } from './usage.ts';

export type { CliIo } from './io.ts';

/** Runs one `tresse` command; returns the exit code (0 done, 1 user error, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let lang: Lang = langFrom(io.env.TRESSE_LANG ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  let command: string | undefined;
  // Named in a message when SQLite refuses the project file (its errors name no file).
  let project: string | undefined;
  try {
    let parsed;
    try {
      parsed = parseOptions(argv);
    } catch (e) {
      const lax = laxParse(argv, OPTIONS);
      if (lax.lang) lang = langFrom(lax.lang);
      command = lax.command;
      throw new UsageError(parseErrorDetail(e, sayIn(lang)));
    }
    const { values, positionals } = parsed;
    if (values.lang) lang = langFrom(values.lang);
    const [first, ...rest] = positionals;
    command = first;
    const named = rest.find((a) => /\.tresse$/i.test(a));
    project = named === undefined ? undefined : resolve(io.cwd, named);
    if (values.help || !command) {
      io.out(sayIn(lang)('cli.usage'));
      return values.help ? 0 : 2;
    }
    const run = new CommandRun(io, values, rest, lang);
    const own = Object.hasOwn(coreCommands, command) ? coreCommands[command] : await loadCommand(command);
    if (!own) throw new UsageError(run.say('cli.unknownCommand', { name: command }));
    await own(run);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(usageLines(sayIn(lang), lang, e.message, command).join('\n'));
      return 2;
    }
    if (e instanceof CallError) {
      io.err(e.message);
      return 1;
    }
    const user = isTresseError(e) ? e : (systemErrorOf(e, project) ?? fileErrorOf(e));
    if (user) {
      io.err(user.format(lang));
      return 1;
    }
    io.err(sayIn(lang)('cli.internal', { message: (e as Error).stack ?? String(e) }));
    return 1;
  }
}

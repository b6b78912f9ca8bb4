// What bad usage prints: one line saying what is wrong, then the usage of that command only.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { cliMessages, type CliMessage } from '../i18n/cli.ts';
import type { Lang } from '../i18n/lang.ts';

type Say = (key: CliMessage, params?: Record<string, unknown>) => string;

/**
 * The lines of the full usage text that describe `command`: its own lines (a command with
 * sub-commands has several), each with the indented lines that continue it.
 */
export function commandUsage(lang: Lang, command: string): string[] {
  const escaped = command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // At the start of a line, or further along a line that lists several short commands.
  const starts = new RegExp(`^  ${escaped} |\\s{2}${escaped} (?:PROJET|PROJECT)\\b`);
  const lines = cliMessages['cli.usage'][lang].split('\n');
  const found: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (/^ {3,}\S/.test(line)) {
      if (inside) found.push(line);
      continue;
    }
    inside = starts.test(line);
    if (inside) found.push(line);
  }
  return found;
}

/** The one-line complaint, the command's usage if it is known, and where the full help is. */
export function usageLines(say: Say, lang: Lang, detail: string, command: string | undefined): string[] {
  const own = command ? commandUsage(lang, command) : [];
  return [
    say('cli.badUsage', { detail }),
    ...(own.length ? [say('cli.usageOf'), ...own.map((line) => (/^ {3}/.test(line) ? `       ${line}` : line.replace(/^ {2}/, '  tresse ')))] : []),
    say('cli.helpHint'),
  ];
}

/** Node's parseArgs complaints, which are in English, in the user's language. */
export function parseErrorDetail(e: unknown, say: Say): string {
  const error = e as { code?: string; message?: string };
  const message = error.message ?? String(e);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  // "'-h, --help'" and "'--coder <value>'": the long name is the one people type.
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? quoted;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return say('cli.unknownOption', { option });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) return say('cli.optionNeedsValue', { option });
    if (/does not take an argument/.test(message)) return say('cli.optionTakesNoValue', { option });
    if (/ambiguous/.test(message)) return say('cli.optionValueDash', { option });
  }
  return message;
}

/** The command and --lang of a command line that did not parse, to answer in kind. */
export function laxParse(argv: string[], options: ParseArgsConfig['options']): { command?: string; lang?: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: false });
    return {
      ...(positionals[0] !== undefined ? { command: positionals[0] } : {}),
      ...(typeof values.lang === 'string' ? { lang: values.lang } : {}),
    };
  } catch {
    return {};
  }
}

import type { CommandRun } from '../main.ts';
import { agreementCommands } from './agreement.ts';
import { compareCommands } from './compare.ts';
import { exchangeCommands } from './exchange.ts';
import { backup, backups, restore } from './backup.ts';
import { edit } from './edit.ts';
import { pseudonymize } from './pseudonymize.ts';
import { matrixCommands } from './matrix.ts';

/**
 * Commands that live in their own files (matrix, agreement, exchange...), by name. Each gets the
 * run (arguments, options, output, project opening) and throws TresseError or UsageError.
 * Options they use must be declared in OPTIONS in cli/main.ts.
 */
export const EXTRA_COMMANDS: Record<string, (run: CommandRun) => void | Promise<void>> = {
  pseudonymize,
  edit,
  backup,
  backups,
  restore,
  ...exchangeCommands,
  ...compareCommands,
  ...agreementCommands,
  ...matrixCommands,
};

import type { CommandRun } from '../main.ts';

/**
 * Commands that live in their own files (matrix, agreement, exchange...), by name. Each gets the
 * run (arguments, options, output, project opening) and throws TresseError or UsageError.
 * Options they use must be declared in OPTIONS in cli/main.ts.
 */
export const EXTRA_COMMANDS: Record<string, (run: CommandRun) => void | Promise<void>> = {};

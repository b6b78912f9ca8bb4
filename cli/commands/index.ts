import type { CommandRun } from '../run.ts';

export type Command = (run: CommandRun) => void | Promise<void>;

/**
 * Each group is loaded only when one of its commands runs: they pull in exceljs, docx, d3, the
 * REFI-QDA reader and the like, which would otherwise be parsed at every start of `tresse`, even
 * for `--help` or a one-line read.
 */
const groups = {
  agreement: () => import('./agreement.ts').then((m) => m.agreementCommands),
  backup: () => import('./backup.ts'),
  call: () => import('./call.ts'),
  compare: () => import('./compare.ts').then((m) => m.compareCommands),
  edit: () => import('./edit.ts'),
  exchange: () => import('./exchange.ts').then((m) => m.exchangeCommands),
  matrix: () => import('./matrix.ts').then((m) => m.matrixCommands),
  pseudonymize: () => import('./pseudonymize.ts'),
  ratings: () => import('./ratings.ts').then((m) => m.ratingCommands),
  sets: () => import('./sets.ts').then((m) => m.setCommands),
  similar: () => import('./similar.ts'),
  suggest: () => import('./suggest.ts').then((m) => m.suggestCommands),
};
type Group = keyof typeof groups;

/** The names each group answers to, checked against what the group's module exports. */
function names<G extends Group>(group: G, ...commands: Array<keyof Awaited<ReturnType<(typeof groups)[G]>> & string>) {
  return Object.fromEntries(commands.map((name) => [name, group])) as Record<string, Group>;
}

/**
 * Commands that live in their own files (matrix, agreement, exchange...), by name, with the group
 * that holds them. Each gets the run (arguments, options, output, the contract over the project)
 * and throws TresseError or UsageError. Options they use must be declared in cli/options.ts.
 */
export const EXTRA_COMMANDS: Record<string, Group> = {
  ...names('call', 'call'),
  ...names('pseudonymize', 'pseudonymize'),
  ...names('edit', 'edit'),
  ...names('backup', 'backup', 'backups', 'restore'),
  ...names('exchange', 'export', 'import-qdpx', 'import-qdc', 'merge', 'exchange-report'),
  ...names('compare', 'compare-codebooks'),
  ...names('agreement', 'agreement', 'disagreements', 'resolve', 'done'),
  ...names('ratings', 'agreement-ratings'),
  ...names('sets', 'sets', 'set'),
  ...names('similar', 'similar'),
  ...names('suggest', 'suggest'),
  ...names('matrix', 'matrix', 'synthesis', 'verdict', 'question', 'columns', 'citation', 'language'),
};

/** Loads the command called `name`, or undefined when there is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const group = Object.hasOwn(EXTRA_COMMANDS, name) ? EXTRA_COMMANDS[name] : undefined;
  if (!group) return undefined;
  const commands = (await groups[group]()) as Record<string, Command | undefined>;
  return commands[name];
}

/** Every group's commands, loaded (for the check that each one is reachable by its name). */
export async function loadAllCommandGroups(): Promise<Record<string, Record<string, unknown>>> {
  const entries = await Promise.all(Object.entries(groups).map(async ([g, load]) => [g, (await load()) as Record<string, unknown>] as const));
  return Object.fromEntries(entries);
}

// What every command shares with the entry point: the streams it writes to, and bad usage.

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Bad usage (exit 2), as opposed to a user error about the project's content (exit 1). */
export class UsageError extends Error {}

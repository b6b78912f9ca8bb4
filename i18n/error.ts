import { errorMessages, type ErrorCode } from './errors.ts';
import { interpolate, type Lang } from './lang.ts';

/**
 * A failure the user can act on: bad input, a missing code, a refused file. Carries a message key
 * so each front end (command line, desktop, browser) words it in the user's language.
 * Anything else thrown is a bug.
 */
export class TresseError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(interpolate(errorMessages[code].en, params));
    this.name = 'TresseError';
  }

  format(lang: Lang): string {
    return interpolate(errorMessages[this.code][lang], this.params);
  }
}

export function isTresseError(e: unknown): e is TresseError {
  return e instanceof TresseError;
}

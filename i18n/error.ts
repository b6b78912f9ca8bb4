import { errorMessages, type ErrorCode } from './errors.ts';
import { interpolate, type Lang } from './lang.ts';

/** Marks a TresseError whichever copy of this module made it (see hasInstance below). */
const BRAND = Symbol.for('tresse.TresseError');

/**
 * A failure the user can act on: bad input, a missing code, a refused file. Carries a message key
 * so each front end (command line, desktop, browser) words it in the user's language.
 * Anything else thrown is a bug.
 */
export class TresseError extends Error {
  /**
   * The contract loads a feature's service when first called, and tests reset the module
   * registry: an error from another copy of this module is still the user's error, not a bug.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: boolean })[BRAND] === true;
  }

  readonly [BRAND] = true;

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

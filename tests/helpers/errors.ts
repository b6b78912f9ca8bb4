import type { TresseError } from '../../i18n/error.ts';

/** The error `fn` throws, for assertions on its code and wording; fails the test when none is thrown. */
export function errorOf(fn: () => unknown): TresseError {
  try {
    fn();
  } catch (e) {
    return e as TresseError;
  }
  throw new Error('no error');
}

import type { Translate } from '../../i18n/catalogue.ts';
import { ApiError } from '../api/client.ts';

/** The text to show for a failure: the server's own wording, or ours when it never answered. */
export function errorText(e: unknown, t: Translate): string {
  if (e instanceof ApiError) return e.code === 'network' || e.code.startsWith('http.') ? t('error.unreachable') : e.message;
  return t('error.unexpected', { detail: e instanceof Error ? e.message : String(e) });
}

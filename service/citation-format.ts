// The project's citation format (a setting): how every export and the interface say where a
// quotation comes from. Kept as the template the researcher typed, checked before it is stored.
import type { Db } from '../db/open.ts';
import { CITATION_PLACEHOLDERS, DEFAULT_CITATION, parseCitationFormat, type CitationFormat } from '../analysis/quotes/citation.ts';
import type { ProjectContext } from './context.ts';
import { getSetting, setSetting } from './project.ts';

const KEY = 'citation_format';

export interface CitationSetting {
  template: string;
  defaultTemplate: string;
  placeholders: readonly string[];
}

/** The stored format, or the default when none was set (or a stored one no longer parses). */
export function citationFormat(db: Db): CitationFormat {
  const stored = getSetting(db, KEY);
  if (stored !== undefined) {
    try {
      return parseCitationFormat(stored);
    } catch {
      // Written by a later version knowing more placeholders: cite with the default rather than fail an export.
    }
  }
  return parseCitationFormat(DEFAULT_CITATION);
}

export function citationSetting(db: Db): CitationSetting {
  return { template: citationFormat(db).template, defaultTemplate: DEFAULT_CITATION, placeholders: CITATION_PLACEHOLDERS };
}

/** Checks the template (a clear error and nothing stored when it is wrong); an empty one goes back to the default. */
export function setCitationFormat(ctx: ProjectContext, template: string): CitationSetting {
  const wanted = template.trim() === '' ? DEFAULT_CITATION : template.trim();
  parseCitationFormat(wanted);
  ctx.db.transaction(() => setSetting(ctx.db, KEY, wanted))();
  return citationSetting(ctx.db);
}

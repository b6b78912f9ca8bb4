// What a file holds that Tresse reads (or may read) but does not write back: told in the import
// report, so that a round trip through Tresse loses nothing silently (REFI-QDA 1.5, section 7).
// Sets and graphs are reported on their own (read-project.ts).
import { warning, type ImportWarning } from './warnings.ts';
import type { XmlElement } from './xml.ts';

/** `element` is the element (and `attribute` its attribute) as REFI-QDA names them; `parent` narrows it. */
interface Rule {
  element: string;
  parent?: string;
  attribute?: string;
}

const RULES: readonly Rule[] = [
  { element: 'Project', attribute: 'creatingUserGUID' },
  { element: 'Project', attribute: 'creationDateTime' },
  { element: 'Project', attribute: 'basePath' },
  // Becomes a project memo, written back as a note.
  { element: 'Description', parent: 'Project' },
  { element: 'Description', parent: 'TextSource' },
  { element: 'Description', parent: 'Variable' },
  // Joined to the note's text.
  { element: 'Description', parent: 'Note' },
  { element: 'Note', attribute: 'creatingUser' },
  { element: 'Note', attribute: 'creationDateTime' },
  { element: 'TextSource', attribute: 'richTextPath' },
  { element: 'PlainTextSelection', attribute: 'name' },
  // Attached to the selection's first coding, and written back there.
  { element: 'NoteRef', parent: 'PlainTextSelection' },
  { element: '*', attribute: 'modifyingUser' },
  { element: '*', attribute: 'modifyingUserGUID' },
  { element: '*', attribute: 'modifiedDateTime' },
];

const SKIPPED = new Set(['Sets', 'Graphs']);

function label(r: Rule): string {
  return `${r.parent ? `${r.parent}/` : ''}${r.element === '*' ? '' : r.element}${r.attribute ? `@${r.attribute}` : ''}`;
}

export function notKept(root: XmlElement): ImportWarning[] {
  const counts = new Map<Rule, number>();
  const visit = (el: XmlElement, parent: string | null): void => {
    for (const r of RULES) {
      if (r.element !== '*' && r.element !== el.name) continue;
      if (r.parent !== undefined && r.parent !== parent) continue;
      if (r.attribute !== undefined && !(r.attribute in el.attrs)) continue;
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    for (const c of el.children) if (!(el === root && SKIPPED.has(c.name))) visit(c, el.name);
  };
  visit(root, null);
  return RULES.filter((r) => counts.has(r)).map((r) => warning('refi.notKept', { element: label(r), count: counts.get(r)! }));
}

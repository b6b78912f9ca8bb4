// What the reader changed in form without losing anything: GUIDs in one case, names and texts in
// NFC with plain line ends, UTF-16 read as text, codings credited to someone. Nothing here changes
// the snapshot; it only says so, for the import report (issue 14: "what will be adapted").
import { normaliseGuid } from './guid.ts';
import type { ReadContext } from './read-context.ts';
import { nameList, warning, type ImportWarning } from './warnings.ts';
import { label, type XmlElement } from './xml.ts';

/** REFI-QDA attributes that hold a GUID: `guid`, every `...GUID`, and the users' references. */
function holdsGuid(attribute: string): boolean {
  return attribute === 'guid' || attribute.endsWith('GUID') || attribute === 'creatingUser' || attribute === 'modifyingUser';
}

function walk(el: XmlElement, guids: Set<string>, names: string[]): void {
  for (const [attribute, value] of Object.entries(el.attrs)) {
    if (holdsGuid(attribute) && value.trim() !== '' && normaliseGuid(value) !== value) guids.add(normaliseGuid(value));
    else if (attribute === 'name' && label(value) !== value) names.push(label(value));
  }
  for (const c of el.children) walk(c, guids, names);
}

/** One entry per kind of adaptation made while reading the project under `root`. */
export function readAdaptations(ctx: ReadContext, root: XmlElement): ImportWarning[] {
  const guids = new Set<string>();
  const names: string[] = [];
  walk(root, guids, names);
  const out: ImportWarning[] = [];
  if (guids.size > 0) out.push(warning('refi.guidsNormalised', { count: guids.size }));
  const distinctNames = [...new Set(names)];
  if (distinctNames.length > 0) out.push(warning('refi.namesNormalised', { count: distinctNames.length, names: nameList(distinctNames) }));
  const texts = ctx.adaptedTexts;
  if (texts.crlf.length > 0) out.push(warning('refi.lineEndsConverted', { count: texts.crlf.length, names: nameList(texts.crlf) }));
  if (texts.decomposed.length > 0) out.push(warning('refi.textComposed', { count: texts.decomposed.length, names: nameList(texts.decomposed) }));
  if (texts.utf16.length > 0) out.push(warning('refi.textUtf16', { count: texts.utf16.length, names: nameList(texts.utf16) }));
  if (ctx.codingsCreditedToCreator > 0) {
    const creator = ctx.users.find((u) => u.guid === ctx.projectCreator);
    out.push(warning('refi.codingsCreditedToCreator', { count: ctx.codingsCreditedToCreator, user: creator?.name ?? ctx.projectCreator ?? '' }));
  }
  if (ctx.undeclaredUsers.length > 0) out.push(warning('refi.usersUndeclared', { count: ctx.undeclaredUsers.length, names: nameList(ctx.undeclaredUsers) }));
  return out;
}

// A project's <Sets> (NVivo sets, MAXQDA document and code sets, ATLAS.ti groups), other than the
// "coding done" sets read beforehand (DONE_SET). A Tresse set groups one kind of member, so:
// - a set of sources and codes is kept as two sets of the same name (names are unique per kind):
//   the sources set keeps the GUID, the codes set gets one derived from it, and the user is told;
// - a member naming nothing imported (a source skipped, a GUID that is nowhere) is dropped with a
//   warning, and the set kept with its other members, empty if need be (its name still says something);
// - notes as members (MemberNote) are reported, not kept;
// - a set without members is a sources set (document sets are the common case).
import { derivedGuid, normaliseGuid } from './guid.ts';
import type { ReadContext } from './read-context.ts';
import type { SnapshotSet } from './snapshot.ts';
import { warning } from './warnings.ts';
import { attr, child, childText, children, label, type XmlElement } from './xml.ts';

/** The GUID of the codes half of a set that mixed sources and codes. */
export const codesHalfGuid = (setGuid: string): string => derivedGuid(`tresse-set-codes:${setGuid}`);

export function readSets(ctx: ReadContext, root: XmlElement, taken: ReadonlySet<XmlElement>): SnapshotSet[] {
  const list = child(root, 'Sets');
  const out: SnapshotSet[] = [];
  const seen = new Set<string>();
  (list ? children(list, 'Set') : []).forEach((el, i) => {
    if (taken.has(el)) return;
    const guid = ctx.guidOf(el, `set:${i}`);
    if (!ctx.claim(seen, 'set', guid)) return;
    const name = label(attr(el, 'name')) ?? guid;
    const description = label(childText(el, 'Description')) ?? '';
    const targets = (member: string) => [...new Set(children(el, member).map((m) => normaliseGuid(attr(m, 'targetGUID') ?? '')))];
    const sources = targets('MemberSource');
    const codes = targets('MemberCode');
    const keptSources = sources.filter((g) => ctx.sourceGuids.has(g));
    const keptCodes = codes.filter((g) => ctx.codeGuids.has(g));
    const missing = sources.length - keptSources.length + codes.length - keptCodes.length;
    if (missing > 0) ctx.warnings.push(warning('refi.setMembersMissing', { name, count: missing }));
    const notes = children(el, 'MemberNote').length;
    if (notes > 0) ctx.warnings.push(warning('refi.setNotesSkipped', { name, count: notes }));
    const mixed = sources.length > 0 && codes.length > 0;
    if (mixed) ctx.warnings.push(warning('refi.setSplit', { name }));
    if (sources.length > 0 || codes.length === 0) out.push({ guid, name, description, kind: 'sources', memberGuids: keptSources });
    if (codes.length > 0) out.push({ guid: mixed ? codesHalfGuid(guid) : guid, name, description, kind: 'codes', memberGuids: keptCodes });
  });
  return out;
}

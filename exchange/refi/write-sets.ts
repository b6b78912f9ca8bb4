// The project's <Sets>: each user's "coding done" marks (DONE_SET) and the user's own sets of
// sources and of codes, members that are not in the snapshot left out.
import { guidForExport } from './guid.ts';
import { DONE_SET, type ProjectSnapshot } from './snapshot.ts';
import type { XmlOut } from './xml.ts';

export function writeSets(out: XmlOut, s: ProjectSnapshot): void {
  const g = guidForExport;
  const done = (s.done ?? []).filter((d) => d.sourceGuids.length > 0);
  const sets = s.sets ?? [];
  if (done.length === 0 && sets.length === 0) return;
  const userName = new Map(s.users.map((u) => [u.guid, u.name]));
  const held = { sources: new Set(s.sources.map((x) => x.guid)), codes: new Set(s.codes.map((x) => x.guid)) };
  out.open('Sets');
  for (const d of done) {
    out.open('Set', { guid: DONE_SET.guidOf(d.userGuid), name: DONE_SET.name(userName.get(d.userGuid) ?? d.userGuid) });
    out.text('Description', DONE_SET.description);
    for (const sourceGuid of d.sourceGuids) out.empty('MemberSource', { targetGUID: g(sourceGuid) });
    out.close('Set');
  }
  for (const set of sets) {
    out.open('Set', { guid: g(set.guid), name: set.name });
    if (set.description !== '') out.text('Description', set.description);
    const member = set.kind === 'sources' ? 'MemberSource' : 'MemberCode';
    for (const guid of set.memberGuids) if (held[set.kind].has(guid)) out.empty(member, { targetGUID: g(guid) });
    out.close('Set');
  }
  out.close('Sets');
}

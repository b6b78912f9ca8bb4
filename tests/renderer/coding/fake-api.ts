// An in-memory stand-in for the few API methods the undo history calls, with the same rules that
// matter here: new ids on every insert, GUIDs kept when given, deleting a code takes its codings.
import type { Code, Coding } from '../../../model/types.ts';
import type { HistoryApi } from '../../../renderer/coding/history.ts';
import type { CodeWithCount } from '../../../service/codebook.ts';

export class FakeApi implements HistoryApi {
  codes = new Map<number, Code>();
  codings = new Map<number, Coding>();
  private nextId = 1;
  private nextGuid = 1;
  calls: string[] = [];

  private guid(given?: string): string {
    return given ?? `guid-${this.nextGuid++}`;
  }

  async acceptSuggestion(args: Parameters<HistoryApi['acceptSuggestion']>[0]): Promise<Coding> {
    return this.addCoding(args);
  }

  async addCoding(args: Parameters<HistoryApi['addCoding']>[0]): Promise<Coding> {
    this.calls.push('addCoding');
    if (!this.codes.has(args.codeId)) throw new Error(`no code ${args.codeId}`);
    if ([...this.codings.values()].some((c) => c.guid === args.guid)) throw new Error('duplicate guid');
    const coding: Coding = {
      id: this.nextId++,
      guid: this.guid(args.guid),
      sourceId: args.sourceId,
      codeId: args.codeId,
      coderId: 1,
      start: args.start,
      end: args.end,
      createdAt: '2026-01-01T00:00:00Z',
      valence: args.valence ?? null,
      segmentKind: args.segmentKind ?? 'verbatim',
      memo: args.memo?.trim() ? args.memo.trim() : null,
    };
    this.codings.set(coding.id, coding);
    return structuredClone(coding);
  }

  async removeCoding({ id }: { id: number }): Promise<Coding> {
    this.calls.push('removeCoding');
    const coding = this.codings.get(id);
    if (!coding) throw new Error(`no coding ${id}`);
    this.codings.delete(id);
    return structuredClone(coding);
  }

  // Extending is tested on a real project (tests/renderer/coding/extend-command.test.ts): its rules
  // (unions, memos moving and coming back) are the service's, not worth copying here.
  extendCoding(): Promise<never> {
    return Promise.reject(new Error('extendCoding: not in this stand-in'));
  }

  undoExtendCoding(): Promise<never> {
    return Promise.reject(new Error('undoExtendCoding: not in this stand-in'));
  }

  async addCode(args: Parameters<HistoryApi['addCode']>[0]): Promise<Code> {
    this.calls.push('addCode');
    const parentId = args.parentId ?? null;
    const code: Code = {
      id: this.nextId++,
      guid: this.guid(args.guid),
      parentId,
      name: args.name,
      abbrev: args.abbrev ?? null,
      color: args.color ?? '#999999',
      definition: args.definition ?? '',
      inclusion: '',
      exclusion: '',
      example: '',
      codable: args.codable ?? true,
      position: [...this.codes.values()].filter((c) => c.parentId === parentId).length,
    };
    this.codes.set(code.id, code);
    return structuredClone(code);
  }

  async updateCode({ id, changes }: Parameters<HistoryApi['updateCode']>[0]) {
    this.calls.push('updateCode');
    const before = this.codes.get(id);
    if (!before) throw new Error(`no code ${id}`);
    const after = { ...before, ...changes };
    this.codes.set(id, after);
    return { before: structuredClone(before), after: structuredClone(after) };
  }

  async moveCode({ id, parentId, position }: Parameters<HistoryApi['moveCode']>[0]): Promise<Code> {
    this.calls.push('moveCode');
    const code = this.codes.get(id)!;
    const siblings = this.siblings(parentId).filter((c) => c.id !== id);
    const at = position === undefined ? siblings.length : Math.max(0, Math.min(position, siblings.length));
    siblings.splice(at, 0, code);
    code.parentId = parentId;
    siblings.forEach((c, i) => (c.position = i));
    return structuredClone(code);
  }

  siblings(parentId: number | null): Code[] {
    return [...this.codes.values()].filter((c) => c.parentId === parentId).sort((a, b) => a.position - b.position || a.id - b.id);
  }

  async mergeCodes({ fromId, intoId }: { fromId: number; intoId: number }) {
    this.calls.push('mergeCodes');
    let moved = 0;
    for (const c of this.codings.values()) {
      if (c.codeId !== fromId) continue;
      c.codeId = intoId;
      moved++;
    }
    this.codes.delete(fromId);
    return { moved, duplicates: 0 };
  }

  async deleteCode({ id }: { id: number; confirm?: boolean }) {
    this.calls.push('deleteCode');
    const code = this.codes.get(id);
    if (!code) throw new Error(`no code ${id}`);
    let codings = 0;
    for (const [cid, c] of this.codings) {
      if (c.codeId !== id) continue;
      this.codings.delete(cid);
      codings++;
    }
    this.codes.delete(id);
    return { codes: [code], codings };
  }

  // The compound methods, built from the single ones: all-or-nothing is the service's to prove
  // (tests/service/compound-changes.test.ts), on a real project file.
  async addCodings({ codings }: Parameters<HistoryApi['addCodings']>[0]): Promise<Coding[]> {
    const made: Coding[] = [];
    for (const c of codings) made.push(await this.addCoding(c));
    return made;
  }

  async removeCodings({ ids }: Parameters<HistoryApi['removeCodings']>[0]): Promise<Coding[]> {
    const removed: Coding[] = [];
    for (const id of ids) removed.push(await this.removeCoding({ id }));
    return removed;
  }

  async addCodeAndCoding({ code, passage }: Parameters<HistoryApi['addCodeAndCoding']>[0]) {
    const made = await this.addCode(code);
    return { code: made, coding: await this.addCoding({ ...passage, codeId: made.id }) };
  }

  async removeCodeAndCoding({ codeId, codingId }: Parameters<HistoryApi['removeCodeAndCoding']>[0]) {
    const coding = await this.removeCoding({ id: codingId });
    const { codes } = await this.deleteCode({ id: codeId });
    return { code: codes[0]!, coding };
  }

  async listCodes(): Promise<CodeWithCount[]> {
    this.calls.push('listCodes');
    return [...this.codes.values()].map((c) => ({
      ...structuredClone(c),
      codingCount: [...this.codings.values()].filter((k) => k.codeId === c.id).length,
    }));
  }
}

// Undo and redo of coding and codebook changes. Each change is a command that knows how to do and
// undo itself through the API. Re-doing a creation passes the same GUID, so the coding or code
// keeps its identity (in exports, in agreement comparisons); the database gives it a new id, which
// the history records so that older commands still reach it.
//
// What the user does in one gesture (code every reviewed hit, create a code from the picker and
// code with it) is one command and one call, so the project changes whole or not at all.
//
// Merging and deleting codes are not undoable: restoring them would mean re-creating sub-codes,
// codings and memos exactly, which the API cannot promise. They ask for confirmation and cut the
// history: the undo and redo stacks are emptied, because older commands may refer to what they
// destroyed.
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { Code, Coding } from '../../model/types.ts';
import type { TresseApi } from '../../service/contract/index.ts';
import type { CodeChanges, DeletedCodes } from '../../service/contract/index.ts';
import type { CodingInput, Extension } from '../../service/contract/index.ts';

/** The part of the API the history calls. */
export type HistoryApi = Pick<
  TresseApi,
  | 'addCoding'
  | 'acceptSuggestion'
  | 'removeCoding'
  | 'addCodings'
  | 'extendCoding'
  | 'undoExtendCoding'
  | 'removeCodings'
  | 'addCodeAndCoding'
  | 'removeCodeAndCoding'
  | 'addCode'
  | 'updateCode'
  | 'moveCode'
  | 'mergeCodes'
  | 'deleteCode'
  | 'listCodes'
>;

export interface Label {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** What a command changed, so the views can reload just that. */
export type Affects = { kind: 'codings'; sourceIds: readonly number[] } | { kind: 'codebook' };

/** Ids of things re-created by redo or undo, followed from the id first seen. */
export class IdMap {
  private readonly codes = new Map<number, number>();
  private readonly codings = new Map<number, number>();

  code(id: number): number;
  code(id: number | null): number | null;
  code(id: number | null): number | null {
    return id === null ? null : follow(this.codes, id);
  }
  coding(id: number): number {
    return follow(this.codings, id);
  }
  movedCode(from: number, to: number): void {
    if (from !== to) this.codes.set(from, to);
  }
  movedCoding(from: number, to: number): void {
    if (from !== to) this.codings.set(from, to);
  }
}

function follow(map: Map<number, number>, id: number): number {
  let cur = id;
  for (let guard = 0; map.has(cur) && guard < 10_000; guard++) cur = map.get(cur)!;
  return cur;
}

export interface CommandContext {
  api: HistoryApi;
  ids: IdMap;
}

export interface Command<R = unknown> {
  label: Label;
  affects: Affects;
  /** False for merges and deletions: confirmed first, and they empty the history. */
  undoable: boolean;
  /** First run and redo. */
  do(ctx: CommandContext): Promise<R>;
  undo(ctx: CommandContext): Promise<void>;
}

export type NewCoding = Omit<CodingInput, 'guid'>;

/** Codes a passage. Undo removes the coding; redo codes it again with the same GUID. */
export function addCodingCommand(input: NewCoding, codeName: string): Command<Coding> {
  let first: Coding | null = null;
  return {
    label: { key: 'history.addCoding', params: { code: codeName } },
    affects: { kind: 'codings', sourceIds: [input.sourceId] },
    undoable: true,
    async do({ api, ids }) {
      const coding = await api.addCoding({
        ...input,
        codeId: ids.code(input.codeId),
        ...(first ? { guid: first.guid } : {}),
      });
      if (first) ids.movedCoding(first.id, coding.id);
      else first = coding;
      return coding;
    },
    async undo({ api, ids }) {
      await api.removeCoding({ id: ids.coding(first!.id) });
    },
  };
}

/**
 * Accepts a code suggestion: the passage is coded with it. One step, undone like any coding; redo
 * codes it again with the same GUID.
 */
export function acceptSuggestionCommand(input: { sourceId: number; start: number; end: number; codeId: number }, codeName: string): Command<Coding> {
  let first: Coding | null = null;
  return {
    label: { key: 'history.acceptSuggestion', params: { code: codeName } },
    affects: { kind: 'codings', sourceIds: [input.sourceId] },
    undoable: true,
    async do({ api, ids }) {
      const codeId = ids.code(input.codeId);
      const coding = first ? await api.addCoding({ ...input, codeId, guid: first.guid }) : await api.acceptSuggestion({ ...input, codeId });
      if (first) ids.movedCoding(first.id, coding.id);
      else first = coding;
      return coding;
    },
    async undo({ api, ids }) {
      await api.removeCoding({ id: ids.coding(first!.id) });
    },
  };
}

/**
 * Codes a passage that overlaps my codings of the same code by extending them: one coding over the
 * union replaces them and takes their memos. Undo brings them back (identity and memos) and the
 * ids they get; redo extends again with the union's GUID.
 */
export function extendCodingCommand(input: NewCoding, codeName: string): Command<Coding> {
  let first: Coding | null = null;
  let last: Extension | null = null;
  return {
    label: { key: 'history.extendCoding', params: { code: codeName } },
    affects: { kind: 'codings', sourceIds: [input.sourceId] },
    undoable: true,
    async do({ api, ids }) {
      const made = await api.extendCoding({ ...input, codeId: ids.code(input.codeId), ...(first ? { guid: first.guid } : {}) });
      if (first) ids.movedCoding(first.id, made.coding.id);
      else first = made.coding;
      last = made;
      return made.coding;
    },
    async undo({ api, ids }) {
      const replaced = last!.replaced;
      if (replaced.length === 0) {
        await api.removeCoding({ id: ids.coding(first!.id) });
        return;
      }
      const back = await api.undoExtendCoding({ id: ids.coding(first!.id), replaced });
      replaced.forEach((r, i) => ids.movedCoding(r.id, back[i]!.id));
    },
  };
}

/**
 * Codes several passages with one code (code-all-hits): one call that codes all of them or none,
 * and one undo step that takes them all back; redo brings them back with their GUIDs.
 */
export function addCodingsCommand(inputs: readonly NewCoding[], codeName: string): Command<Coding[]> {
  let first: Coding[] | null = null;
  return {
    label: { key: 'history.addCodings', params: { code: codeName, count: inputs.length } },
    affects: { kind: 'codings', sourceIds: [...new Set(inputs.map((c) => c.sourceId))] },
    undoable: true,
    async do({ api, ids }) {
      const made = await api.addCodings({
        codings: inputs.map((input, i) => ({
          ...input,
          codeId: ids.code(input.codeId),
          ...(first ? { guid: first[i]!.guid } : {}),
        })),
      });
      if (first) first.forEach((c, i) => ids.movedCoding(c.id, made[i]!.id));
      else first = made;
      return made;
    },
    async undo({ api, ids }) {
      await api.removeCodings({ ids: first!.map((c) => ids.coding(c.id)) });
    },
  };
}

/**
 * Creates a code from the picker and codes the passage with it: one call that makes both or
 * neither, one undo step that removes both, and a redo that re-creates both with their GUIDs.
 */
export function addCodingWithNewCodeCommand(code: NewCode, passage: Omit<NewCoding, 'codeId'>): Command<Coding> {
  let first: { code: Code; coding: Coding } | null = null;
  return {
    label: { key: 'history.addCodingNewCode', params: { code: code.name } },
    affects: { kind: 'codings', sourceIds: [passage.sourceId] },
    undoable: true,
    async do({ api, ids }) {
      const made = await api.addCodeAndCoding({
        code: { ...code, parentId: ids.code(code.parentId ?? null), ...(first ? { guid: first.code.guid } : {}) },
        passage: { ...passage, ...(first ? { guid: first.coding.guid } : {}) },
      });
      if (first) {
        ids.movedCode(first.code.id, made.code.id);
        ids.movedCoding(first.coding.id, made.coding.id);
      } else first = made;
      return made.coding;
    },
    async undo({ api, ids }) {
      await api.removeCodeAndCoding({ codeId: ids.code(first!.code.id), codingId: ids.coding(first!.coding.id) });
    },
  };
}

/** Removes a coding. Undo codes the same passage again, with its GUID, valence, kind and memo. */
export function removeCodingCommand(coding: Pick<Coding, 'id' | 'sourceId'>, codeName: string): Command<Coding> {
  let removed: Coding | null = null;
  return {
    label: { key: 'history.removeCoding', params: { code: codeName } },
    affects: { kind: 'codings', sourceIds: [coding.sourceId] },
    undoable: true,
    async do({ api, ids }) {
      removed = await api.removeCoding({ id: ids.coding(coding.id) });
      return removed;
    },
    async undo({ api, ids }) {
      const r = removed!;
      const back = await api.addCoding({
        sourceId: r.sourceId,
        codeId: ids.code(r.codeId),
        start: r.start,
        end: r.end,
        valence: r.valence,
        segmentKind: r.segmentKind,
        memo: r.memo,
        guid: r.guid,
      });
      ids.movedCoding(coding.id, back.id);
    },
  };
}

export interface NewCode {
  name: string;
  parentId?: number | null;
  abbrev?: string | null;
  color?: string;
  definition?: string;
  codable?: boolean;
}

/** Creates a code. Undo deletes it; redo creates it again with the same GUID. */
export function addCodeCommand(input: NewCode): Command<Code> {
  let first: Code | null = null;
  return {
    label: { key: 'history.addCode', params: { name: input.name } },
    affects: { kind: 'codebook' },
    undoable: true,
    async do({ api, ids }) {
      const code = await api.addCode({
        ...input,
        parentId: ids.code(input.parentId ?? null),
        ...(first ? { guid: first.guid } : {}),
      });
      if (first) ids.movedCode(first.id, code.id);
      else first = code;
      return code;
    },
    async undo({ api, ids }) {
      // Codings made with the new code were undone before this (the stack is last in, first out).
      await api.deleteCode({ id: ids.code(first!.id), confirm: true });
    },
  };
}

/** Renames, recolours or redefines a code. Undo puts back the fields it changed. */
export function updateCodeCommand(id: number, changes: CodeChanges, name: string): Command<Code> {
  let before: CodeChanges | null = null;
  return {
    label: { key: 'history.updateCode', params: { name } },
    affects: { kind: 'codebook' },
    undoable: true,
    async do({ api, ids }) {
      const result = await api.updateCode({ id: ids.code(id), changes });
      if (!before) {
        const old: Record<string, unknown> = {};
        for (const key of Object.keys(changes) as (keyof CodeChanges)[]) old[key] = result.before[key];
        before = old as CodeChanges;
      }
      return result.after;
    },
    async undo({ api, ids }) {
      await api.updateCode({ id: ids.code(id), changes: before! });
    },
  };
}

/** Moves a code under another parent or to another place. Undo moves it back where it was. */
export function moveCodeCommand(id: number, parentId: number | null, position: number | undefined, name: string): Command<Code> {
  let from: { parentId: number | null; position: number } | null = null;
  return {
    label: { key: 'history.moveCode', params: { name } },
    affects: { kind: 'codebook' },
    undoable: true,
    async do({ api, ids }) {
      const self = ids.code(id);
      if (!from) {
        const codes = await api.listCodes();
        const code = codes.find((c) => c.id === self);
        if (code) {
          // Its index among its siblings, which is what moveCode's `position` means.
          const siblings = codes.filter((c) => c.parentId === code.parentId).sort((a, b) => a.position - b.position || a.id - b.id);
          from = { parentId: code.parentId, position: siblings.findIndex((c) => c.id === self) };
        }
      }
      return api.moveCode({ id: self, parentId: ids.code(parentId), ...(position === undefined ? {} : { position }) });
    },
    async undo({ api, ids }) {
      if (!from) return;
      await api.moveCode({ id: ids.code(id), parentId: ids.code(from.parentId), position: from.position });
    },
  };
}

const irreversible = () => {
  throw new Error('not undoable');
};

/** Merges one code into another: not undoable. */
export function mergeCodesCommand(fromId: number, intoId: number, names: { from: string; into: string }): Command<{ moved: number; duplicates: number }> {
  return {
    label: { key: 'history.mergeCodes', params: names },
    affects: { kind: 'codebook' },
    undoable: false,
    do: ({ api, ids }) => api.mergeCodes({ fromId: ids.code(fromId), intoId: ids.code(intoId) }),
    undo: irreversible,
  };
}

/** Deletes a code with its sub-codes and codings: not undoable. */
export function deleteCodeCommand(id: number, name: string): Command<DeletedCodes> {
  return {
    label: { key: 'history.deleteCode', params: { name } },
    affects: { kind: 'codebook' },
    undoable: false,
    do: ({ api, ids }) => api.deleteCode({ id: ids.code(id), confirm: true }),
    undo: irreversible,
  };
}

export interface HistorySnapshot {
  undo: Label | null;
  redo: Label | null;
  busy: boolean;
}

export interface HistoryEvent {
  type: 'do' | 'undo' | 'redo';
  command: Command;
}

export interface HistoryOptions {
  /** Asked before an irreversible command; without it, irreversible commands are declined. */
  confirm?: (command: Command) => boolean | Promise<boolean>;
  /** Undo steps kept; the oldest are forgotten beyond it. */
  limit?: number;
}

/** The undo and redo stacks. Operations run one at a time, in the order they were asked for. */
export class History {
  private readonly undoStack: Command[] = [];
  private readonly redoStack: Command[] = [];
  private readonly ctx: CommandContext;
  private readonly listeners = new Set<(event: HistoryEvent | null) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private snapshot: HistorySnapshot = { undo: null, redo: null, busy: false };

  constructor(
    api: HistoryApi,
    private options: HistoryOptions = {},
  ) {
    this.ctx = { api, ids: new IdMap() };
  }

  /** How irreversible commands are confirmed from now on (its wording follows the interface language). */
  setConfirm(confirm: HistoryOptions['confirm']): void {
    this.options = { ...this.options, confirm };
  }

  get ids(): IdMap {
    return this.ctx.ids;
  }

  /**
   * Runs a command and records it. Resolves to the command's result, or to null when the user
   * declined an irreversible command.
   */
  run<R>(command: Command<R>): Promise<R | null> {
    return this.serial(async () => {
      if (!command.undoable) {
        const ok = await (this.options.confirm ?? defaultConfirm)(command as Command);
        if (!ok) return null;
      }
      const result = await command.do(this.ctx);
      if (command.undoable) {
        this.undoStack.push(command as Command);
        const limit = this.options.limit ?? 200;
        if (this.undoStack.length > limit) this.undoStack.splice(0, this.undoStack.length - limit);
      } else this.undoStack.length = 0;
      this.redoStack.length = 0;
      this.emit({ type: 'do', command: command as Command });
      return result;
    });
  }

  /** Undoes the last command. Resolves to it, or null when there was nothing to undo. */
  undo(): Promise<Command | null> {
    return this.serial(async () => {
      const command = this.undoStack.pop();
      if (!command) return null;
      try {
        await command.undo(this.ctx);
      } catch (error) {
        // It could not be undone (changed elsewhere meanwhile): drop it rather than retry forever.
        this.emit(null);
        throw error;
      }
      this.redoStack.push(command);
      this.emit({ type: 'undo', command });
      return command;
    });
  }

  redo(): Promise<Command | null> {
    return this.serial(async () => {
      const command = this.redoStack.pop();
      if (!command) return null;
      try {
        await command.do(this.ctx);
      } catch (error) {
        this.emit(null);
        throw error;
      }
      this.undoStack.push(command);
      this.emit({ type: 'redo', command });
      return command;
    });
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Forgets everything, e.g. when another project is opened. */
  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    this.emit(null);
  }

  /** Called after every change of the stacks, with what was done (null when only the stacks changed). */
  subscribe(listener: (event: HistoryEvent | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot = (): HistorySnapshot => this.snapshot;

  private serial<T>(op: () => Promise<T>): Promise<T> {
    this.pending++;
    this.refresh();
    const result = this.queue.then(op);
    this.queue = result.then(
      () => this.settle(),
      () => this.settle(),
    );
    return result;
  }

  private settle(): void {
    this.pending--;
    this.emit(null);
  }

  private refresh(): void {
    const next: HistorySnapshot = {
      undo: this.undoStack.at(-1)?.label ?? null,
      redo: this.redoStack.at(-1)?.label ?? null,
      busy: this.pending > 0,
    };
    const s = this.snapshot;
    if (s.undo !== next.undo || s.redo !== next.redo || s.busy !== next.busy) this.snapshot = next;
  }

  private emit(event: HistoryEvent | null): void {
    this.refresh();
    for (const listener of this.listeners) listener(event);
  }
}

function defaultConfirm(): boolean {
  // Without a window (tests, command line) nothing irreversible happens unasked.
  return false;
}

// Changes whose answer says exactly what changed in a list the user is looking at: the answer is
// written into the cache as soon as it comes, instead of fetching the whole list again. A coding
// made in a transcript of a thousand codings is then painted from addCoding's answer at once; the
// lists that only count or quote codings (the codebook's counts, retrieval, matrices) are fetched
// again afterwards, as the invalidation table says (invalidation.ts).
//
// Only answers are written, never a guess made before the call: a refused or failed call changes
// nothing in the cache, so nothing is painted that the project does not hold.
import type { QueryClient } from '@tanstack/react-query';
import type { Code, Coding } from '../../model/types.ts';
import type { ApiMethod, CodeWithCount } from '../../service/contract/index.ts';
import { apiKey, type ArgsOf, type ResultOf } from './keys.ts';

type Writes = { [M in ApiMethod]?: (client: QueryClient, args: ArgsOf<M>, result: ResultOf<M>) => void };

/** Same order as the service's listCodings: by start, then end, then id. */
function before(a: Pick<Coding, 'start' | 'end' | 'id'>, b: Pick<Coding, 'start' | 'end' | 'id'>): number {
  return a.start - b.start || a.end - b.end || a.id - b.id;
}

/**
 * Changes the cached codings of each source touched: `removed` ids go, `added` codings come in at
 * their place in source order. A source whose codings are not in the cache is left alone (they are
 * fetched whole when it is opened). A list being fetched right now may have been read before the
 * change: it is fetched again rather than let it overwrite the answer written here.
 */
export function writeCodings(client: QueryClient, change: { added?: readonly Coding[]; removed?: readonly Pick<Coding, 'id' | 'sourceId'>[] }): void {
  const bySource = new Map<number, { added: Coding[]; removed: Set<number> }>();
  const of = (sourceId: number) => {
    let entry = bySource.get(sourceId);
    if (!entry) bySource.set(sourceId, (entry = { added: [], removed: new Set() }));
    return entry;
  };
  for (const c of change.removed ?? []) of(c.sourceId).removed.add(c.id);
  for (const c of change.added ?? []) of(c.sourceId).added.push(c);
  for (const [sourceId, { added, removed }] of bySource) {
    const key = apiKey('listCodings', { sourceId });
    const state = client.getQueryState(key);
    if (state?.data === undefined) continue;
    client.setQueryData<Coding[]>(key, (old) => {
      if (!old) return old;
      const addedIds = new Set(added.map((c) => c.id));
      const kept = old.filter((c) => !removed.has(c.id) && !addedIds.has(c.id));
      if (added.length === 0) return kept;
      const out = [...kept, ...added];
      return out.sort(before);
    });
    if (state.fetchStatus === 'fetching') void client.invalidateQueries({ queryKey: key, exact: true });
  }
}

/** A code made with its first coding: in the codebook at once, so that the coding has its colour. */
function writeNewCode(client: QueryClient, code: Code): void {
  client.setQueryData<CodeWithCount[]>(['listCodes'], (old) => (old && !old.some((c) => c.id === code.id) ? [...old, { ...code, codingCount: 1 }] : old));
}

function removeCode(client: QueryClient, codeId: number): void {
  client.setQueryData<CodeWithCount[]>(['listCodes'], (old) => old?.filter((c) => c.id !== codeId));
}

export const ANSWER_WRITES: Writes = {
  addCoding: (client, _a, coding) => writeCodings(client, { added: [coding] }),
  addCodings: (client, _a, codings) => writeCodings(client, { added: codings }),
  acceptSuggestion: (client, _a, coding) => writeCodings(client, { added: [coding] }),
  removeCoding: (client, _a, removed) => writeCodings(client, { removed: [removed] }),
  removeCodings: (client, _a, removed) => writeCodings(client, { removed }),
  extendCoding: (client, a, made) => writeCodings(client, { added: [made.coding], removed: made.replaced.map((r) => ({ id: r.id, sourceId: a.sourceId })) }),
  undoExtendCoding: (client, a, back) => {
    const sourceId = back[0]?.sourceId;
    writeCodings(client, { added: back, removed: sourceId === undefined ? [] : [{ id: a.id, sourceId }] });
  },
  addCodeAndCoding: (client, _a, made) => {
    writeNewCode(client, made.code);
    writeCodings(client, { added: [made.coding] });
  },
  removeCodeAndCoding: (client, _a, removed) => {
    writeCodings(client, { removed: [removed.coding] });
    removeCode(client, removed.code.id);
  },
};

/** Writes `method`'s answer into the cache, for the methods that have a write (the others change nothing here). */
export function writeAnswer<M extends ApiMethod>(client: QueryClient, method: M, args: ArgsOf<M>, result: ResultOf<M>): void {
  (ANSWER_WRITES[method] as ((client: QueryClient, args: ArgsOf<M>, result: ResultOf<M>) => void) | undefined)?.(client, args, result);
}

/**
 * The same API, each call's answer written into the cache before the caller hears of it (the undo
 * history calls through this, so undo and redo paint from their answers too).
 */
export function writingThrough<A extends object>(client: QueryClient, api: A): A {
  return new Proxy(api, {
    get(target, name, receiver) {
      const fn = Reflect.get(target, name, receiver) as unknown;
      if (typeof name !== 'string' || typeof fn !== 'function') return fn;
      return async (args: never) => {
        const result = (await (fn as (args: never) => Promise<unknown>).call(target, args)) as never;
        writeAnswer(client, name as ApiMethod, args, result);
        return result;
      };
    },
  });
}

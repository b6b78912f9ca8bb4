// Sources are indexed for search shortly after they are imported, once the imports pause, a few at
// a time between other calls. Not inside each import: one source's index rows land all over the
// file, while a batch's rows, sorted, fill pages in order. Not at the first search either, which
// would then wait seconds after a large import. A project closed meanwhile (a command-line import
// closes it at once) keeps them queued, and the next search indexes them in one batch.
import type { Db } from '../db/open.ts';
import { catchUpSearchIndex } from '../db/search.ts';

/** How long imports must pause before indexing starts: files imported one after another batch up. */
const QUIET_MS = 250;
/** Sources indexed per turn of the event loop: tens of milliseconds, so calls are not held up. */
const PER_TURN = 25;
const timers = new WeakMap<Db, ReturnType<typeof setTimeout>>();

export function indexSoon(db: Db): void {
  clearTimeout(timers.get(db));
  const turn = () => {
    timers.delete(db);
    if (!db.open) return;
    try {
      if (catchUpSearchIndex(db, PER_TURN) === PER_TURN) timers.set(db, setTimeout(turn, 0));
    } catch {
      // A busy or closing project: the next search indexes what is left.
    }
  };
  timers.set(db, setTimeout(turn, QUIET_MS));
}

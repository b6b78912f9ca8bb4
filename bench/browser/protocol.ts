// What the Node side hands to the benchmark page and what it gets back. Shared by run.ts and
// entry.tsx so both ends agree on the shape of the data crossing page.evaluate.
import type { Code, Coder, Coding, Source } from '../../model/types.ts';

export interface ViewInput {
  source: Source;
  codings: Coding[];
  codes: Array<Pick<Code, 'id' | 'name' | 'color' | 'abbrev'>>;
  coders: Coder[];
}

export interface DisplayRun {
  /** Mount to the first frame with the whole text in the DOM. */
  firstFrameMs: number;
  /** The same, then scrolled to the bottom and one more frame: the text can be read anywhere. */
  scrolledMs: number;
  /** Checks that the view really was long and scrolled, so a broken view does not look fast. */
  scrollHeight: number;
  scrollTop: number;
}

export interface BenchPage {
  /** Keeps an input in the page under a name, so each run does not ship it again. */
  load(name: string, input: ViewInput): void;
  /** Mounts the view on `name`, times it to its first frame and a scroll to the bottom, unmounts. */
  display(name: string): Promise<DisplayRun>;
  /**
   * Mounts the view on `name`, then adds `count` codings one by one, each over a passage scrolled
   * into view, timing each from the new props to the frame showing its highlight.
   */
  highlight(name: string, count: number, firstId: number, codeId: number): Promise<number[]>;
}

export type BenchWindow = Window & { tresseBench?: BenchPage };

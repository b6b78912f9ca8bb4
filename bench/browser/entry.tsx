// The benchmark page: the real TranscriptView, mounted and timed with renderer/transcript/measure.ts
// in a real browser, driven from run.ts through window.tresseBench.
import type { Coding } from '../../model/types.ts';
import { measureDisplay, measureHighlight } from '../../renderer/transcript/measure.ts';
import type { TranscriptViewProps } from '../../renderer/transcript/TranscriptView.tsx';
import { codePointLength } from '../../text/offsets.ts';
import type { BenchPage, BenchWindow, DisplayRun, ViewInput } from './protocol.ts';

const inputs = new Map<string, ViewInput>();

// After the callbacks of the next animation frame, i.e. once that frame is painted (as measure.ts).
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const settle = async () => {
  for (let i = 0; i < 3; i++) await frame();
};

function props(name: string): TranscriptViewProps {
  const input = inputs.get(name);
  if (!input) throw new Error(`no input named ${name}`);
  return {
    source: input.source,
    // A copy: measureHighlight appends to the props it is given.
    codings: [...input.codings],
    codes: new Map(input.codes.map((c) => [c.id, c])),
    coders: new Map(input.coders.map((c) => [c.id, c])),
    onSelect: () => {},
  };
}

/** A fresh container each run, so no run reuses the DOM of the one before. */
function container(): HTMLElement {
  const app = document.getElementById('app')!;
  app.replaceChildren();
  const el = document.createElement('div');
  el.style.height = '100%';
  app.append(el);
  return el;
}

function scroller(el: HTMLElement): HTMLElement {
  const view = el.querySelector<HTMLElement>('.tr-view');
  if (!view) throw new Error('transcript view not rendered');
  return view;
}

const bench: BenchPage = {
  load(name, input) {
    inputs.set(name, input);
  },

  async display(name): Promise<DisplayRun> {
    const el = container();
    const p = props(name);
    await settle();
    const t0 = performance.now();
    const { frameMs, view } = await measureDisplay(el, p);
    const scrolling = scroller(el);
    scrolling.scrollTop = scrolling.scrollHeight;
    await frame();
    const scrolledMs = performance.now() - t0;
    const run = { firstFrameMs: frameMs, scrolledMs, scrollHeight: scrolling.scrollHeight, scrollTop: scrolling.scrollTop };
    view.unmount();
    return run;
  },

  async highlight(name, count, firstId, codeId) {
    const el = container();
    const p = props(name);
    const { view } = await measureDisplay(el, p);
    await settle();
    const text = p.source.text;
    const coderId = p.coders.keys().next().value ?? 1;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      // A passage spread over the transcript, brought into view as the researcher would see it
      // before selecting it; its start is read from the DOM run it begins in.
      const runs = el.querySelectorAll<HTMLElement>('[data-u16]');
      const run = runs[Math.floor(((i + 0.5) / count) * runs.length)]!;
      run.scrollIntoView({ block: 'center' });
      await settle();
      const start = codePointLength(text.slice(0, Number(run.dataset.u16)));
      const end = Math.min(start + 60 + ((i * 37) % 240), codePointLength(text));
      const coding: Coding = {
        id: firstId + i,
        guid: `bench-${firstId + i}`,
        sourceId: p.source.id,
        codeId,
        coderId,
        start,
        end,
        createdAt: new Date().toISOString(),
        valence: null,
        segmentKind: 'verbatim',
        memo: null,
      };
      times.push((await measureHighlight(view, coding)).frameMs);
      const box = el.querySelector(`[data-coding-ids~="${coding.id}"]`)!.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) throw new Error(`coding ${coding.id} highlighted out of view`);
    }
    view.unmount();
    return times;
  },
};

(window as BenchWindow).tresseBench = bench;

// Timing hooks for the benchmark (bench/): how long from mounting the transcript to its first
// painted frame with the text present, and from a new coding to its highlight on screen.
// In a browser the "frame" figures include style, layout and paint; in jsdom only the DOM work.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { Coding } from '../../model/types.ts';
import { TranscriptView, type TranscriptViewProps } from './TranscriptView.tsx';

export interface DisplayTiming {
  /** Mount to DOM built, painted and highlighted (synchronous work). */
  renderMs: number;
  /** Mount to the end of the next animation frame: the first frame showing the text. */
  frameMs: number;
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 16);
  });

export interface MountedTranscript {
  root: Root;
  props: TranscriptViewProps;
  container: HTMLElement;
  unmount(): void;
}

/** Mounts the view into `container` and times it to the first frame. */
export async function measureDisplay(container: HTMLElement, props: TranscriptViewProps): Promise<DisplayTiming & { view: MountedTranscript }> {
  const t0 = performance.now();
  const root = createRoot(container);
  flushSync(() => root.render(createElement(TranscriptView, props)));
  const text = container.querySelector('[data-testid="transcript-text"]');
  if (!text || text.textContent!.length !== props.source.text.length) throw new Error('transcript text not rendered');
  const renderMs = performance.now() - t0;
  await nextFrame();
  const frameMs = performance.now() - t0;
  return { renderMs, frameMs, view: { root, props, container, unmount: () => root.unmount() } };
}

/** Adds `coding` to the mounted view and times it until its highlight is in the DOM, then to the next frame. */
export async function measureHighlight(view: MountedTranscript, coding: Coding): Promise<DisplayTiming> {
  const t0 = performance.now();
  view.props = { ...view.props, codings: [...view.props.codings, coding] };
  flushSync(() => view.root.render(createElement(TranscriptView, view.props)));
  const el = view.container.querySelector(`[data-coding-ids~="${coding.id}"]`);
  if (!el?.classList.contains('tr-coded')) throw new Error('new coding not highlighted');
  const renderMs = performance.now() - t0;
  await nextFrame();
  return { renderMs, frameMs: performance.now() - t0 };
}

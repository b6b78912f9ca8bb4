// Hovering a coded passage: every run of the codings under the pointer is emphasised (class
// tr-hover) and a tooltip lists them, placed where it stays in the window (tooltip-place.ts).
import { type MouseEvent as ReactMouseEvent, type RefObject, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { RunIndex } from './paint.ts';
import { placeTooltip, TOOLTIP_OFFSET } from './tooltip-place.ts';

export interface TooltipState {
  /** Coding ids under the pointer, as the run lists them. */
  ids: number[];
  x: number;
  y: number;
}

export function useTooltip(runsRef: RefObject<RunIndex | null>) {
  const [tooltip, setTooltip] = useState<TooltipState | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const hover = useRef<{ key: string; els: HTMLElement[] }>({ key: '', els: [] });

  const emphasise = useCallback(
    (key: string) => {
      for (const el of hover.current.els) el.classList.remove('tr-hover');
      const els: HTMLElement[] = [];
      const runs = runsRef.current;
      if (runs && key) for (const id of key.split(' ').map(Number)) for (const i of runs.byCoding.get(id) ?? []) els.push(runs.els[i]!);
      for (const el of els) el.classList.add('tr-hover');
      hover.current = { key, els };
    },
    [runsRef],
  );

  const onMouseMove = useCallback(
    (event: ReactMouseEvent) => {
      const target = (event.target as Element).closest?.('[data-visible-ids]') as HTMLElement | null;
      const key = target?.getAttribute('data-visible-ids') ?? '';
      if (key === hover.current.key) return;
      emphasise(key);
      setTooltip(key ? { ids: key.split(' ').map(Number), x: event.clientX, y: event.clientY } : null);
    },
    [emphasise],
  );

  const onMouseLeave = useCallback(() => {
    emphasise('');
    setTooltip(null);
  }, [emphasise]);

  /** After a rebuild (and its paint): the hovered codings' runs are new elements. */
  const rehover = useCallback(() => emphasise(hover.current.key), [emphasise]);

  // Measured once shown: only then is its size known.
  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!tooltip || !box) return;
    const { width, height } = box.getBoundingClientRect();
    const { left, top } = placeTooltip(tooltip, { width, height }, { width: window.innerWidth, height: window.innerHeight });
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  }, [tooltip]);

  /** Where the tooltip is drawn before it is measured. */
  const initial = tooltip ? { left: tooltip.x + TOOLTIP_OFFSET.x, top: tooltip.y + TOOLTIP_OFFSET.y } : null;

  return { tooltip, initial, boxRef, onMouseMove, onMouseLeave, rehover };
}

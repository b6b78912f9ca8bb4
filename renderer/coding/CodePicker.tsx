// The code picker that opens at a selected passage. Keyboard first: the search field has focus,
// arrows choose, Enter codes, Escape cancels, Tab reaches the valence and the memo.
import { type KeyboardEvent, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Valence } from '../../model/types.ts';
import type { CodeWithCount } from '../../service/contract/index.ts';
import { useT } from '../i18n/lang-context.tsx';
import { CodeSearch, fold } from './code-search.ts';
import { useKeptSelection } from './keep-selection.ts';
import { PICKER_MARGIN, type Placement, placePicker } from './place.ts';
import './picker.css';

export type PickChoice = { codeId: number } | { newCodeName: string; parentId: number | null };
export interface PickExtras {
  valence: Valence | null;
  memo: string;
}

export interface CodePickerProps {
  codes: CodeWithCount[];
  /** Most recent first. */
  recentCodeIds: number[];
  onPick(choice: PickChoice, extras: PickExtras): void;
  onCancel(): void;
  /** The selection's rectangle (viewport coordinates): the picker opens below it, or above, and
   *  always inside the window. */
  anchor: DOMRect;
  /** Offer "create the code" for a name no code has (a passage being coded); off for a merge target. */
  allowCreate?: boolean;
  /** The valence and memo fields, which only a coding has. */
  withExtras?: boolean;
  /** Themes that are not codable can be chosen too (a merge target). */
  anyCode?: boolean;
  /** The dialog's name, when it picks for something else than coding the selection. */
  label?: string;
  /** Offers "similar passages" for the selection instead of coding it. */
  onSimilar?: () => void;
}

type Option =
  | { kind: 'code'; code: CodeWithCount; depth: number; recent: boolean; path: string }
  | { kind: 'create'; name: string; parentId: number | null; parentName: string | null };

/** Codes in tree order (parents before children, siblings by position), with their depth. */
export function treeOrder(codes: readonly CodeWithCount[]): Array<{ code: CodeWithCount; depth: number }> {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<number | null, CodeWithCount[]>();
  for (const c of codes) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(c);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  const out: Array<{ code: CodeWithCount; depth: number }> = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ code: c, depth });
      if (depth < 64) walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** "Parent/Nouveau code" creates under the parent named (or abbreviated) before the last slash. */
function newCodeTarget(query: string, search: CodeSearch): { name: string; parent: CodeWithCount | null } | null {
  const trimmed = query.trim();
  const slash = trimmed.lastIndexOf('/');
  if (slash > 0) {
    const parent = search.exact(trimmed.slice(0, slash));
    const name = trimmed.slice(slash + 1).trim();
    if (parent && name) return { name, parent };
  }
  return trimmed ? { name: trimmed, parent: null } : null;
}

export function CodePicker({
  codes,
  recentCodeIds,
  onPick,
  onCancel,
  anchor,
  allowCreate = true,
  withExtras = true,
  anyCode = false,
  label,
  onSimilar,
}: CodePickerProps) {
  const t = useT();
  const baseId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [valence, setValence] = useState<Valence | null>(null);
  const [memo, setMemo] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [position, setPosition] = useState<Placement>({ top: anchor.bottom + PICKER_MARGIN, left: anchor.left });
  // The selected text stays highlighted while the picker is open, and the picker keeps off it.
  const selectionRects = useKeptSelection();

  // Built once per codes list, not per keystroke.
  const search = useMemo(() => new CodeSearch(codes), [codes]);
  const byId = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const tree = useMemo(() => treeOrder(codes), [codes]);
  // Every code's parent path, computed once per codes list.
  const paths = useMemo(() => {
    const out = new Map<number, string>();
    for (const code of byId.values()) {
      const names: string[] = [];
      for (let p = code.parentId, guard = 0; p !== null && guard < 64; guard++) {
        const parent = byId.get(p);
        if (!parent) break;
        names.unshift(parent.abbrev ?? parent.name);
        p = parent.parentId;
      }
      out.set(code.id, names.join(' › '));
    }
    return out;
  }, [byId]);
  const pathOf = useCallback((code: CodeWithCount): string => paths.get(code.id) ?? '', [paths]);

  const options = useMemo<Option[]>(() => {
    if (!query.trim()) {
      const recent = recentCodeIds
        .map((id) => byId.get(id))
        .filter((c): c is CodeWithCount => c !== undefined && (anyCode || c.codable))
        .slice(0, 5);
      const recentSet = new Set(recent.map((c) => c.id));
      return [
        ...recent.map((code): Option => ({ kind: 'code', code, depth: 0, recent: true, path: pathOf(code) })),
        ...tree
          .filter(({ code }) => !recentSet.has(code.id))
          .map(({ code, depth }): Option => ({ kind: 'code', code, depth, recent: false, path: pathOf(code) })),
      ];
    }
    const found: Option[] = search.search(query).map((code) => ({ kind: 'code', code, depth: 0, recent: false, path: pathOf(code) }));
    const target = newCodeTarget(query, search);
    const taken = target && (target.parent ? false : search.exact(target.name) !== undefined);
    const siblingTaken = target?.parent && codes.some((c) => c.parentId === target.parent!.id && fold(c.name).trim() === fold(target.name).trim());
    if (allowCreate && target && !taken && !siblingTaken) {
      found.push({
        kind: 'create',
        name: target.name,
        parentId: target.parent?.id ?? null,
        parentName: target.parent?.name ?? null,
      });
    }
    return found;
  }, [query, recentCodeIds, byId, tree, search, pathOf, codes, allowCreate, anyCode]);

  const canPick = (code: CodeWithCount) => anyCode || code.codable;
  const enabled = (o: Option | undefined) => o !== undefined && (o.kind === 'create' || canPick(o.code));
  const firstEnabled = (from: number, step: 1 | -1): number => {
    for (let i = from; i >= 0 && i < options.length; i += step) if (enabled(options[i])) return i;
    return -1;
  };
  const current = enabled(options[active]) ? active : firstEnabled(0, 1);

  // Below the selection if it fits, otherwise above it, never on it (place.ts).
  useLayoutEffect(() => {
    const box = dialogRef.current?.getBoundingClientRect();
    if (!box || typeof window === 'undefined') return;
    const next = placePicker(anchor, box, { width: window.innerWidth, height: window.innerHeight }, PICKER_MARGIN, selectionRects);
    setPosition((p) => (p.top === next.top && p.left === next.left && p.maxHeight === next.maxHeight ? p : next));
  }, [anchor, selectionRects]);

  // Before the picker is moved into place: focusing must not scroll anything towards it.
  useLayoutEffect(() => {
    inputRef.current?.focus({ preventScroll: true });
  }, []);

  useLayoutEffect(() => {
    const el = current >= 0 ? document.getElementById(`${baseId}-opt-${current}`) : null;
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [current, baseId]);

  const pick = (option: Option | undefined) => {
    if (!option || !enabled(option)) return;
    const extras = { valence, memo: memo.trim() };
    if (option.kind === 'code') onPick({ codeId: option.code.id }, extras);
    else onPick({ newCodeName: option.name, parentId: option.parentId }, extras);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const inMemo = event.target instanceof HTMLTextAreaElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && !(inMemo && event.shiftKey) && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      pick(options[current]);
    } else if (!inMemo && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = firstEnabled(current + step, step);
      if (next >= 0) setActive(next);
    } else if (!inMemo && (event.key === 'Home' || event.key === 'End') && event.target === inputRef.current && !query) {
      event.preventDefault();
      const next = event.key === 'Home' ? firstEnabled(0, 1) : firstEnabled(options.length - 1, -1);
      if (next >= 0) setActive(next);
    }
  };

  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  return (
    <div
      ref={dialogRef}
      className="cp-dialog"
      role="dialog"
      aria-label={label ?? t('picker.title')}
      style={{ top: position.top, left: position.left, maxHeight: position.maxHeight }}
      onKeyDown={onKeyDown}
    >
      <input
        ref={inputRef}
        className="cp-search"
        data-testid="code-picker-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-label={t('picker.search')}
        placeholder={t('picker.search')}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
      />
      <ul id={listId} className="cp-list" role="listbox" aria-label={t('picker.results')}>
        {options.map((option, i) => {
          const selected = i === current;
          if (option.kind === 'create') {
            return (
              <li
                key="create"
                id={optionId(i)}
                role="option"
                aria-selected={selected}
                className={`cp-option cp-create${selected ? ' cp-selected' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(option)}
                onMouseEnter={() => setActive(i)}
              >
                {option.parentName ? t('picker.createUnder', { name: option.name, parent: option.parentName }) : t('picker.create', { name: option.name })}
              </li>
            );
          }
          const { code } = option;
          return (
            <li
              key={code.id}
              id={optionId(i)}
              role="option"
              aria-selected={selected}
              aria-disabled={!canPick(code) || undefined}
              data-code-id={code.id}
              className={`cp-option${selected ? ' cp-selected' : ''}${canPick(code) ? '' : ' cp-disabled'}`}
              style={{ paddingLeft: `${0.5 + option.depth * 0.9}rem` }}
              title={code.definition || undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(option)}
              onMouseEnter={() => canPick(code) && setActive(i)}
            >
              <span className="cp-swatch" style={{ background: code.color }} aria-hidden="true" />
              {code.abbrev && <span className="cp-abbrev">{code.abbrev}</span>}
              <span className="cp-name">{code.name}</span>
              {query.trim() && option.path && <span className="cp-path">{option.path}</span>}
              {option.recent && <span className="cp-tag">{t('picker.recent')}</span>}
              {!canPick(code) && <span className="cp-tag">{t('picker.notCodable')}</span>}
              {code.codingCount > 0 && (
                <span className="cp-count" title={t('picker.count', { count: code.codingCount })}>
                  {code.codingCount}
                </span>
              )}
            </li>
          );
        })}
        {options.length === 0 && <li className="cp-empty">{t('picker.noMatch')}</li>}
      </ul>
      {withExtras && (
        <div className="cp-extras">
          <div className="cp-valence" role="group" aria-label={t('picker.valence')}>
            {(['+', '-'] as const).map((v) => (
              <button key={v} type="button" aria-pressed={valence === v} data-valence={v} onClick={() => setValence((cur) => (cur === v ? null : v))}>
                {t(`picker.valence.${v}`)}
              </button>
            ))}
          </div>
          <textarea
            className="cp-memo"
            data-testid="code-picker-memo"
            aria-label={t('picker.memo')}
            placeholder={t('picker.memo')}
            rows={2}
            value={memo}
            onChange={(e) => setMemo(e.target.value)}
          />
        </div>
      )}
      <div className="cp-footer">
        <span className="cp-hint">{t('picker.hint')}</span>
        {onSimilar && (
          <button type="button" onClick={onSimilar}>
            {t('similar.open')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('picker.cancel')}
        </button>
      </div>
    </div>
  );
}

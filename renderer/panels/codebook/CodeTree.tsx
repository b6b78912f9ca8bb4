// The code tree (WAI-ARIA tree pattern): arrows move, Right/Left open and close, Enter chooses.
// Codes are dragged onto one another to re-parent them, or merged with Alt held while dropping.
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { codeLabel, flattenTree, type CodeNode } from '../../app/code-tree.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { moveFocusInList } from '../../ui/list-keys.ts';

interface Props {
  tree: CodeNode[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  onDropCode: (draggedId: number, targetId: number | null, merge: boolean) => void;
}

const DRAG_TYPE = 'application/x-tresse-code';

export function CodeTree({ tree, selectedId, onSelect, onDropCode }: Props) {
  const t = useT();
  const [closed, setClosed] = useState<Set<number>>(new Set());
  const [dropTarget, setDropTarget] = useState<number | 'root' | null>(null);
  const toggle = (id: number, open: boolean) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });
  // The one item in the tab order: the chosen code if it is in view, else the first.
  const shown = flattenTree(tree, (id) => !closed.has(id));
  const focusable = shown.some((n) => n.code.id === selectedId) ? selectedId : (tree[0]?.code.id ?? null);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    moveFocusInList(e, '[role="treeitem"]');
    const item = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[role="treeitem"]');
    const id = Number(item?.dataset.codeId);
    if (!item || !id) return;
    const hasChildren = item.getAttribute('aria-expanded') !== null;
    const open = item.getAttribute('aria-expanded') === 'true';
    if (e.key === 'ArrowRight' && hasChildren) {
      e.preventDefault();
      if (!open) toggle(id, true);
      else item.parentElement?.querySelector<HTMLElement>('[role="group"] [role="treeitem"]')?.focus();
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault();
      if (open) toggle(id, false);
      else item.closest('[role="group"]')?.parentElement?.querySelector<HTMLElement>(':scope > [role="treeitem"]')?.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };

  const dropHandlers = (targetId: number | null) => ({
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = e.altKey ? 'link' : 'move';
      setDropTarget(targetId ?? 'root');
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (e: DragEvent) => {
      const dragged = Number(e.dataTransfer.getData(DRAG_TYPE));
      setDropTarget(null);
      if (!dragged) return;
      e.preventDefault();
      e.stopPropagation();
      onDropCode(dragged, targetId, e.altKey);
    },
  });

  const renderNode = (node: CodeNode) => {
    const { code } = node;
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !closed.has(code.id);
    const selected = code.id === selectedId;
    return (
      // The row is the treeitem, not the <li>: its name is then its own line, not its sub-codes' too.
      <li key={code.id} role="none" className="tree-item">
        <div
          role="treeitem"
          aria-level={node.depth + 1}
          aria-selected={selected}
          aria-expanded={hasChildren ? open : undefined}
          aria-label={`${codeLabel(code)}, ${t('codebook.countLabel', { own: code.codingCount, total: node.totalCount })}`}
          data-code-id={code.id}
          tabIndex={code.id === focusable ? 0 : -1}
          className={`tree-row${selected ? ' selected' : ''}${dropTarget === code.id ? ' drop-target' : ''}`}
          style={{ paddingInlineStart: `${0.4 + node.depth * 1.1}rem` }}
          draggable
          title={code.definition || undefined}
          aria-describedby={selected && code.definition ? `code-definition-${code.id}` : undefined}
          onDragStart={(e) => {
            e.dataTransfer.setData(DRAG_TYPE, String(code.id));
            e.dataTransfer.effectAllowed = 'linkMove';
          }}
          onClick={() => onSelect(code.id)}
          {...dropHandlers(code.id)}
        >
          <span
            className={`twisty${hasChildren ? '' : ' leaf'}`}
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              if (hasChildren) toggle(code.id, !open);
            }}
          >
            {hasChildren ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
          {code.abbrev && <span className="abbrev">{code.abbrev}</span>} <span className="code-name">{code.name}</span>
          {/* Drawn from the attribute: the spoken name says the counts in words, the eye reads figures. */}
          <span
            className="counts"
            aria-hidden="true"
            data-own={code.codingCount}
            data-total={hasChildren ? ` / ${node.totalCount}` : undefined}
            title={t('codebook.countLabel', { own: code.codingCount, total: node.totalCount })}
          />
        </div>
        {selected && code.definition && (
          <p className="definition" id={`code-definition-${code.id}`}>
            {code.definition}
          </p>
        )}
        {open && (
          <ul role="group" className="tree-group">
            {node.children.map(renderNode)}
          </ul>
        )}
      </li>
    );
  };

  return (
    <div className={`tree-root${dropTarget === 'root' ? ' drop-target' : ''}`} {...dropHandlers(null)}>
      <ul role="tree" aria-labelledby="codebook-title" className="code-tree" onKeyDown={onKeyDown}>
        {tree.map(renderNode)}
      </ul>
    </div>
  );
}

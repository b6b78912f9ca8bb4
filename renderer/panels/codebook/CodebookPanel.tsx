// The codebook: the code tree, and what can be done to the chosen code.
import { useMemo, useState } from 'react';
import { buildCodeTree, isWithin, type CodeNode } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { MemoSection } from '../memos/MemoSection.tsx';
import { SetsDialog } from '../sets/SetsDialog.tsx';
import { CodeEditDialog } from './CodeEditDialog.tsx';
import { CodeTree } from './CodeTree.tsx';
import { DeleteCodeDialog } from './DeleteCodeDialog.tsx';
import { MergeCodeDialog } from './MergeCodeDialog.tsx';
import { useCodeMoves } from './use-code-moves.ts';

type Editing =
  | { kind: 'add'; parentId: number | null }
  | { kind: 'edit'; node: CodeNode }
  | { kind: 'delete'; node: CodeNode }
  | { kind: 'merge'; from: CodeNode; into: CodeNode | null };

export function CodebookPanel() {
  const t = useT();
  const { selectedCodeId, selectCode, setView } = useWorkbench();
  const codes = useCodes();
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [setsOpen, setSetsOpen] = useState(false);
  const { move } = useCodeMoves();
  const selected = findNode(tree, selectedCodeId);

  const onDropCode = (draggedId: number, targetId: number | null, merge: boolean) => {
    const dragged = findNode(tree, draggedId);
    if (!dragged || draggedId === targetId) return;
    if (merge && targetId !== null) {
      setEditing({ kind: 'merge', from: dragged, into: findNode(tree, targetId) });
      return;
    }
    if (targetId !== null && isWithin(codes, targetId, draggedId)) return;
    void move(draggedId, targetId);
  };

  return (
    <section className="panel codebook-panel" aria-labelledby="codebook-title">
      <div className="panel-head">
        <h2 id="codebook-title">{t('codebook.title')}</h2>
        <button type="button" onClick={() => setEditing({ kind: 'add', parentId: null })}>
          {t('codebook.add')}
        </button>
        <button type="button" onClick={() => setSetsOpen(true)}>
          {t('sets.open.codes')}
        </button>
      </div>
      {tree.length === 0 ? (
        <p className="muted">{t('codebook.empty')}</p>
      ) : (
        <>
          <p className="drop-hint">{t('codebook.dragHint')}</p>
          <CodeTree tree={tree} selectedId={selectedCodeId} onSelect={selectCode} onDropCode={onDropCode} />
        </>
      )}
      {selected && (
        <div className="code-actions" role="group" aria-label={t('codebook.actionsFor', { name: selected.code.name })}>
          <button type="button" onClick={() => setEditing({ kind: 'edit', node: selected })}>
            {t('codebook.edit')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'add', parentId: selected.code.id })}>
            {t('codebook.addChild')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'merge', from: selected, into: null })}>
            {t('codebook.merge')}
          </button>
          <button type="button" onClick={() => setView('retrieval')}>
            {t('codebook.excerpts')}
          </button>
          <button type="button" className="danger" onClick={() => setEditing({ kind: 'delete', node: selected })}>
            {t('codebook.delete')}
          </button>
          <MemoSection key={selected.code.id} target={{ kind: 'code', id: selected.code.id }} />
        </div>
      )}
      {editing?.kind === 'add' && <CodeEditDialog parentId={editing.parentId} onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && <CodeEditDialog node={editing.node} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && <DeleteCodeDialog node={editing.node} onClose={() => setEditing(null)} />}
      {editing?.kind === 'merge' && <MergeCodeDialog from={editing.from} into={editing.into} tree={tree} onClose={() => setEditing(null)} />}
      {setsOpen && <SetsDialog kind="codes" onClose={() => setSetsOpen(false)} />}
    </section>
  );
}

function findNode(nodes: readonly CodeNode[], id: number | null): CodeNode | null {
  if (id === null) return null;
  for (const n of nodes) {
    if (n.code.id === id) return n;
    const inner = findNode(n.children, id);
    if (inner) return inner;
  }
  return null;
}

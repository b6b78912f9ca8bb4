// A memo attached to something (the open source, the chosen code, a coding), folded away until
// the user opens it. Reads the memo once opened and saves through the API.
import { useState } from 'react';
import type { MemoTarget } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall, useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { MemoEditor } from '../../memos/MemoEditor.tsx';

export function MemoSection({ target, defaultOpen = false }: { target: MemoTarget; defaultOpen?: boolean }) {
  const t = useT();
  const { report } = useWorkbench();
  const [open, setOpen] = useState(defaultOpen);
  const call = useApiCall();
  // Keyed by the target's value (the caller builds a new object on every render); undefined until read.
  const memo = useApiQuery('listMemos', open ? { target } : null, { select: (found) => found[0] ?? null }).data;

  // A memo just created: a second save before the list comes back updates it, never makes another.
  const [createdId, setCreatedId] = useState<number | null>(null);
  const id = memo?.id ?? createdId;

  const save = async ({ text, richText }: { text: string; richText: string }) => {
    try {
      const saved = await call('saveMemo', { ...(id !== null ? { id } : {}), target, text, richText });
      setCreatedId(saved.id);
    } catch (e) {
      report(e);
    }
  };

  return (
    <details className="memo-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t(`memo.target.${target.kind}`)}</summary>
      {open && memo !== undefined && <MemoEditor memo={memo} target={target} onSave={(input) => void save(input)} />}
    </details>
  );
}

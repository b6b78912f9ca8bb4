// A memo attached to something (the open source, the chosen code, a coding), folded away until
// the user opens it. Loads the memo when opened and saves through the API.
import { useEffect, useState } from 'react';
import type { Memo, MemoTarget } from '../../../model/types.ts';
import { api } from '../../api/client.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { MemoEditor } from '../../memos/MemoEditor.tsx';

export function MemoSection({ target, defaultOpen = false }: { target: MemoTarget; defaultOpen?: boolean }) {
  const t = useT();
  const { report } = useWorkbench();
  const [open, setOpen] = useState(defaultOpen);
  const [memo, setMemo] = useState<Memo | null | undefined>(undefined);
  const key = JSON.stringify(target);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setMemo(undefined);
    api.listMemos({ target }).then(
      (found) => live && setMemo(found[0] ?? null),
      (e: unknown) => live && report(e),
    );
    return () => {
      live = false;
    };
    // Keyed by value: the caller builds a new target object on every render.
  }, [open, key, report]);

  const save = async ({ text, richText }: { text: string; richText: string }) => {
    try {
      setMemo(await api.saveMemo({ ...(memo ? { id: memo.id } : {}), target, text, richText }));
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

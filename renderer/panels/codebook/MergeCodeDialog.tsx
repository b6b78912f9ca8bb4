// Merging moves every coding of one code onto another, then removes the first.
import { useState } from 'react';
import { codeLabel, flattenTree, type CodeNode } from '../../app/code-tree.ts';
import { CodeChoice } from '../../coding/CodeChoice.tsx';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { mergeCodesCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

interface Props {
  from: CodeNode;
  into: CodeNode | null;
  tree: CodeNode[];
  onClose: () => void;
}

export function MergeCodeDialog({ from, into, tree, onClose }: Props) {
  const t = useT();
  const { selectCode } = useWorkbench();
  const { run } = useHistory();
  const [target, setTarget] = useState(into ? String(into.code.id) : '');
  const [error, setError] = useState<string | null>(null);
  const choices = flattenTree(tree).filter((n) => n.code.id !== from.code.id);
  const chosen = choices.find((n) => String(n.code.id) === target)?.code;
  const intoName = chosen?.name ?? '';

  const confirm = async () => {
    try {
      await run(mergeCodesCommand(from.code.id, Number(target), { from: from.code.name, into: intoName }));
      selectCode(Number(target));
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Dialog title={t('codebook.mergeTitle', { name: from.code.name })} onClose={onClose}>
      <ErrorNotice message={error} />
      <div className="field-row">
        <span>{t('codebook.mergeInto')}</span>
        <CodeChoice codes={choices.map((n) => n.code)} label={t('codebook.mergeInto')} anyCode autoFocus onChoose={(codeId) => setTarget(String(codeId))}>
          {chosen ? codeLabel(chosen) : t('codebook.mergeChoose')}
        </CodeChoice>
      </div>
      {target && <p>{t('codebook.mergeExplain', { from: from.code.name, into: intoName, count: from.code.codingCount })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" disabled={!target} onClick={() => void confirm()}>
          {t('codebook.mergeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

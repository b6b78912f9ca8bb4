// Deleting a code says first what goes with it: its sub-codes and every coding they carry.
import { useState } from 'react';
import type { CodeNode } from '../../app/code-tree.ts';
import { flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { deleteCodeCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

export function DeleteCodeDialog({ node, onClose }: { node: CodeNode; onClose: () => void }) {
  const t = useT();
  const { selectCode } = useWorkbench();
  const { run } = useHistory();
  const [error, setError] = useState<string | null>(null);
  const subCodes = flattenTree(node.children).length;

  const confirm = async () => {
    try {
      await run(deleteCodeCommand(node.code.id, node.code.name));
      selectCode(null);
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <Dialog title={t('codebook.deleteTitle', { name: node.code.name })} onClose={onClose}>
      <ErrorNotice message={error} />
      <p>{t('codebook.deleteCodings', { count: node.totalCount })}</p>
      {subCodes > 0 && <p>{t('codebook.deleteSubcodes', { count: subCodes })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={() => void confirm()}>
          {t('codebook.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

// Adding a code, or renaming, recolouring, redefining and re-parenting one (the keyboard
// alternative to dragging it in the tree).
import { useMemo, useState, type FormEvent } from 'react';
import { defaultCodeColor } from '../../../codebooks/palette.ts';
import { buildCodeTree, codeLabel, flattenTree, isWithin, type CodeNode } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useCodes } from '../../data/lists.ts';
import { addCodeCommand, moveCodeCommand, updateCodeCommand } from '../../coding/history.ts';
import { useHistory } from '../../coding/useHistory.tsx';
import { Field } from '../../ui/Field.tsx';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';

type Props = { node: CodeNode; parentId?: undefined; onClose: () => void } | { node?: undefined; parentId: number | null; onClose: () => void };

const ROOT = '';

export function CodeEditDialog({ node, parentId, onClose }: Props) {
  const t = useT();
  const { selectCode } = useWorkbench();
  const codes = useCodes();
  const { run } = useHistory();
  const code = node?.code;
  const [name, setName] = useState(code?.name ?? '');
  const [abbrev, setAbbrev] = useState(code?.abbrev ?? '');
  // Until the user picks one, a new code's colour is the palette's least used under the chosen
  // parent; what the dialog shows is what is saved.
  const [chosenColor, setColor] = useState<string | null>(code?.color ?? null);
  const [definition, setDefinition] = useState(code?.definition ?? '');
  const [parent, setParent] = useState(String(code ? (code.parentId ?? ROOT) : (parentId ?? ROOT)));
  const [error, setError] = useState<string | null>(null);
  const color = chosenColor ?? defaultCodeColor(codes, parent === ROOT ? null : Number(parent));
  const parents = useMemo(() => flattenTree(buildCodeTree(codes)).filter((n) => !code || !isWithin(codes, n.code.id, code.id)), [codes, code]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parentValue = parent === ROOT ? null : Number(parent);
    try {
      if (code) {
        const changes = { name, abbrev: abbrev || null, color, definition };
        const changed = (Object.keys(changes) as Array<keyof typeof changes>).some((k) => changes[k] !== code[k]);
        if (changed) await run(updateCodeCommand(code.id, changes, code.name));
        if (parentValue !== code.parentId) await run(moveCodeCommand(code.id, parentValue, undefined, name));
      } else {
        const added = await run(addCodeCommand({ name, parentId: parentValue, abbrev: abbrev || null, definition, color }));
        if (added) selectCode(added.id);
      }
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <Dialog title={code ? t('codebook.editTitle', { name: code.name }) : t('codebook.addTitle')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="code-form">
        <ErrorNotice message={error} />
        <label className="field">
          <span>{t('codebook.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus />
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('codebook.abbrev')}</span>
            <input value={abbrev} onChange={(e) => setAbbrev(e.target.value)} size={6} />
          </label>
          <label className="field">
            <span>{t('codebook.color')}</span>
            <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
          </label>
        </div>
        <Field label={t('codebook.parent')}>
          {(id) => (
            <select id={id} value={parent} onChange={(e) => setParent(e.target.value)}>
              <option value={ROOT}>{t('codebook.topLevel')}</option>
              {parents.map((n) => (
                <option key={n.code.id} value={n.code.id}>
                  {'\u00a0\u00a0'.repeat(n.depth) + codeLabel(n.code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="field">
          <span>{t('codebook.definition')}</span>
          <textarea value={definition} onChange={(e) => setDefinition(e.target.value)} rows={4} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {code ? t('common.save') : t('codebook.addButton')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

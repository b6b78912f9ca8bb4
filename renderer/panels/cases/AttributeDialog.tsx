// One attribute's name, type and existence. A new type is previewed first: the values that would
// not read as it are listed by case, and cleared when the user confirms (said before they do).
// Case edits have no undo, so a deletion asks once more, naming how many values go with it.
import { useState, type FormEvent } from 'react';
import { ATTRIBUTE_TYPES, type AttributeDef, type AttributeType } from '../../../model/types.ts';
import type { ResultOf } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useCases } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Field } from '../../ui/Field.tsx';

type Preview = ResultOf<'retypeAttribute'>;

export function AttributeDialog({ attribute, onClose, onDone }: { attribute: AttributeDef; onClose: () => void; onDone: (said: string) => void }) {
  const t = useT();
  const call = useApiCall();
  const cases = useCases();
  const [name, setName] = useState(attribute.name);
  const [type, setType] = useState<AttributeType>(attribute.type);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const filled = cases.filter((c) => (c.attributes[attribute.name]?.length ?? 0) > 0).length;

  const attempt = async (work: () => Promise<string>) => {
    try {
      onDone(await work());
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    void attempt(async () => {
      const renamed = await call('renameAttribute', { id: attribute.id, name });
      return t('cases.renamed', { from: attribute.name, to: renamed.name });
    });
  };
  const choose = async (next: AttributeType) => {
    setType(next);
    setPreview(null);
    setError(null);
    if (next === attribute.type) return;
    try {
      setPreview(await call('retypeAttribute', { id: attribute.id, type: next, preview: true }));
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const typeName = t(`attrType.${type}`);

  return (
    <Dialog title={t('cases.editTitle', { name: attribute.name })} onClose={onClose}>
      <ErrorNotice message={error} />
      <form className="inline-form attr-rename" onSubmit={rename}>
        <label className="field grow">
          <span>{t('cases.attributeRename')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <button type="submit" disabled={!name.trim() || name.trim() === attribute.name}>
          {t('cases.rename')}
        </button>
      </form>

      <section className="attr-retype" aria-label={t('cases.retype')}>
        <Field label={t('cases.attributeType')}>
          {(id) => (
            <select id={id} value={type} onChange={(e) => void choose(e.target.value as AttributeType)}>
              {ATTRIBUTE_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`attrType.${ty}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {preview && (
          <div role="status">
            <p>{t('cases.retypeConverted', { count: preview.converted, type: typeName })}</p>
            {preview.unconvertible.length > 0 ? (
              <>
                <p>{t('cases.retypeLost', { count: preview.unconvertible.length, type: typeName })}</p>
                <ul className="attr-lost" aria-label={t('cases.retypeLostList')}>
                  {preview.unconvertible.map((u, i) => (
                    <li key={i}>{t('cases.lostValue', { owner: u.owner, value: u.value })}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('cases.retypeNoLoss')}</p>
            )}
          </div>
        )}
        <button
          type="button"
          disabled={!preview || type === attribute.type}
          onClick={() =>
            void attempt(async () => {
              const done = await call('retypeAttribute', { id: attribute.id, type });
              return t('cases.retyped', { name: attribute.name, type: typeName, cleared: done.unconvertible.length });
            })
          }
        >
          {preview && preview.unconvertible.length > 0 ? t('cases.retypeClear', { count: preview.unconvertible.length }) : t('cases.retype')}
        </button>
      </section>

      <section className="attr-delete" aria-label={t('cases.deleteAttribute')}>
        {deleting ? (
          <>
            <p>{t('cases.deleteExplain', { name: attribute.name, count: filled })}</p>
            <button type="button" onClick={() => setDeleting(false)}>
              {t('common.cancel')}
            </button>{' '}
            <button
              type="button"
              className="danger"
              onClick={() =>
                void attempt(async () => {
                  await call('deleteAttribute', { id: attribute.id });
                  return t('cases.deleted', { name: attribute.name });
                })
              }
            >
              {t('cases.deleteConfirm')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setDeleting(true)}>
            {t('cases.deleteAttribute')}
          </button>
        )}
      </section>

      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}

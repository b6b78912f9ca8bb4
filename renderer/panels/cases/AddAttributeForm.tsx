import { useState, type FormEvent } from 'react';
import { ATTRIBUTE_TYPES, type AttributeType } from '../../../model/types.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { Field } from '../../ui/Field.tsx';
import { useT } from '../../i18n/lang-context.tsx';

export function AddAttributeForm() {
  const t = useT();
  const { report } = useWorkbench();
  const call = useApiCall();
  const [name, setName] = useState('');
  // No default: each new attribute's type is chosen, never copied from the one added before.
  const [type, setType] = useState<AttributeType | ''>('');
  const [multi, setMulti] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !type) return;
    try {
      await call('defineAttribute', { name: name.trim(), type, scope: 'case', multi });
      setName('');
      setType('');
      setMulti(false);
    } catch (err) {
      report(err);
    }
  };

  return (
    <form className="inline-form" aria-label={t('cases.addAttribute')} onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('cases.attributeName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('cases.attributeHint')} />
      </label>
      <Field label={t('cases.attributeType')}>
        {(id) => (
          <select id={id} value={type} required onChange={(e) => setType(e.target.value as AttributeType)}>
            <option value="" disabled>
              {t('cases.typeChoose')}
            </option>
            {ATTRIBUTE_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`attrType.${ty}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input type="checkbox" checked={multi} onChange={(e) => setMulti(e.target.checked)} />
        {t('cases.multiAllowed')}
      </label>
      <button type="submit" disabled={!name.trim() || !type}>
        {t('cases.addAttribute')}
      </button>
    </form>
  );
}

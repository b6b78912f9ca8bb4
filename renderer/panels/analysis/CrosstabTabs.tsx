// The other matrices, each a tab: codes x sources, codes x a case attribute (counts or presence),
// code co-occurrence (either way, or overlap only, or same speaker turn only) and code frequencies.
import { useState } from 'react';
import type { AttributeDef } from '../../../model/types.ts';
import type { MatrixFilter } from '../../../analysis/matrix/types.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { AttributeSelect } from '../../ui/AttributeSelect.tsx';
import { Field } from '../../ui/Field.tsx';
import { MatrixSection } from './MatrixSection.tsx';

interface TabProps {
  active: boolean;
  filter: MatrixFilter;
}

export function CodeSourceTab({ active, filter }: TabProps) {
  return (
    <MatrixSection
      active={active}
      request={{ type: 'code-source', rows: 'codes', filter }}
      mode={{ kind: 'count' }}
      foldable
      grid={null}
      baseName="codes-sources"
      controls={null}
    />
  );
}

export function CodeAttributeTab({ active, filter, attributes }: TabProps & { attributes: AttributeDef[] }) {
  const t = useT();
  const caseAttributes = attributes.filter((a) => a.scope === 'case');
  const [name, setName] = useState('');
  const [presence, setPresence] = useState(false);
  const chosen = caseAttributes.some((a) => a.name === name) ? name : '';
  return (
    <MatrixSection
      active={active}
      request={chosen ? { type: 'code-attribute', rows: 'codes', columns: { by: 'attribute', scope: 'case', name: chosen }, filter } : null}
      mode={presence ? { kind: 'presence' } : { kind: 'count' }}
      foldable
      grid={null}
      baseName={`codes-${chosen}`}
      prompt={t('analysis.attribute.choose')}
      controls={
        <div className="field-row">
          <Field label={t('analysis.attribute.label')}>
            {(id) => <AttributeSelect id={id} attributes={caseAttributes} value={chosen} none={t('analysis.attribute.pick')} onChange={setName} />}
          </Field>
          <fieldset className="inline-choice">
            <legend>{t('analysis.attribute.show')}</legend>
            <label className="check">
              <input type="radio" name="presence" checked={!presence} onChange={() => setPresence(false)} />
              {t('analysis.attribute.counts')}
            </label>
            <label className="check">
              <input type="radio" name="presence" checked={presence} onChange={() => setPresence(true)} />
              {t('analysis.attribute.presence')}
            </label>
          </fieldset>
        </div>
      }
    />
  );
}

type Measure = 'count' | 'overlaps' | 'sameTurn';

export function CooccurrenceTab({ active, filter }: TabProps) {
  const t = useT();
  const [measure, setMeasure] = useState<Measure>('count');
  const choices: Array<[Measure, 'analysis.cooc.count' | 'analysis.cooc.overlaps' | 'analysis.cooc.sameTurn']> = [
    ['count', 'analysis.cooc.count'],
    ['overlaps', 'analysis.cooc.overlaps'],
    ['sameTurn', 'analysis.cooc.sameTurn'],
  ];
  return (
    <MatrixSection
      active={active}
      request={{ type: 'cooccurrence', rows: 'codes', filter }}
      mode={{ kind: 'cooccurrence', measure }}
      foldable={false}
      grid={null}
      baseName="cooccurrences"
      controls={
        <fieldset className="inline-choice">
          <legend>{t('analysis.cooc.measure')}</legend>
          {choices.map(([m, label]) => (
            <label key={m} className="check">
              <input type="radio" name="cooc-measure" checked={measure === m} onChange={() => setMeasure(m)} />
              {t(label)}
            </label>
          ))}
        </fieldset>
      }
    />
  );
}

export function FrequencyTab({ active, filter }: TabProps) {
  return (
    <MatrixSection
      active={active}
      request={{ type: 'frequencies', rows: 'codes', filter }}
      mode={{ kind: 'evidence', silence: false }}
      foldable
      grid={null}
      baseName="frequences"
      controls={null}
    />
  );
}

// "Corriger le texte" of a coded source: the text in an editing area, a preview of what the
// correction does to the codings (moved, adjusted, removed), and saving. Codings whose whole text
// disappears are listed with their code and text, and the save waits for the user to confirm them.
// Speaker turns and sections the correction removes, adds or renames are listed with their speaker
// or heading and first words; the others are only counted.
import { useState } from 'react';
import type { Translate } from '../../../i18n/catalogue.ts';
import type { Source } from '../../../model/types.ts';
import type { SourceEditEffect } from '../../../service/contract/index.ts';
import type { CodingShift, StructureShift } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { changeContext, shiftKind } from './format.ts';
import './privacy.css';

interface Props {
  source: Source;
  onSaved: (effect: SourceEditEffect) => void;
  onCancel: () => void;
  report: (e: unknown) => void;
}

export function SourceEditor({ source, onSaved, onCancel, report }: Props) {
  const t = useT();
  const call = useApiCall();
  const [text, setText] = useState(source.text);
  /** The preview of exactly this text; any keystroke makes it stale. */
  const [effect, setEffect] = useState<{ text: string; effect: SourceEditEffect } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = effect?.text === text ? effect.effect : null;

  const preview = async (): Promise<SourceEditEffect | null> => {
    try {
      const e = await call('previewSourceEdit', { sourceId: source.id, text });
      setEffect({ text, effect: e });
      setConfirmed(false);
      return e;
    } catch (e) {
      report(e);
      return null;
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const seen = current ?? (await preview());
      // Removals are never saved unseen: the first click shows them and asks.
      if (!seen || (seen.removed.length > 0 && (!current || !confirmed))) return;
      onSaved(await call('applySourceEdit', { sourceId: source.id, text, confirmRemoval: confirmed }));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const needsConfirm = (current?.removed.length ?? 0) > 0;
  return (
    <section className="source-edit" aria-labelledby="source-edit-title">
      <h3 id="source-edit-title" className="privacy-subtitle">
        {t('edit.title', { name: source.name })}
      </h3>
      <p className="muted">{t('edit.hint')}</p>
      <label htmlFor="source-edit-text" className="privacy-subtitle">
        {t('edit.text')}
      </label>
      <textarea id="source-edit-text" value={text} rows={10} spellCheck onChange={(e) => setText(e.target.value)} />
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void preview()}>
          {t('edit.preview')}
        </button>
        <button type="button" className="primary" disabled={busy || (needsConfirm && !confirmed)} onClick={() => void save()}>
          {t('edit.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
      {current && <EffectView oldText={source.text} effect={current} confirmed={confirmed} onConfirm={setConfirmed} />}
    </section>
  );
}

function EffectView(props: { oldText: string; effect: SourceEditEffect; confirmed: boolean; onConfirm: (on: boolean) => void }) {
  const { oldText, effect, confirmed, onConfirm } = props;
  const t = useT();
  if (effect.changes.length === 0) {
    return (
      <p className="edit-effect" role="status">
        {t('edit.noChange')}
      </p>
    );
  }
  return (
    <div className="edit-effect" aria-label={t('edit.preview')} role="region">
      <p role="status">
        {t('edit.summary', {
          changes: effect.changes.length,
          unchanged: effect.unchanged,
          moved: effect.moved.length,
          changed: effect.changed.length,
          removed: effect.removed.length,
        })}
      </p>
      <h3>{t('edit.changesTitle')}</h3>
      <ul>
        {effect.changes.map((c) => {
          const around = changeContext(oldText, c);
          return (
            <li key={`${c.start}-${c.end}`}>
              {around.before}
              {c.oldText && (
                <del className="edit-old" title={t('edit.deleted')}>
                  {c.oldText}
                </del>
              )}
              {c.newText && (
                <ins className="edit-new" title={t('edit.inserted')}>
                  {c.newText}
                </ins>
              )}
              {around.after}
            </li>
          );
        })}
      </ul>
      <StructureList shifts={effect.structure} />
      <ShiftList title={t('edit.movedTitle')} shifts={effect.moved} />
      <ShiftList title={t('edit.changedTitle')} shifts={effect.changed} showKind />
      {effect.removed.length > 0 && (
        <div className="edit-removed">
          <ShiftList title={t('edit.removedTitle')} shifts={effect.removed} />
          <label className="check">
            <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} />
            <span>{t('edit.confirmRemoval', { count: effect.removed.length })}</span>
          </label>
        </div>
      )}
    </div>
  );
}

function ShiftList({ title, shifts, showKind = false }: { title: string; shifts: CodingShift[]; showKind?: boolean }) {
  const t = useT();
  if (shifts.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {shifts.map((k) => (
          <li key={k.codingId}>
            <strong>{k.codeName}</strong> ({t('edit.by', { name: k.coderName })}
            {k.hasMemo && `, ${t('edit.withMemo')}`}) : « {k.before.text} »
            {showKind && k.after && (
              <>
                {' '}
                → « {k.after.text} » <em>({t(`edit.${shiftKind(k)}`)})</em>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function StructureList({ shifts }: { shifts: StructureShift[] }) {
  const t = useT();
  if (shifts.length === 0) return null;
  const listed = shifts.filter((s) => s.change !== 'moved');
  const moved = shifts.length - listed.length;
  return (
    <>
      <h3>{t('edit.structureTitle')}</h3>
      {listed.length > 0 && (
        <ul className="edit-structure">
          {listed.map((s) => (
            <li key={s.id === null ? `new-${s.after?.start}` : s.id} className={s.change === 'removed' ? 'edit-structure-removed' : undefined}>
              {structureLine(t, s)}
            </li>
          ))}
        </ul>
      )}
      {moved > 0 && <p className="muted">{t('edit.structureMoved', { count: moved })}</p>}
    </>
  );
}

function structureLine(t: Translate, s: StructureShift): string {
  const words = s.excerpt;
  if (s.kind === 'turn') {
    if (s.change === 'added') return t('edit.turnAdded', { speaker: s.label, words });
    if (s.change === 'relabelled') return t('edit.turnRelabelled', { speaker: s.label, newSpeaker: s.newLabel ?? '', words });
    const line = t('edit.turnRemoved', { speaker: s.label, words });
    if (s.joins === undefined) return line;
    return `${line} (${s.joins === null ? t('edit.turnTextStays') : t('edit.turnJoins', { into: s.joins })})`;
  }
  if (s.change === 'relabelled') return t('edit.sectionRelabelled', { heading: s.label, newHeading: s.newLabel ?? '' });
  const line = t('edit.sectionRemoved', { heading: s.label });
  if (s.joins === undefined) return line;
  return `${line} (${s.joins === null ? t('edit.sectionTextStays') : t('edit.sectionJoins', { into: s.joins })})`;
}

// "Prévisualiser" then "Appliquer": every match of the table in its context, each with a box, all
// ticked; filters by person and by place narrow what is shown (and what the tick-all buttons
// touch). Applying rewrites only the ticked ones, in one transaction; then the summary, how many
// backups still hold the real names and where (the one taken when the project opened among them),
// with a way to delete them here, so the choice to forget the real names stays on screen, and that
// choice. The warning stays after forgetting: forgetting cleans the project file, not its backups.
import { useMemo, useState } from 'react';
import type { PseudonymsApplied } from '../../../service/contract/index.ts';
import type { PseudonymMatch, PseudonymPreview } from '../../../service/contract/index.ts';
import type { PseudonymEntry } from '../../../service/contract/index.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { Field } from '../../ui/Field.tsx';
import { ConfirmInPlace } from './ConfirmInPlace.tsx';
import { ellipsed } from './format.ts';
import { acceptedIds, filterMatches, placeKey, placeLabel, placesOf, setTicked, type MatchFilter } from './matches.ts';

interface Props {
  entries: PseudonymEntry[];
  /** After applying or forgetting (the table and the workbench's views are fetched again by themselves). */
  onChanged: () => Promise<void>;
  report: (e: unknown) => void;
}

/** The service gives up to this many characters of context on each side of a match. */
const CONTEXT = 40;

export function PseudonymReview({ entries, onChanged, report }: Props) {
  const { t } = useLang();
  const call = useApiCall();
  const [preview, setPreview] = useState<PseudonymPreview | null>(null);
  const [ticked, setTickedIds] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState<MatchFilter>({ entryId: null, place: null });
  const [applied, setApplied] = useState<PseudonymsApplied | null>(null);
  const [forgotten, setForgotten] = useState<number | null>(null);
  /** The old backups: still there, being asked about, or deleted. */
  const [oldBackups, setOldBackups] = useState<'kept' | 'asking' | 'deleted'>('kept');
  const [busy, setBusy] = useState(false);

  const run = async (op: () => Promise<void>) => {
    setBusy(true);
    try {
      await op();
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const doPreview = () =>
    run(async () => {
      const p = await call('previewPseudonyms', undefined);
      setPreview(p);
      setTickedIds(new Set(p.matches.map((m) => m.id)));
      setFilter({ entryId: null, place: null });
      setApplied(null);
      setForgotten(null);
    });

  const doApply = () =>
    run(async () => {
      if (!preview) return;
      const result = await call('applyPseudonyms', { accept: acceptedIds(preview.matches, ticked) });
      setApplied(result);
      setOldBackups('kept');
      setPreview(null);
      await onChanged();
    });

  const doForget = () =>
    run(async () => {
      const { forgotten: count } = await call('forgetRealNames', undefined);
      setForgotten(count);
      await onChanged();
    });

  const deleteOldBackups = () =>
    run(async () => {
      setOldBackups('kept');
      await call('deleteAllBackups', undefined);
      setOldBackups('deleted');
    });

  const hasRealNames = entries.some((e) => e.realName !== null);
  return (
    <section className="privacy-review" aria-label={t('pseudo.preview')}>
      <div className="privacy-actions">
        <button type="button" onClick={() => void doPreview()} disabled={busy || !hasRealNames}>
          {t('pseudo.preview')}
        </button>
      </div>
      {preview && (
        <MatchReview
          preview={preview}
          entries={entries}
          ticked={ticked}
          filter={filter}
          busy={busy}
          onTicked={setTickedIds}
          onFilter={setFilter}
          onApply={() => void doApply()}
        />
      )}
      {applied && (
        <div className="privacy-outcome" role="status">
          <p className="status">
            {t('pseudo.applied', {
              replaced: applied.replaced,
              sources: applied.sources,
              fields: applied.fields,
              moved: applied.codings.moved,
              changed: applied.codings.changed,
            })}
          </p>
          {applied.backups.count > 0 && oldBackups !== 'deleted' && (
            <p className="privacy-warning">{t('pseudo.oldBackupsWarning', { count: applied.backups.count, dir: applied.backups.dir })}</p>
          )}
          {oldBackups === 'deleted' && <p className="status">{t('pseudo.backupsDeleted')}</p>}
        </div>
      )}
      {applied && applied.backups.count > 0 && oldBackups === 'kept' && (
        <div className="privacy-actions">
          <button type="button" className="danger" disabled={busy} onClick={() => setOldBackups('asking')}>
            {t('pseudo.deleteOldBackups', { count: applied.backups.count })}
          </button>
        </div>
      )}
      {applied && oldBackups === 'asking' && (
        <ConfirmInPlace
          message={t('backup.confirmDeleteAll', { dir: applied.backups.dir })}
          confirmLabel={t('backup.confirmDeleteAllButton')}
          onConfirm={() => void deleteOldBackups()}
          onCancel={() => setOldBackups('kept')}
        />
      )}
      {applied && forgotten === null && hasRealNames && (
        <div className="privacy-forget">
          <p>{t('pseudo.forgetExplain')}</p>
          <button type="button" className="danger" disabled={busy} onClick={() => void doForget()}>
            {t('pseudo.forget')}
          </button>
        </div>
      )}
      {forgotten !== null && (
        <p className="status" role="status">
          {t('pseudo.forgetDone', { count: forgotten })}
        </p>
      )}
    </section>
  );
}

function MatchReview(props: {
  preview: PseudonymPreview;
  entries: PseudonymEntry[];
  ticked: Set<string>;
  filter: MatchFilter;
  busy: boolean;
  onTicked: (next: Set<string>) => void;
  onFilter: (next: MatchFilter) => void;
  onApply: () => void;
}) {
  const { t } = useLang();
  const { preview, ticked, filter } = props;
  const shown = useMemo(() => filterMatches(preview.matches, filter), [preview, filter]);
  const places = useMemo(() => placesOf(preview.matches), [preview]);
  const people = props.entries.filter((e) => preview.matches.some((m) => m.entryId === e.id));
  const count = acceptedIds(preview.matches, ticked).length;

  if (preview.matches.length === 0) {
    return (
      <p className="muted" role="status">
        {t('pseudo.noMatch')}
      </p>
    );
  }
  return (
    <div className="code-all">
      <p role="status">{t('pseudo.matches', { count: preview.matches.length, checked: count })}</p>
      {preview.ambiguous.map((a) => (
        <p key={a.form} className="privacy-warning">
          {t('pseudo.ambiguous', { form: a.form, pseudonyms: a.pseudonyms.join(', ') })}
        </p>
      ))}
      <div className="field-row">
        <Field label={t('pseudo.filterPerson')}>
          {(id) => (
            <select
              id={id}
              value={filter.entryId ?? ''}
              onChange={(e) => props.onFilter({ ...filter, entryId: e.target.value ? Number(e.target.value) : null })}
            >
              <option value="">{t('pseudo.everyone')}</option>
              {people.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.realName} → {e.pseudonym}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pseudo.filterPlace')}>
          {(id) => (
            <select id={id} value={filter.place ?? ''} onChange={(e) => props.onFilter({ ...filter, place: e.target.value || null })}>
              <option value="">{t('pseudo.everywhere')}</option>
              {places.map((p) => (
                <option key={p.key} value={p.key}>
                  {placeLabel(p.target, t)} ({p.count})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="privacy-actions">
        <button type="button" onClick={() => props.onTicked(setTicked(ticked, shown, true))}>
          {t('pseudo.tickShown')}
        </button>
        <button type="button" onClick={() => props.onTicked(setTicked(ticked, shown, false))}>
          {t('pseudo.untickShown')}
        </button>
      </div>
      <fieldset>
        <legend>{t('pseudo.review')}</legend>
        <ul className="review-list">
          {shown.map((m) => (
            <MatchItem key={m.id} match={m} checked={ticked.has(m.id)} onChange={(on) => props.onTicked(setTicked(ticked, [m], on))} />
          ))}
        </ul>
      </fieldset>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={props.busy || count === 0} onClick={props.onApply}>
          {t('pseudo.apply', { count })}
        </button>
      </div>
    </div>
  );
}

function MatchItem({ match: m, checked, onChange }: { match: PseudonymMatch; checked: boolean; onChange: (on: boolean) => void }) {
  const { t } = useLang();
  const context = ellipsed(m.before, m.after, CONTEXT);
  return (
    <li data-place={placeKey(m.target)}>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>
          <span className="privacy-place">{placeLabel(m.target, t)}</span>
          <span className="privacy-context">
            {context.before}
            <mark>{m.found}</mark>
            {context.after}
          </span>
          <span className="privacy-replacement"> → {m.replacement}</span>
        </span>
      </label>
    </li>
  );
}

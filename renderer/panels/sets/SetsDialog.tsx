// Sets of sources (a site, a wave) or of codes (a question): listed, created, renamed, described,
// filled and emptied, deleted. The same dialog serves both kinds, opened from the sources panel and
// from the codebook.
import { useMemo, useState } from 'react';
import type { NamedSet, SetKind } from '../../../model/types.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useApiCall } from '../../data/hooks.ts';
import { useCodes, useSets, useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useTask } from '../team/use-task.ts';

interface Draft {
  id?: number;
  name: string;
  description: string;
  memberIds: number[];
}

interface Choice {
  id: number;
  label: string;
  depth: number;
}

/** What may go in a set of this kind: the sources by name, or the codes as the codebook shows them. */
function useChoices(kind: SetKind): Choice[] {
  const sources = useSources();
  const codes = useCodes();
  return useMemo(
    () =>
      kind === 'sources'
        ? sources.map((s) => ({ id: s.id, label: s.name, depth: 0 }))
        : flattenTree(buildCodeTree(codes)).map((n) => ({ id: n.code.id, label: codeLabel(n.code), depth: n.depth })),
    [kind, sources, codes],
  );
}

export function SetsDialog({ kind, onClose }: { kind: SetKind; onClose: () => void }) {
  const t = useT();
  const call = useApiCall();
  const sets = useSets(kind);
  const choices = useChoices(kind);
  const labels = useMemo(() => new Map(choices.map((c) => [c.id, c.label])), [choices]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, error, clearError, run } = useTask();
  const members = (ids: number[]) => (kind === 'sources' ? { sourceIds: ids } : { codeIds: ids });

  const save = () =>
    run(async () => {
      if (!draft) return;
      if (draft.id === undefined) {
        await call('createSet', { kind, name: draft.name, description: draft.description, ...members(draft.memberIds) });
      } else {
        // The name first: a name already taken is refused before any member changes.
        const before = sets.find((s) => s.id === draft.id)?.memberIds ?? [];
        await call('updateSet', { id: draft.id, name: draft.name, description: draft.description });
        const added = draft.memberIds.filter((id) => !before.includes(id));
        const removed = before.filter((id) => !draft.memberIds.includes(id));
        if (added.length > 0) await call('addSetMembers', { id: draft.id, ...members(added) });
        if (removed.length > 0) await call('removeSetMembers', { id: draft.id, ...members(removed) });
      }
      setDraft(null);
    });
  const remove = (s: NamedSet) => run(async () => void (await call('deleteSet', { id: s.id })));
  const toggle = (id: number, on: boolean) => setDraft((d) => d && { ...d, memberIds: on ? [...d.memberIds, id] : d.memberIds.filter((x) => x !== id) });

  return (
    <Dialog title={t(kind === 'sources' ? 'sets.title.sources' : 'sets.title.codes')} onClose={onClose}>
      <ErrorNotice message={error} onDismiss={clearError} />
      {sets.length === 0 ? (
        <p className="muted">{t('sets.none')}</p>
      ) : (
        <ul className="question-list set-list">
          {sets.map((s) => (
            <li key={s.id}>
              <span className="question-name">{s.name}</span>
              <span className="muted" title={s.memberIds.map((id) => labels.get(id) ?? `#${id}`).join(', ')}>
                {t('sets.count', { count: s.memberIds.length })}
                {s.description ? ` · ${s.description}` : ''}
              </span>
              <span className="analysis-actions">
                <button
                  type="button"
                  aria-label={`${t('sets.edit')} ${s.name}`}
                  onClick={() => setDraft({ id: s.id, name: s.name, description: s.description, memberIds: s.memberIds })}
                >
                  {t('sets.edit')}
                </button>
                <button type="button" className="danger" aria-label={`${t('sets.delete')} ${s.name}`} disabled={busy} onClick={() => void remove(s)}>
                  {t('sets.delete')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {draft ? (
        <form
          className="question-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span>{t('sets.name')}</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
          </label>
          <label className="field">
            <span>{t('sets.description')}</span>
            <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
          </label>
          <fieldset className="question-codes">
            <legend>{t(kind === 'sources' ? 'sets.members.sources' : 'sets.members.codes')}</legend>
            {choices.map((c) => (
              <label key={c.id} className="check" style={{ paddingInlineStart: `${c.depth * 1.1}rem` }}>
                <input type="checkbox" checked={draft.memberIds.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                {c.label}
              </label>
            ))}
          </fieldset>
          <div className="dialog-actions">
            <button type="button" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !draft.name.trim()}>
              {t('common.save')}
            </button>
          </div>
        </form>
      ) : (
        <div className="dialog-actions">
          <button type="button" onClick={() => setDraft({ name: '', description: '', memberIds: [] })}>
            {t('sets.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      )}
    </Dialog>
  );
}

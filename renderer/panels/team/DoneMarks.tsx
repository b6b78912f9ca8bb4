// "Coding done" marks, one per source and coder, in the agreement tab: they choose the sources the
// figures compare, so they sit where the figures are computed and a team lead sees everyone's.
import { useApiMutation, useApiQuery } from '../../data/hooks.ts';
import { useSources } from '../../data/lists.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';

export function DoneMarks({ coders }: { coders: string[] }) {
  const t = useT();
  const sources = useSources();
  const marks = useApiQuery('listDoneMarks', {}).data ?? [];
  const set = useApiMutation('setSourceDone');
  const done = new Set(marks.map((m) => `${m.sourceId}\u0000${m.coder}`));
  // The box being changed shows its new state while the change is on its way.
  const pending = set.isPending ? set.variables : undefined;
  const isDone = (source: number, coder: string) =>
    pending && pending.source === source && pending.coder === coder ? pending.done : done.has(`${source}\u0000${coder}`);
  return (
    <details className="done-marks" open={marks.length > 0}>
      <summary>{t('team.done.title')}</summary>
      <p className="muted">{t('team.done.hint')}</p>
      <ErrorNotice message={set.error ? set.error.message : null} onDismiss={() => set.reset()} />
      <div className="table-scroll">
        <table className="team-table" data-testid="done-marks">
          <thead>
            <tr>
              <th scope="col">{t('team.done.title')}</th>
              {coders.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                {coders.map((coder) => (
                  <td key={coder}>
                    <input
                      type="checkbox"
                      aria-label={t('team.done.toggle', { source: s.name, coder })}
                      checked={isDone(s.id, coder)}
                      disabled={set.isPending}
                      onChange={(e) => set.mutate({ source: s.id, coder, done: e.target.checked })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

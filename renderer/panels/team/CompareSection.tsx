// Comparing my codebook with a teammate's (a .qdc or .qdpx received, or a file on this computer):
// both side by side with the differences marked, a decision per difference, then the merge applied
// to my codebook in one call. The comparison report can be exported for the team meeting.
import { useMemo, useState } from 'react';
import type { DiffCode } from '../../../codebooks/compare.ts';
import type { Choice } from '../../../codebooks/merge.ts';
import type { TeamOther } from '../../../service/contract/index.ts';
import type { CodebookComparison } from '../../../service/contract/index.ts';
import type { MergeReport } from '../../../service/contract/index.ts';
import type { QdcImport } from '../../../service/contract/index.ts';
import { teamLabel } from '../../../i18n/team-labels.ts';
import { buildCodeTree, flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useCodes } from '../../data/lists.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { decisionsOf, diffEntries, sideRows, type DiffEntry, type SideRow } from './compare-view.ts';
import { fileBase, MIME, saveFile } from './download.ts';
import { extensionOf } from './FileDrop.tsx';
import { CodebookResult, MergeSummary } from './MergeSummary.tsx';
import { OtherChooser } from './OtherChooser.tsx';
import { useTask } from './use-task.ts';
import { WarningList } from './WarningList.tsx';

export function CompareSection() {
  const { t, lang } = useLang();
  const { project } = useWorkbench();
  const codes = useCodes();
  const call = useApiCall();
  const task = useTask();
  const [other, setOther] = useState<TeamOther | null>(null);
  const [cmp, setCmp] = useState<{ other: TeamOther; result: CodebookComparison } | null>(null);
  const [chosen, setChosen] = useState<Record<string, Choice>>({});
  const [applied, setApplied] = useState<QdcImport | null>(null);
  const [merged, setMerged] = useState<MergeReport | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const compare = (with_: TeamOther) =>
    task.run(async () => {
      const result = await call('compareCodebooks', { other: with_ });
      setCmp({ other: with_, result });
      setChosen({});
    });

  const entries = useMemo(() => (cmp ? diffEntries(cmp.result.diff) : []), [cmp]);
  const anchor = useMemo(() => new Map(entries.map((e, i) => [e.id, `cmp-diff-${i}`])), [entries]);
  // My side in the codebook's own order; theirs in the file's order.
  const myRank = useMemo(() => {
    const order = new Map(flattenTree(buildCodeTree(codes)).map((n, i) => [n.code.id, i]));
    return (c: DiffCode) => order.get(c.id) ?? Number.MAX_SAFE_INTEGER;
  }, [codes]);
  const mine = useMemo(() => (cmp ? sideRows(cmp.result.diff, 'a', myRank) : []), [cmp, myRank]);
  const theirs = useMemo(() => (cmp ? sideRows(cmp.result.diff, 'b') : []), [cmp]);

  // The other side is a whole project: its codings can come in too, following the same decisions.
  const isProject = cmp !== null && ['.qdpx', '.tresse'].includes(extensionOf('path' in cmp.other ? cmp.other.path : cmp.other.fileName));

  const apply = (whole: boolean) =>
    task.run(async () => {
      if (!cmp) return;
      const decisions = decisionsOf(entries, chosen);
      setApplied(null);
      setMerged(null);
      if (whole) setMerged(await call('mergeProject', { other: cmp.other, decisions }));
      else setApplied(await call('applyCodebookMerge', { other: cmp.other, decisions }));
      // What is left to see once the merge is in.
      setCmp({ other: cmp.other, result: await call('compareCodebooks', { other: cmp.other }) });
      setChosen({});
    });

  const exportReport = (format: 'html' | 'xlsx') =>
    task.run(async () => {
      if (!cmp) return;
      const fileName = `${fileBase(project.name)}-comparaison.${format}`;
      saveFile(await call('exportComparison', { other: cmp.other, format }), fileName, MIME[format]);
      setSaved(fileName);
    });

  const d = cmp?.result.diff;
  return (
    <div className="team-section">
      <OtherChooser
        legend={t('team.other.legend')}
        fileExts={['.qdc', '.qdpx']}
        pathExts={['.tresse', '.qdc', '.qdpx']}
        testId="compare-input"
        onChange={setOther}
      />
      <div className="team-actions">
        <button type="button" className="primary" disabled={!other || task.busy} onClick={() => other && void compare(other)}>
          {t('team.compare.run')}
        </button>
      </div>
      {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={task.error} onDismiss={task.clearError} />
      {applied && <CodebookResult title={t('team.compare.applied')} counts={applied} warnings={applied.warnings} />}
      {merged && <MergeSummary title={t('team.merge.done')} report={merged} />}
      {cmp && d && (
        <>
          <p className="muted">{t('team.compare.sides', { a: cmp.result.a.label, b: cmp.result.b.label })}</p>
          <p data-testid="compare-summary">
            {teamLabel('compareSummary', lang, {
              added: d.added.length,
              removed: d.removed.length,
              renamed: d.renamed.length,
              proposed: d.renamed.filter((r) => r.proposed).length,
              moved: d.moved.length,
              redefined: d.redefined.length,
              recoloured: d.recoloured.length,
            })}
          </p>
          {cmp.result.warnings.length > 0 && <WarningList warnings={cmp.result.warnings} />}
          <div className="compare-sides">
            <SideList title={t('team.compare.mine')} rows={mine} anchor={anchor} />
            <SideList title={t('team.compare.theirs')} rows={theirs} anchor={anchor} />
          </div>
          <DecisionTable entries={entries} anchor={anchor} chosen={chosen} onChoose={(id, c) => setChosen((prev) => ({ ...prev, [id]: c }))} />
          <div className="team-actions">
            <button type="button" className="primary" disabled={task.busy || entries.every((e) => e.choices.length === 0)} onClick={() => void apply(false)}>
              {t('team.compare.apply')}
            </button>
            {isProject && (
              <button type="button" disabled={task.busy} onClick={() => void apply(true)}>
                {t('team.compare.mergeProject')}
              </button>
            )}
            <button type="button" disabled={task.busy} onClick={() => void exportReport('html')}>
              {t('team.compare.exportHtml')}
            </button>
            <button type="button" disabled={task.busy} onClick={() => void exportReport('xlsx')}>
              {t('team.compare.exportXlsx')}
            </button>
          </div>
          <p role="status" className="team-status">
            {saved ? t('team.saved', { file: saved }) : ''}
          </p>
        </>
      )}
    </div>
  );
}

function SideList({ title, rows, anchor }: { title: string; rows: SideRow[]; anchor: Map<string, string> }) {
  const { t, lang } = useLang();
  return (
    <section className="compare-side" aria-label={title}>
      <h4>{title}</h4>
      <ul className="compare-list">
        {rows.map((r) => (
          <li
            key={r.code.id}
            className={r.marks.length > 0 ? `marked mark-${r.marks[0]!.kind}` : undefined}
            style={{ paddingLeft: `${0.4 + r.depth * 1.1}rem` }}
          >
            <span className="swatch" style={{ background: r.code.color }} aria-hidden="true" />
            <span className="compare-name">{r.code.abbrev ? `${r.code.abbrev} · ${r.code.name}` : r.code.name}</span>
            {r.marks.length > 0 && (
              <span className="visually-hidden">{t('team.compare.marks', { kinds: r.marks.map((m) => teamLabel(m.kind, lang)).join(', ') })}</span>
            )}
            {r.marks.map((m) => (
              <a key={m.id} className={`diff-badge badge-${m.kind}`} href={`#${anchor.get(m.id)}`} aria-hidden="true" tabIndex={-1}>
                {teamLabel(m.kind, lang)}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DecisionTable({
  entries,
  anchor,
  chosen,
  onChoose,
}: {
  entries: DiffEntry[];
  anchor: Map<string, string>;
  chosen: Record<string, Choice>;
  onChoose: (id: string, choice: Choice) => void;
}) {
  const { t, lang } = useLang();
  if (entries.length === 0) return <p>{teamLabel('noDifference', lang)}</p>;
  return (
    <div className="table-scroll">
      <table className="team-table decisions-table">
        <caption>{t('team.compare.decisions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('team.compare.colChange')}</th>
            <th scope="col">{t('team.compare.colMine')}</th>
            <th scope="col">{t('team.compare.colTheirs')}</th>
            <th scope="col">{t('team.compare.colDetail')}</th>
            <th scope="col">{t('team.compare.colDecision')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const name = (e.a ?? e.b)!.name;
            return (
              <tr key={e.id} id={anchor.get(e.id)} className={`row-${e.kind}`}>
                <th scope="row">
                  <span className={`diff-badge badge-${e.kind}`}>{teamLabel(e.kind, lang)}</span>
                </th>
                <td>{e.a ? e.a.path.join(' / ') : '—'}</td>
                <td>{e.b ? e.b.path.join(' / ') : '—'}</td>
                <td>
                  <Detail entry={e} />
                </td>
                <td>
                  {e.choices.length === 0 ? (
                    <span className="muted">{t('team.compare.keptMine')}</span>
                  ) : (
                    <select
                      aria-label={t('team.compare.decisionFor', { code: name })}
                      value={chosen[e.id] ?? e.initial ?? undefined}
                      onChange={(ev) => onChoose(e.id, ev.target.value as Choice)}
                    >
                      {e.choices.map((c) => (
                        <option key={c} value={c}>
                          {t(`team.compare.choice.${c}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Detail({ entry: e }: { entry: DiffEntry }) {
  const { t, lang } = useLang();
  const parentPath = (c: DiffCode) => (c.path.length > 1 ? c.path.slice(0, -1).join(' / ') : t('team.compare.root'));
  if (e.kind === 'renamed' && e.a && e.b)
    return (
      <>
        « {e.a.name} » → « {e.b.name} »
      </>
    );
  if (e.kind === 'proposedRename' && e.score !== undefined) {
    const score = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(e.score);
    return <>{teamLabel('similarity', lang, { score })}</>;
  }
  if (e.kind === 'moved' && e.a && e.b) return <>{t('team.compare.moved', { from: parentPath(e.a), to: parentPath(e.b) })}</>;
  if (e.kind === 'recoloured' && e.a && e.b) {
    return (
      <>
        <span className="swatch" style={{ background: e.a.color }} aria-hidden="true" /> {e.a.color} →{' '}
        <span className="swatch" style={{ background: e.b.color }} aria-hidden="true" /> {e.b.color}
      </>
    );
  }
  if (e.kind === 'redefined' && e.a && e.b && e.fields) {
    const a = e.a;
    const b = e.b;
    return (
      <details>
        <summary>{teamLabel('fields', lang, { fields: e.fields.map((f) => teamLabel(f, lang)).join(', ') })}</summary>
        {e.fields.map((f) => (
          <dl key={f} className="redefined">
            <dt>A</dt>
            <dd>{a[f] || '—'}</dd>
            <dt>B</dt>
            <dd>{b[f] || '—'}</dd>
          </dl>
        ))}
      </details>
    );
  }
  return null;
}

// Inter-coder agreement: which coders, at which unit, for which code; the table per code and
// overall, the sources left out, exports; then the review of the passages where the coders differ.
// Every decision taken in the review is followed by the figures computed again.
import { useMemo, useState } from 'react';
import type { AgreementUnit } from '../../../analysis/agreement/units.ts';
import type { ProjectAgreement } from '../../../service/contract/index.ts';
import type { AgreementQuery, ReviewAction } from '../../../service/contract/index.ts';
import type { ReviewItem } from '../../../service/contract/index.ts';
import { teamLabel } from '../../../i18n/team-labels.ts';
import { buildCodeTree, codeLabel, flattenTree } from '../../app/code-tree.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useCodes } from '../../data/lists.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { figureCells, formatCoefficient, formatPercent, formatThreshold, parseThreshold } from './agreement-format.ts';
import { DisagreementReview, type ReviewRequest } from './DisagreementReview.tsx';
import { fileBase, MIME, saveFile } from './download.ts';
import { useTask } from './use-task.ts';

const UNITS: AgreementUnit[] = ['character', 'segment', 'document'];

export function AgreementSection() {
  const { t, lang } = useLang();
  const { project } = useWorkbench();
  const codes = useCodes();
  const call = useApiCall();
  const task = useTask();
  const [picked, setPicked] = useState<string[]>(() => project.coders.map((c) => c.name));
  const [unit, setUnit] = useState<AgreementUnit>('character');
  const [codeRef, setCodeRef] = useState('');
  const [threshold, setThreshold] = useState(lang === 'fr' ? '0,5' : '0.5');
  const [query, setQuery] = useState<AgreementQuery | null>(null);
  const [report, setReport] = useState<ProjectAgreement | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [change, setChange] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const options = useMemo(() => flattenTree(buildCodeTree(codes)), [codes]);

  const load = async (q: AgreementQuery) => {
    const { unit: _unit, ...review } = q;
    const [r, list] = await Promise.all([call('computeAgreement', q), call('listDisagreements', review)]);
    setReport(r);
    setItems(list);
    return r;
  };

  const compute = () => {
    setChange(null);
    const value = parseThreshold(threshold);
    if (picked.length < 2) return task.setError(t('team.agreement.needTwo'));
    if (value === null) return task.setError(t('team.agreement.badThreshold'));
    const q: AgreementQuery = { coders: picked, unit, overlapThreshold: value, ...(codeRef ? { codeRef } : {}) };
    void task.run(async () => {
      setQuery(q);
      await load(q);
    });
  };

  const resolve = (request: ReviewRequest) =>
    task.run(async () => {
      if (!query || !report) return;
      const { unit: _unit, ...review } = query;
      const action: ReviewAction = request.action;
      const done = await call('resolveDisagreement', {
        ...review,
        id: request.id,
        action,
        ...(request.coder ? { coder: request.coder } : {}),
        ...(request.note ? { note: request.note } : {}),
      });
      const before = report.overall;
      const after = (await load(query)).overall;
      setChange(
        [
          t('team.review.done', { added: done.codingsAdded, removed: done.codingsRemoved, memos: done.memosAdded }),
          t('team.agreement.changed', {
            before: formatCoefficient(before.krippendorffAlpha, lang),
            after: formatCoefficient(after.krippendorffAlpha, lang),
            pBefore: formatPercent(before.percentAgreement, lang),
            pAfter: formatPercent(after.percentAgreement, lang),
          }),
        ].join(' '),
      );
    });

  const exportAs = (format: 'csv' | 'xlsx') =>
    task.run(async () => {
      if (!query) return;
      const fileName = `${fileBase(project.name)}-accord.${format}`;
      saveFile(await call('exportAgreement', { ...query, format }), fileName, MIME[format]);
      setSaved(fileName);
    });

  const two = report?.coders.length === 2;
  return (
    <div className="team-section">
      <form
        className="agreement-form"
        onSubmit={(e) => {
          e.preventDefault();
          compute();
        }}
      >
        <fieldset>
          <legend>{t('team.agreement.coders')}</legend>
          {project.coders.map((c) => (
            <label key={c.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(c.name)}
                onChange={(e) => setPicked((prev) => (e.target.checked ? [...prev, c.name] : prev.filter((n) => n !== c.name)))}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('team.agreement.unit')}</legend>
          {UNITS.map((u) => (
            <label key={u} className="check">
              <input type="radio" name="agreement-unit" checked={unit === u} onChange={() => setUnit(u)} />
              {t(`team.agreement.unit.${u}`)}
            </label>
          ))}
        </fieldset>
        <div className="agreement-fields">
          <Field label={t('team.agreement.code')}>
            {(id) => (
              <select id={id} value={codeRef} onChange={(e) => setCodeRef(e.target.value)}>
                <option value="">{t('team.agreement.allCodes')}</option>
                {options.map((n) => (
                  <option key={n.code.id} value={n.code.guid}>
                    {'\u00a0\u00a0'.repeat(n.depth) + codeLabel(n.code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="field">
            <span>{t('team.agreement.threshold')}</span>
            <input value={threshold} inputMode="decimal" aria-describedby="threshold-hint" onChange={(e) => setThreshold(e.target.value)} />
            <small id="threshold-hint" className="muted">
              {t('team.agreement.thresholdHint')}
            </small>
          </label>
          <button type="submit" className="primary" disabled={task.busy}>
            {t('team.agreement.run')}
          </button>
        </div>
      </form>
      {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={task.error} onDismiss={task.clearError} />
      {report && (
        <>
          <p className="muted">
            {teamLabel('agreementHead', lang, {
              coders: report.coders.map((c) => c.name).join(', '),
              unit: teamLabel(report.unit === 'character' ? 'unitCharacter' : report.unit === 'segment' ? 'unitSegment' : 'unitDocument', lang),
              threshold: report.overlapThreshold === null ? '' : teamLabel('thresholdNote', lang, { value: formatThreshold(report.overlapThreshold, lang) }),
              sources: report.sources.length,
            })}
          </p>
          {report.excludedSources.length > 0 && (
            <p className="team-excluded">{teamLabel('excluded', lang, { names: report.excludedSources.map((s) => s.name).join(' ; ') })}</p>
          )}
          <div className="table-scroll">
            <table className="team-table agreement-table" data-testid="agreement-table">
              <caption>{t('team.agreement.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{teamLabel('code', lang)}</th>
                  <th scope="col">{teamLabel('units', lang)}</th>
                  {report.coders.map((c) => (
                    <th scope="col" key={c.id}>
                      {teamLabel('presentFor', lang, { coder: c.name })}
                    </th>
                  ))}
                  <th scope="col">{teamLabel('percent', lang)}</th>
                  {two && <th scope="col">{teamLabel('cohen', lang)}</th>}
                  <th scope="col">{teamLabel('fleiss', lang)}</th>
                  <th scope="col">{teamLabel('alpha', lang)}</th>
                </tr>
              </thead>
              <tbody>
                {report.perCode.length === 0 && (
                  <tr>
                    <td colSpan={6 + report.coders.length}>{t('team.agreement.noCode')}</td>
                  </tr>
                )}
                {report.perCode.map((r) => (
                  <tr key={r.codeId}>
                    <th scope="row">
                      {r.abbrev ? `${r.abbrev} · ${r.code}` : r.code}
                      {r.path.length > 1 && <span className="code-parent">{r.path.slice(0, -1).join(' / ')}</span>}
                    </th>
                    {figureCells(r, two, lang).map((c, i) => (
                      <td key={i}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="agreement-overall">
                  <th scope="row">{teamLabel('overall', lang)}</th>
                  {figureCells(report.overall, two, lang).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          <div className="team-actions">
            <button type="button" disabled={task.busy} onClick={() => void exportAs('csv')}>
              {t('team.agreement.exportCsv')}
            </button>
            <button type="button" disabled={task.busy} onClick={() => void exportAs('xlsx')}>
              {t('team.agreement.exportXlsx')}
            </button>
            <span role="status" className="team-status">
              {saved ? t('team.saved', { file: saved }) : ''}
            </span>
          </div>
          <DisagreementReview items={items} coders={report.coders.map((c) => c.name)} busy={task.busy} change={change} onResolve={(r) => void resolve(r)} />
        </>
      )}
    </div>
  );
}

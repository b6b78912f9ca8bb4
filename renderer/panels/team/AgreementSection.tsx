// Inter-coder agreement: which coders, at which unit, for which code; the "coding done" marks that
// choose the sources; what the figures measure (the service's description, as the exports print
// it); the table per code and overall, per source at character level; exports; then the review of
// the passages where the coders differ. Every decision taken in the review is followed by the
// figures computed again.
import { useState } from 'react';
import { columnLabel, figureColumns } from '../../../analysis/agreement/columns.ts';
import type { AgreementUnit } from '../../../analysis/agreement/units.ts';
import type { AgreementQuery, ResultOf, ReviewAction } from '../../../service/contract/index.ts';
import type { ReviewItem } from '../../../service/contract/index.ts';
import { teamLabel } from '../../../i18n/team-labels.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { CodeField } from '../../coding/CodeField.tsx';
import { useApiCall } from '../../data/hooks.ts';
import { useCodes } from '../../data/lists.ts';
import { useLang } from '../../i18n/lang-context.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { figureCells, formatCoefficient, formatPercent, parseThreshold } from './agreement-format.ts';
import { DoneMarks } from './DoneMarks.tsx';
import { DisagreementReview, type ReviewRequest } from './DisagreementReview.tsx';
import { fileBase, MIME, saveFile } from './download.ts';
import { useTask } from './use-task.ts';

const UNITS: AgreementUnit[] = ['character', 'segment', 'document'];

export function AgreementSection() {
  const { t, lang } = useLang();
  const { project, setView } = useWorkbench();
  const codes = useCodes();
  const call = useApiCall();
  const task = useTask();
  const [picked, setPicked] = useState<string[]>(() => project.coders.map((c) => c.name));
  const [unit, setUnit] = useState<AgreementUnit>('character');
  const [codeRef, setCodeRef] = useState('');
  const [threshold, setThreshold] = useState(lang === 'fr' ? '0,5' : '0.5');
  const [query, setQuery] = useState<AgreementQuery | null>(null);
  const [report, setReport] = useState<ResultOf<'computeAgreement'> | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [change, setChange] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

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
      const segment = report.unit === 'segment';
      const after = (await load(query)).overall;
      setChange(
        [
          t('team.review.done', { added: done.codingsAdded, removed: done.codingsRemoved, memos: done.memosAdded }),
          t('team.agreement.changed', {
            // At segment level alpha is not given: Brennan & Prediger's kappa is the coefficient there.
            coefficient: teamLabel(segment ? 'brennanPrediger' : 'alpha', lang).toLowerCase(),
            before: formatCoefficient(segment ? before.brennanPredigerKappa : before.krippendorffAlpha, lang),
            after: formatCoefficient(segment ? after.brennanPredigerKappa : after.krippendorffAlpha, lang),
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

  const columns = report ? figureColumns(report.unit, report.coders.length) : [];
  const coderNames = report ? report.coders.map((c) => c.name) : [];
  const sourceColumns = columns.filter((c) => c.kind !== 'unitizing' && c.kind !== 'alphaLow' && c.kind !== 'alphaHigh');
  const u = report?.unitizing ?? null;
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
              <CodeField
                id={id}
                codes={codes}
                value={codes.find((c) => c.guid === codeRef)?.id ?? null}
                onChange={(codeId) => setCodeRef(codes.find((c) => c.id === codeId)?.guid ?? '')}
                empty={t('team.agreement.allCodes')}
              />
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
      <DoneMarks coders={picked.length > 0 ? picked : project.coders.map((c) => c.name)} />
      <p>
        <button type="button" className="link" onClick={() => setView('method')}>
          {t('team.agreement.method')}
        </button>
      </p>
      {task.busy && <p aria-busy="true">{t('team.busy')}</p>}
      <ErrorNotice message={task.error} onDismiss={task.clearError} />
      {report && (
        <>
          <section className="agreement-description" aria-label={t('team.agreement.description')} data-testid="agreement-description">
            <ul>
              {report.description.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
          <div className="table-scroll">
            <table className="team-table agreement-table" data-testid="agreement-table">
              <caption>{t('team.agreement.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{teamLabel('code', lang)}</th>
                  {columns.map((c, i) => (
                    <th scope="col" key={i}>
                      {columnLabel(report.unit, coderNames, c, lang)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.perCode.length === 0 && (
                  <tr>
                    <td colSpan={1 + columns.length}>{t('team.agreement.noCode')}</td>
                  </tr>
                )}
                {report.perCode.map((r) => (
                  <tr key={r.codeId}>
                    <th scope="row">
                      {r.abbrev ? `${r.abbrev} · ${r.code}` : r.code}
                      {r.path.length > 1 && <span className="code-parent">{r.path.slice(0, -1).join(' / ')}</span>}
                    </th>
                    {figureCells(r, columns, lang).map((c, i) => (
                      <td key={i}>{c}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="agreement-overall">
                  <th scope="row">{teamLabel('overall', lang)}</th>
                  {figureCells(report.overall, columns, lang).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
          {u && (
            <p data-testid="agreement-unitizing">
              {t('team.agreement.unitizing', {
                u: formatCoefficient(u.uAlpha, lang),
                binary: formatCoefficient(u.binaryUAlpha, lang),
                cu: formatCoefficient(u.cuAlpha, lang),
                coverage: formatPercent(u.cuCoverage, lang),
              })}
            </p>
          )}
          {report.perSource.length > 0 && (
            <details className="agreement-per-source">
              <summary>{t('team.agreement.perSource')}</summary>
              <div className="table-scroll">
                <table className="team-table agreement-table" data-testid="agreement-per-source">
                  <thead>
                    <tr>
                      <th scope="col">{teamLabel('source', lang)}</th>
                      <th scope="col">{teamLabel('code', lang)}</th>
                      {sourceColumns.map((c, i) => (
                        <th scope="col" key={i}>
                          {columnLabel(report.unit, coderNames, c, lang)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {report.perSource.flatMap((s) => [
                      ...s.perCode.map((r) => (
                        <tr key={`${s.id}-${r.codeId}`}>
                          <th scope="row">{s.name}</th>
                          <td>{r.abbrev ? `${r.abbrev} · ${r.code}` : r.code}</td>
                          {figureCells(r, sourceColumns, lang).map((c, i) => (
                            <td key={i}>{c}</td>
                          ))}
                        </tr>
                      )),
                      <tr key={`${s.id}-all`} className="agreement-source-total">
                        <th scope="row">{s.name}</th>
                        <td>{teamLabel('overall', lang)}</td>
                        {figureCells(s.overall, sourceColumns, lang).map((c, i) => (
                          <td key={i}>{c}</td>
                        ))}
                      </tr>,
                    ])}
                  </tbody>
                </table>
              </div>
            </details>
          )}
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

// The passages where the coders differ, each coder's reading side by side, and what to do about it:
// take one coder's reading, keep both (a deliberate difference), or put it on the next meeting's
// agenda with a note.
import { useId, useState } from 'react';
import type { ReviewAction } from '../../../service/contract/index.ts';
import type { ReviewItem } from '../../../service/contract/index.ts';
import { useWorkbench } from '../../app/workbench-context.tsx';
import { useT } from '../../i18n/lang-context.tsx';

export interface ReviewRequest {
  id: string;
  action: ReviewAction;
  coder?: string;
  note?: string;
}

const PAGE = 10;

export function DisagreementReview({
  items,
  coders,
  busy,
  change,
  onResolve,
}: {
  items: ReviewItem[];
  coders: string[];
  busy: boolean;
  /** What the last decision did to the figures, announced where the decision was taken. */
  change: string | null;
  onResolve: (r: ReviewRequest) => void;
}) {
  const t = useT();
  const [hideSettled, setHideSettled] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const list = hideSettled ? items.filter((d) => d.status === 'open') : items;
  const visible = list.slice(0, shown);
  return (
    <section className="review" aria-labelledby="review-title">
      <div className="panel-head">
        <h3 id="review-title">{t('team.review.title', { count: list.length })}</h3>
        <label className="check">
          <input type="checkbox" checked={hideSettled} onChange={(e) => setHideSettled(e.target.checked)} />
          {t('team.review.hideSettled')}
        </label>
      </div>
      <p role="status" className="team-status review-change" data-testid="agreement-change">
        {change ?? ''}
      </p>
      {list.length === 0 && <p>{t('team.review.none')}</p>}
      <ol className="review-list">
        {visible.map((d, i) => (
          <li key={d.id}>
            <ReviewCard item={d} n={i + 1} total={list.length} coders={coders} busy={busy} onResolve={onResolve} />
          </li>
        ))}
      </ol>
      {list.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('team.review.more', { count: Math.min(PAGE, list.length - shown) })}
        </button>
      )}
    </section>
  );
}

function ReviewCard({
  item: d,
  n,
  total,
  coders,
  busy,
  onResolve,
}: {
  item: ReviewItem;
  n: number;
  total: number;
  coders: string[];
  busy: boolean;
  onResolve: (r: ReviewRequest) => void;
}) {
  const t = useT();
  const { openSource } = useWorkbench();
  const title = useId();
  const [discussing, setDiscussing] = useState(false);
  const [note, setNote] = useState('');
  // Every compared coder, those who coded first, in the order the review names them.
  const involved = [...d.codersWithNames, ...d.codersWithoutNames].filter((c) => coders.includes(c));
  return (
    <article className={`review-card status-${d.status}`} aria-labelledby={title} data-testid="disagreement">
      <header className="review-head">
        <h4 id={title}>
          <span className="visually-hidden">{t('team.review.item', { n, total })} : </span>
          {t('team.review.where', { source: d.sourceName, code: d.codePath.join(' / ') })}
        </h4>
        <span className={`review-status status-${d.status}`}>{t(`team.review.status.${d.status}`)}</span>
        {d.kind === 'boundaries' && <span className="muted">{t('team.review.boundaries')}</span>}
        <button type="button" className="link" onClick={() => openSource(d.sourceId, { start: d.start, end: d.end })}>
          {t('team.review.open')}
        </button>
      </header>
      <div className="review-sides">
        {involved.map((coder) => {
          const passages = d.passages.filter((p) => p.coderName === coder);
          return (
            <section key={coder} className="review-side" aria-label={coder}>
              <h5>{passages.length > 0 ? t('team.review.codedBy', { names: coder }) : coder}</h5>
              {passages.length === 0 ? (
                <p className="muted">{t('team.review.notCoded')}</p>
              ) : (
                passages.map((p) => (
                  <blockquote key={`${p.start}-${p.end}`} className="review-passage">
                    {p.text}
                  </blockquote>
                ))
              )}
            </section>
          );
        })}
      </div>
      {d.notes.length > 0 && (
        <ul className="review-notes">
          {d.notes.map((x) => (
            <li key={x}>✎ {x}</li>
          ))}
        </ul>
      )}
      <div className="team-actions">
        {involved.map((coder) => (
          <button key={coder} type="button" disabled={busy} onClick={() => onResolve({ id: d.id, action: 'accept', coder })}>
            {t('team.review.accept', { coder })}
          </button>
        ))}
        <button type="button" disabled={busy} onClick={() => onResolve({ id: d.id, action: 'keep-both' })}>
          {t('team.review.keepBoth')}
        </button>
        <button type="button" aria-expanded={discussing} disabled={busy} onClick={() => setDiscussing((v) => !v)}>
          {t('team.review.discuss')}
        </button>
      </div>
      {discussing && (
        <form
          className="review-note"
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return;
            onResolve({ id: d.id, action: 'discuss', note: note.trim() });
            setDiscussing(false);
          }}
        >
          <label className="field">
            <span>{t('team.review.note')}</span>
            <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
          </label>
          <button type="submit" disabled={busy || !note.trim()}>
            {t('team.review.saveNote')}
          </button>
        </form>
      )}
    </article>
  );
}

// The margin beside the text: one button per coding in view (use-stripes.ts), in its lane, named
// by its code; clicking it opens the coding.
import type { Ref } from 'react';
import { useT } from '../i18n/lang-context.tsx';
import type { Stripe } from './stripes.ts';

export interface StripeMarginProps {
  ref: Ref<HTMLDivElement>;
  stripes: readonly Stripe[];
  /** Width of one lane, in pixels (stripes.ts laneWidth). */
  laneWidth: number;
  activeCodeId?: number | null | undefined;
  onCodingActivate?: ((codingId: number) => void) | undefined;
}

export function StripeMargin({ ref, stripes, laneWidth, activeCodeId, onCodingActivate }: StripeMarginProps) {
  const t = useT();
  return (
    <div ref={ref} className="tr-stripes" aria-label={t('transcript.stripes')}>
      {stripes.map((s) => (
        <button
          type="button"
          key={s.codingId}
          className={`tr-stripe${activeCodeId === s.codeId ? ' tr-stripe-active' : ''}${s.clippedTop ? ' tr-stripe-open-top' : ''}`}
          data-coding-id={s.codingId}
          style={{ top: s.top, height: s.height, left: s.lane * laneWidth, width: laneWidth - 2, borderLeftColor: s.color }}
          title={s.title}
          // Its name holds the label shown (2.5.3 Label in Name): a voice user says what they see.
          aria-label={t('transcript.openCoding', { code: s.title.startsWith(s.label) ? s.title : `${s.label} · ${s.title}` })}
          onClick={() => onCodingActivate?.(s.codingId)}
        >
          <span className="tr-stripe-label">{s.label}</span>
        </button>
      ))}
    </div>
  );
}

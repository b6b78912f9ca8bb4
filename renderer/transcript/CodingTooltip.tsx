// The tooltip over a hovered passage: each coding shown there with its code, valence, coder and memo.
import type { Ref } from 'react';
import type { Coder } from '../../model/types.ts';
import { useT } from '../i18n/lang-context.tsx';
import { type CodeLook, type PaintInput, visibleCodings } from './paint.ts';

export interface CodingTooltipProps {
  ref: Ref<HTMLDivElement>;
  ids: readonly number[];
  at: { left: number; top: number };
  paintInput: PaintInput;
  codes: ReadonlyMap<number, CodeLook>;
  coders: ReadonlyMap<number, Coder>;
  memoOf?: ((codingId: number) => string | null) | undefined;
}

export function CodingTooltip({ ref, ids, at, paintInput, codes, coders, memoOf }: CodingTooltipProps) {
  const t = useT();
  return (
    <div ref={ref} className="tr-tooltip" role="tooltip" style={at}>
      <ul>
        {visibleCodings(ids, paintInput).map((coding) => {
          const code = codes.get(coding.codeId)!;
          const coder = coders.get(coding.coderId);
          const memo = memoOf ? memoOf(coding.id) : coding.memo;
          return (
            <li key={coding.id}>
              <span className="tr-swatch" style={{ background: code.color }} />
              <strong>{code.abbrev ? `${code.abbrev} · ${code.name}` : code.name}</strong>
              {coding.valence && <span className="tr-valence"> {t(`transcript.valence.${coding.valence}`)}</span>}
              {coder && <span className="tr-coder"> {t('transcript.coder', { name: coder.name })}</span>}
              {memo && <div className="tr-memo">{t('transcript.memo', { text: memo })}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

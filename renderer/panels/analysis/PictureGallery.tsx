// The pictures of the current matrix, each exportable as SVG (as the project drew it) or PNG
// (rasterised here, in the page); the co-occurrence network with its threshold, so a dense grid
// can be thinned to its strongest pairs.
import { useState } from 'react';
import type { MatrixRequest } from '../../../analysis/matrix/types.ts';
import type { Picture } from '../../../analysis/pictures/index.ts';
import { useApiQuery } from '../../data/hooks.ts';
import { useT } from '../../i18n/lang-context.tsx';
import { errorText } from '../../ui/error-text.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { fileBase, saveFile } from '../team/download.ts';
import { useTask } from '../team/use-task.ts';
import { svgDataUrl, svgToPng } from './picture-files.ts';

export function PictureGallery({ request, baseName }: { request: MatrixRequest; baseName: string }) {
  const t = useT();
  const [minCount, setMinCount] = useState(1);
  const threshold = request.type === 'cooccurrence';
  // Keyed by the request's value: a new object with the same content fetches nothing.
  const drawn = useApiQuery('matrixPictures', threshold && minCount > 1 ? { ...request, minCount } : request, { ownErrors: true });
  const pictures = drawn.data ?? null;
  const { busy, error: saveError, clearError, run } = useTask();
  const error = saveError ?? (drawn.error ? errorText(drawn.error, t) : null);

  const name = (p: Picture, ext: string) => `${fileBase(`${baseName}-${p.name}`)}.${ext}`;
  return (
    <div className="picture-gallery">
      <ErrorNotice message={error} onDismiss={clearError} />
      {pictures === null && !error && (
        <p className="muted" aria-busy="true">
          {t('analysis.loading')}
        </p>
      )}
      {pictures?.map((p) => (
        <figure key={p.name} className="picture">
          <figcaption>
            <strong>{p.title}</strong>
            <span className="analysis-actions">
              {threshold && p.name === 'network' && (
                <label className="picture-threshold">
                  {t('analysis.picture.minCount')}
                  <input
                    type="number"
                    min={1}
                    step={1}
                    value={minCount}
                    onChange={(e) => {
                      const n = Number(e.target.value);
                      if (Number.isInteger(n) && n >= 1) setMinCount(n);
                    }}
                  />
                </label>
              )}
              <button type="button" onClick={() => saveFile(p.svg, name(p, 'svg'), 'image/svg+xml')}>
                {t('analysis.picture.svg')}
              </button>
              <button type="button" disabled={busy} onClick={() => void run(async () => saveFile(await svgToPng(p.svg), name(p, 'png'), 'image/png'))}>
                {t('analysis.picture.png')}
              </button>
            </span>
          </figcaption>
          <div className="picture-frame">
            <img src={svgDataUrl(p.svg)} alt={p.title} data-picture={p.name} />
          </div>
        </figure>
      ))}
    </div>
  );
}

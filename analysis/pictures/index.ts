// The pictures that go with each matrix, as standalone SVG strings.
import type { Lang } from '../../i18n/lang.ts';
import { label } from '../matrix/labels.ts';
import type { Matrix } from '../matrix/types.ts';
import type { UsageNode } from '../matrix/usage.ts';
import { rowLabel } from '../matrix/row-text.ts';
import { frequencyBars } from './bars.ts';
import { cooccurrenceHeatmap, heatmapSvg, rowColors, triangulationHeatmap } from './heatmap.ts';
import { cooccurrenceNetwork } from './network.ts';
import { codebookSunburst } from './sunburst.ts';

export { frequencyBars, cooccurrenceHeatmap, heatmapSvg, triangulationHeatmap, cooccurrenceNetwork, codebookSunburst };

export interface Picture {
  name: string;
  title: string;
  svg: string;
}

export interface PictureOptions {
  /** The co-occurrence network draws pairs from this many co-occurrences on (1: every pair). */
  minCount?: number;
}

export function picturesFor(m: Matrix, lang: Lang = 'fr', usage?: UsageNode[], options: PictureOptions = {}): Picture[] {
  switch (m.type) {
    case 'triangulation':
    case 'participant':
      return [{ name: 'heatmap', title: m.title, svg: triangulationHeatmap(m, lang) }];
    case 'cooccurrence':
      return [
        { name: 'heatmap', title: m.title, svg: cooccurrenceHeatmap(m, lang) },
        { name: 'network', title: label('title.network', lang), svg: cooccurrenceNetwork(m, lang, { minCount: options.minCount ?? 1 }) },
      ];
    case 'frequencies':
      return [
        { name: 'bars', title: m.title, svg: frequencyBars(m, lang) },
        ...(usage ? [{ name: 'sunburst', title: label('title.codebook', lang), svg: codebookSunburst(usage, lang) }] : []),
      ];
    case 'code-source':
    case 'code-attribute':
      return [
        {
          name: 'heatmap',
          title: m.title,
          svg: heatmapSvg({
            title: m.title,
            rowLabels: m.rows.map(rowLabel),
            rowDepths: m.rows.map((r) => r.depth),
            rowColors: rowColors(m),
            columnLabels: m.columns.map((c) => c.label),
            values: m.rows.map((r) => r.cells.map((c) => c.count)),
            legend: [label('legend.heat', lang), ...m.notes],
          }),
        },
      ];
  }
}

// tresse agreement-ratings: agreement between coders' ratings of cases, each coder's ratings being
// a case attribute (--attribute "Gravité (Alice)" --attribute "Gravité (Bruno)" --metric ordinal).
import { ratingSummaryLines } from '../../i18n/rating-labels.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

async function agreementRatingsCommand(run: CommandRun): Promise<void> {
  const attributes = run.values.attribute ?? [];
  if (attributes.length < 2) throw new UsageError(run.say('cli.missing', { what: '--attribute A --attribute B' }));
  const metric = run.values.metric;
  if (!metric) throw new UsageError(run.say('cli.missing', { what: '--metric nominal|ordinal|interval|ratio' }));
  const raw = run.values.samples;
  const samples = raw === undefined ? undefined : Number(raw.trim());
  if (samples !== undefined && (raw!.trim() === '' || !Number.isInteger(samples))) throw new UsageError(`--samples ${raw}`);
  const r = await run.withProject((api) => api.ratingAgreement({ attributes, metric, ...(samples !== undefined ? { samples } : {}) }));
  run.print(r, () => ratingSummaryLines(r, run.lang).join('\n'));
}

export const ratingCommands = { 'agreement-ratings': agreementRatingsCommand };

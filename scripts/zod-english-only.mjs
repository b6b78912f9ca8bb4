// esbuild plugin: zod's error messages in English only. zod bundles its messages in some fifty
// languages (300 kB, half of zod) and exposes them as `z.locales`, which keeps them all in any
// bundle that imports `z`; Tresse never shows zod's words (service/contract/call.ts words a
// refusal from the i18n catalogue) and never switches zod's language, so the command line would
// parse them at every start for nothing. English, zod's default, stays.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const english = fileURLToPath(import.meta.resolve('zod/v4/locales/en.js'));

export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(english)};`,
      loader: 'js',
      resolveDir: dirname(english),
    }));
  },
};

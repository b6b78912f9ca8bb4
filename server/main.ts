// Browser mode from the command line:
//   node dist-node/server.mjs [--port N] [--project PATH] [--config DIR] [--static DIR] [--lang fr|en]
// dist-node/ is built by `npm install` and `npm run build:node` (scripts/build-node.mjs); from the
// sources, without a build: npx tsx server/main.ts with the same options.
// Serves the built renderer (dist/) on 127.0.0.1 and prints the address to open, token included.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isTresseError } from '../i18n/error.ts';
import { langFrom } from '../i18n/lang.ts';
import { installStrayErrorHandlers } from '../service/stray-errors.ts';
import { startBrowserServer } from './browser-server.ts';
import { defaultConfigDir } from './config-dir.ts';
import { openStartupProject } from './first-start.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      project: { type: 'string' },
      config: { type: 'string' },
      static: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port ${values.port}`);
  const lang = langFrom(values.lang ?? process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG);
  installStrayErrorHandlers((message, error) => console.error(message, error), { mode: 'serve', lang });
  const configDir = values.config ?? defaultConfigDir();
  const staticDir = values.static ?? join(root, 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.warn(
      lang === 'fr'
        ? `Attention : ${staticDir}/index.html est absent ; construisez l'interface avec « npx vite build ».`
        : `Warning: ${staticDir}/index.html is missing; build the interface with "npx vite build".`,
    );
  }

  const server = await startBrowserServer({ port, configDir, staticDir, lang });
  try {
    await openStartupProject(server.workspace, { configDir, ...(values.project ? { projectPath: values.project } : {}) });
  } catch (e) {
    console.error(isTresseError(e) ? e.format(lang) : e);
  }

  console.log(
    lang === 'fr'
      ? `Tresse (mode navigateur) : ouvrez ${server.url}\n(adresse personnelle : ne la partagez pas ; Ctrl+C pour arrêter)`
      : `Tresse (browser mode): open ${server.url}\n(personal address: do not share it; Ctrl+C to stop)`,
  );

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(isTresseError(e) ? e.format(langFrom(process.env.LANG)) : e);
  process.exit(1);
});

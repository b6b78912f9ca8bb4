// Session and projects: the language, the grids a project starts from, creating, opening and
// closing the one project of this window, and who is coding.
import { z } from 'zod';
import { listGrids } from '../../codebooks/grids.ts';
import type { Lang } from '../../i18n/lang.ts';
import { TEXT_LANGUAGES } from '../../text/word-forms.ts';
import { newProjectPath, projectPath } from '../path-policy.ts';
import { citationSetting, setCitationFormat } from '../citation-format.ts';
import { requireCoder } from '../coders.ts';
import { setTextLanguage, textLanguageOf } from '../text-language.ts';
import type { ProjectInfo } from '../project.ts';
import type { RecentProject } from '../workspace.ts';
import { method, type ShellHooks } from './define.ts';
import { noArgument, nonEmpty, shortText } from './fields.ts';

export interface SessionState {
  project: ProjectInfo | null;
  recent: RecentProject[];
  lang: Lang;
  shell: ShellHooks['shell'];
}

export const projectMethods = {
  getSession: method({
    args: noArgument,
    run: (_, { ws, hooks }): SessionState => ({
      project: ws.ctx ? ws.info() : null,
      recent: ws.recent(),
      lang: ws.lang,
      shell: hooks.shell,
    }),
  }),
  setLang: method({
    args: z.strictObject({ lang: z.enum(['fr', 'en']) }),
    run: ({ lang }, { ws }) => {
      ws.lang = lang;
    },
  }),
  listGrids: method({ args: noArgument, run: () => listGrids() }),
  createProject: method({
    args: z.strictObject({ path: nonEmpty, name: shortText.optional(), grid: nonEmpty, coder: shortText.optional() }),
    path: newProjectPath,
    // Every front end names who codes: a missing or empty name is refused (coder.empty), never the account's.
    run: ({ path, name, grid, coder }, { ws }) => ws.create(path, { grid, ...(name ? { name } : {}), coder: coder ?? '' }),
  }),
  openProject: method({
    args: z.strictObject({ path: nonEmpty, coder: shortText.optional() }),
    path: projectPath,
    run: ({ path, coder }, { ws }) => ws.open(path, coder),
  }),
  closeProject: method({ args: noArgument, run: (_, { ws }) => ws.close() }),
  /** The full path createProject would use for a typed path (a bare name goes to a known folder, with .tresse). */
  resolveProjectPath: method({
    args: z.strictObject({ path: nonEmpty }),
    path: projectPath,
    run: ({ path }, { ws }) => ws.resolveNewPath(path),
  }),
  /** Asks the shell for a path (a native dialog on the desktop; elsewhere the answer is null). */
  chooseProjectPath: method({
    args: z.strictObject({ mode: z.enum(['open', 'create']) }),
    run: async ({ mode }, { hooks }) => (hooks.chooseProjectPath ? hooks.chooseProjectPath(mode) : null),
  }),
  /** Builds the demo project (its synthetic corpus, coded) at `path` and opens it. */
  createDemoProject: method({
    args: z.strictObject({ path: nonEmpty }),
    path: newProjectPath,
    run: async ({ path }, { ws }) => {
      // The demo brings the importers for its documents: loaded when asked for, not with the contract.
      const { createDemoProject } = await import('../demo.ts');
      await createDemoProject(path);
      return ws.open(path);
    },
  }),
  /** A coder of the open project by name; an unknown name is an error, never a new coder. */
  findCoder: method({ args: z.strictObject({ name: nonEmpty }), run: ({ name }, { ws }) => requireCoder(ws.project.db, name) }),
  /** Who codes from now on, remembered for this machine's next opening of the project. */
  switchCoder: method({ args: z.strictObject({ name: shortText }), run: ({ name }, { ws }) => ws.confirmCoder(name).coder }),
  /** How quotations cite their place in every export and in the interface: the template, the default, the placeholders. */
  getCitationFormat: method({ args: noArgument, run: (_, { ws }) => citationSetting(ws.project.db) }),
  /** An unknown placeholder or a lone brace is refused with the list of placeholders; an empty template restores the default. */
  setCitationFormat: method({ args: z.strictObject({ template: shortText }), run: ({ template }, { ws }) => setCitationFormat(ws.project, template) }),
  /** The language the project's texts are written in: the word forms and stop words search reads ('fr' unless set). */
  getTextLanguage: method({ args: noArgument, run: (_, { ws }) => textLanguageOf(ws.project.db) }),
  setTextLanguage: method({
    args: z.strictObject({ language: z.enum(TEXT_LANGUAGES) }),
    run: ({ language }, { ws }) => setTextLanguage(ws.project, language),
  }),
};

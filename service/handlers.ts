import { listGrids } from '../codebooks/grids.ts';
import { searchSources } from '../db/search.ts';
import { isTresseError } from '../i18n/error.ts';
import type { ApiMethod, ApiResult, TresseApi } from './api.ts';
import { defineAttribute, listAttributes, setAttributeValues } from './attributes.ts';
import { createCase, deleteCase, linkSource, listCases, unlinkSource, updateCase } from './cases.ts';
import { addCode, deleteCode, listCodes, mergeCodes, moveCode, updateCode } from './codebook.ts';
import { exportCodebook, importCodebook } from './codebook-exchange.ts';
import { addCoding, listCodingsOfSource, removeCoding, retrieveExcerpts } from './codings.ts';
import { deleteMemo, listMemos, saveMemo } from './memos.ts';
import { projectInfo, switchCoder } from './project.ts';
import { deleteSource, getSource, importSource, listSources, updateSource } from './sources.ts';
import type { Workspace } from './workspace.ts';

export interface ShellHooks {
  shell: 'desktop' | 'browser';
  chooseProjectPath?: (mode: 'open' | 'create') => Promise<string | null>;
}

/** The API over one workspace: each method is a thin call into the service layer. */
export function createHandlers(ws: Workspace, hooks: ShellHooks): TresseApi {
  const p = () => ws.project;
  return {
    getSession: async () => ({
      project: ws.ctx ? projectInfo(ws.ctx) : null,
      recent: ws.recent(),
      lang: ws.lang,
      shell: hooks.shell,
    }),
    setLang: async ({ lang }) => {
      ws.lang = lang;
    },
    listGrids: async () => listGrids(),
    createProject: async ({ path, name, grid, coder }) =>
      ws.create(path, { grid, ...(name ? { name } : {}), ...(coder ? { coder } : {}) }),
    openProject: async ({ path, coder }) => ws.open(path, coder),
    closeProject: async () => ws.close(),
    chooseProjectPath: async ({ mode }) => (hooks.chooseProjectPath ? hooks.chooseProjectPath(mode) : null),
    switchCoder: async ({ name }) => switchCoder(p(), name),

    listSources: async () => listSources(p().db),
    getSource: async ({ id }) => getSource(p().db, id),
    importSource: async (args) => importSource(p(), args),
    updateSource: async ({ id, ...changes }) => updateSource(p(), id, changes),
    deleteSource: async ({ id }) => deleteSource(p(), id),

    listCases: async () => listCases(p().db),
    createCase: async (args) => createCase(p(), args),
    updateCase: async ({ id, ...changes }) => updateCase(p(), id, changes),
    deleteCase: async ({ id }) => deleteCase(p(), id),
    listAttributes: async ({ scope }) => listAttributes(p().db, scope),
    defineAttribute: async (args) => defineAttribute(p(), args),
    setAttributeValues: async ({ target, name, values }) => setAttributeValues(p(), target, name, values),
    linkSource: async ({ caseId, sourceId }) => linkSource(p(), caseId, sourceId),
    unlinkSource: async ({ caseId, sourceId }) => unlinkSource(p(), caseId, sourceId),

    listCodes: async () => listCodes(p().db),
    addCode: async (args) => addCode(p(), args),
    updateCode: async ({ id, changes }) => updateCode(p(), id, changes),
    moveCode: async ({ id, parentId, position }) => moveCode(p(), id, parentId, position),
    mergeCodes: async ({ fromId, intoId }) => mergeCodes(p(), fromId, intoId),
    deleteCode: async ({ id, confirm }) => deleteCode(p(), id, confirm),
    exportCodebook: async ({ format }) => exportCodebook(p().db, format),
    importCodebook: async ({ format, text }) => importCodebook(p(), format, text),

    addCoding: async (args) => addCoding(p(), args),
    removeCoding: async ({ id }) => removeCoding(p(), id),
    listCodings: async ({ sourceId }) => listCodingsOfSource(p().db, sourceId),
    retrieve: async (filter) => retrieveExcerpts(p().db, filter),
    search: async ({ query, limit, sourceKinds }) =>
      searchSources(p().db, query, { ...(limit ? { limit } : {}), ...(sourceKinds ? { sourceKinds } : {}) }),

    listMemos: async ({ target }) => listMemos(p().db, target),
    saveMemo: async (args) => saveMemo(p(), args),
    deleteMemo: async ({ id }) => deleteMemo(p(), id),
  };
}

export { API_METHODS, isApiMethod } from './api-methods.ts';

/**
 * Runs one API call and wraps the outcome for the wire. User errors keep their message key and
 * params; anything else is a bug, logged and reported without internals.
 */
export async function dispatch(api: TresseApi, method: ApiMethod, arg: unknown, ws: Workspace): Promise<ApiResult<unknown>> {
  try {
    const fn = api[method] as (a: unknown) => Promise<unknown>;
    const value = await fn(arg ?? {});
    return { ok: true, value: value ?? null };
  } catch (e) {
    if (isTresseError(e)) return { ok: false, error: { code: e.code, message: e.format(ws.lang), params: e.params } };
    console.error(`[tresse] ${method} failed:`, e);
    const message = ws.lang === 'fr' ? 'Erreur interne : ' : 'Internal error: ';
    return { ok: false, error: { code: 'internal', message: message + (e as Error).message, params: {} } };
  }
}

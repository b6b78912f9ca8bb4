// Named groups of sources and of codes from the command line:
//   tresse sets PROJECT [--json]
//   tresse set PROJECT add sources|codes NAME [MEMBER...] [--description TEXT]   (creates the set if new)
//   tresse set PROJECT remove sources|codes NAME MEMBER...
//   tresse set PROJECT rename sources|codes NAME NEW_NAME [--description TEXT]
//   tresse set PROJECT delete sources|codes NAME
import type { TresseApi } from '../../service/contract/index.ts';
import { SET_KINDS, type SetKind } from '../../model/types.ts';
import { CallError } from '../api.ts';
import { UsageError } from '../io.ts';
import type { CommandRun } from '../run.ts';

async function setsCommand(run: CommandRun): Promise<void> {
  const { list, names } = await run.withProject(async (api) => {
    const [list, sources, codes] = await Promise.all([api.listSets(), api.listSources(), api.listCodes()]);
    return {
      list,
      names: { sources: new Map(sources.map((s) => [s.id, s.name])), codes: new Map(codes.map((c) => [c.id, c.abbrev ?? c.name])) },
    };
  });
  run.print(list, () =>
    list.length === 0
      ? run.say('cli.noSets')
      : list
          .map(
            (s) =>
              `${run.say(`cli.setKind.${s.kind}`)}  ${s.name} (${s.memberIds.length})${s.description ? ` — ${s.description}` : ''}` +
              (s.memberIds.length ? `\n    ${s.memberIds.map((id) => names[s.kind].get(id)).join(', ')}` : ''),
          )
          .join('\n'),
  );
}

/** Every member found before the first change: a mistyped one changes nothing. */
async function memberIds(api: TresseApi, kind: SetKind, refs: readonly string[]): Promise<{ sourceIds: number[] } | { codeIds: number[] }> {
  const ids: number[] = [];
  for (const ref of refs) ids.push((kind === 'sources' ? await api.findSource({ ref }) : await api.findCode({ ref })).id);
  return kind === 'sources' ? { sourceIds: ids } : { codeIds: ids };
}

async function setCommand(run: CommandRun): Promise<void> {
  const sub = run.arg(1, 'add|remove|rename|delete');
  if (!['add', 'remove', 'rename', 'delete'].includes(sub)) throw new UsageError(run.say('cli.unknownCommand', { name: `set ${sub}` }));
  const kindArg = run.arg(2, 'sources|codes');
  if (!(SET_KINDS as readonly string[]).includes(kindArg)) throw new UsageError(run.say('cli.unknownCommand', { name: `set ${sub} ${kindArg}` }));
  const kind = kindArg as SetKind;
  const name = run.arg(3, 'NOM / NAME');
  const rest = run.args.slice(4);
  const description = run.values.description;
  const result = await run.withProjectAs(async (api) => {
    const existing = await api.findSet({ ref: name, kind }).catch((e: unknown) => {
      if (e instanceof CallError && e.code === 'set.notFound') return null;
      throw e;
    });
    if (sub === 'add') {
      const members = await memberIds(api, kind, rest);
      if (!existing) return api.createSet({ kind, name, ...(description !== undefined ? { description } : {}), ...members });
      if (description !== undefined) await api.updateSet({ id: existing.id, description });
      return api.addSetMembers({ id: existing.id, ...members });
    }
    const set = existing ?? (await api.findSet({ ref: name, kind }));
    if (sub === 'remove') {
      if (rest.length === 0) throw new UsageError(run.say('cli.missing', { what: 'MEMBRE / MEMBER' }));
      return api.removeSetMembers({ id: set.id, ...(await memberIds(api, kind, rest)) });
    }
    if (sub === 'rename')
      return api.updateSet({ id: set.id, name: run.arg(4, 'NOUVEAU NOM / NEW NAME'), ...(description !== undefined ? { description } : {}) });
    await api.deleteSet({ id: set.id });
    return null;
  });
  if (result === null) return run.print({ deleted: name }, () => run.say('cli.setDeleted', { name }));
  run.print(result, () => run.say('cli.setSaved', { name: result.name, count: result.memberIds.length, kind: run.say(`cli.setKind.${result.kind}`) }));
}

export const setCommands = { sets: setsCommand, set: setCommand };

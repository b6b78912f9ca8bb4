// The commands in cli/commands/ are loaded on demand, by name: a command added to a group but not
// to EXTRA_COMMANDS would be unreachable, and a name listed for the wrong group would fail to load.
import { describe, expect, it } from 'vitest';
import { EXTRA_COMMANDS, loadAllCommandGroups, loadCommand } from '../../cli/commands/index.ts';

describe('commands loaded on demand', () => {
  it('reaches every command each group defines, by its own name', async () => {
    const groups = await loadAllCommandGroups();
    const defined = Object.entries(groups).flatMap(([group, commands]) =>
      Object.entries(commands)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => [name, group]),
    );
    expect(Object.fromEntries(defined)).toEqual(EXTRA_COMMANDS);
    for (const [name] of defined) expect(typeof (await loadCommand(name!))).toBe('function');
  });

  it('knows no command by a name no group defines', async () => {
    expect(await loadCommand('nimportequoi')).toBeUndefined();
    expect(await loadCommand('toString')).toBeUndefined();
  });
});

// Run by stray-errors.test.ts: a process with the stray-error handlers installed, a project open,
// and an error nobody waits for.
//   node --import tsx tests/crash/stray-worker.ts command-rejection|command-exception|serve PROJECT
import { installStrayErrorHandlers } from '../../service/stray-errors.ts';
import { closeProject, openProject, setSetting } from '../../service/project.ts';

const [mode, path] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);
installStrayErrorHandlers((message) => process.stderr.write(`${message}\n`), {
  mode: mode === 'serve' ? 'serve' : 'command',
  lang: 'fr',
});
const ctx = openProject(path!);
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (mode === 'command-rejection') {
  // What a parser library does when it drops one of its own promises.
  void Promise.reject(new Error('bad XRef entry'));
  await later(50);
  ctx.db.transaction(() => setSetting(ctx.db, 'after', 'stray'))();
  closeProject(ctx);
  say('finished');
} else if (mode === 'command-exception') {
  // A change under way (uncommitted) when a callback throws.
  ctx.db.exec('BEGIN');
  setSetting(ctx.db, 'half', 'done');
  setTimeout(() => {
    throw new Error('boom in a callback');
  }, 20);
  setInterval(() => {}, 1_000);
} else if (mode === 'serve') {
  void Promise.reject(new Error('bad XRef entry'));
  setTimeout(() => {
    throw new Error('boom in a callback');
  }, 20);
  await later(100);
  ctx.db.transaction(() => setSetting(ctx.db, 'after', 'stray'))();
  say('still serving');
  closeProject(ctx);
}

// Run as a separate process by crash.test.ts, which kills it with SIGKILL in the middle:
//   node --import tsx tests/crash/worker.ts import|merge|pseudonymize|hold PROJECT
//   node --import tsx tests/crash/worker.ts import-qdpx NEW-PROJECT FILE.qdpx
// Prints "begin N" just before each transaction and "commit N" once it is committed (stdout to a
// pipe is synchronous on Linux and macOS: the parent reads each line before the next step starts).
import { readFileSync } from 'node:fs';
import { mergeCodes } from '../../service/codebook.ts';
import { applyPseudonyms } from '../../service/pseudonymise.ts';
import { closeProject, openProject } from '../../service/project.ts';
import { importQdpxAsNewProject } from '../../service/refi.ts';
import { importBatch, mergeTargets } from './scenarios.ts';

const [op, path, qdpx] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

if (op === 'import-qdpx') {
  // A new project made from a .qdpx: the file does not exist yet.
  const bytes = new Uint8Array(readFileSync(qdpx!));
  say('begin 0');
  closeProject(importQdpxAsNewProject(path!, bytes, { coder: 'Camille' }).ctx);
  say('commit 0');
  say('done');
  process.exit(0);
}

const ctx = openProject(path!);

class Rollback extends Error {}

if (op === 'import') {
  for (let round = 0; round < 40; round++) {
    say(`begin ${round}`);
    importBatch(ctx, round);
    say(`commit ${round}`);
  }
} else if (op === 'merge') {
  const { survivor, codes } = mergeTargets(ctx);
  codes.forEach((id, round) => {
    say(`begin ${round}`);
    mergeCodes(ctx, id, survivor);
    say(`commit ${round}`);
  });
} else if (op === 'hold') {
  // Another program with the project open, until it is killed.
  say('open');
  setInterval(() => {}, 60_000);
} else if (op === 'pseudonymize') {
  // Rehearsals rolled back, to tell the parent how long the real one takes once warmed up.
  let fastest = Infinity;
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    try {
      ctx.db.transaction(() => {
        applyPseudonyms(ctx, { accept: 'all' });
        throw new Rollback();
      })();
    } catch (e) {
      if (!(e instanceof Rollback)) throw e;
    }
    fastest = Math.min(fastest, performance.now() - t0);
  }
  say(`measure ${Math.round(fastest)}`);
  say('begin 0');
  applyPseudonyms(ctx, { accept: 'all' });
  say('commit 0');
}
if (op !== 'hold') {
  say('done');
  // No close: the lock file stays behind, as after a crash.
  process.exit(0);
}

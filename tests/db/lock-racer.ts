// Run by lock.test.ts as one of several processes racing for the same stale lock:
//   node --import tsx tests/db/lock-racer.ts PROJECT
// Prints "ready", waits for "go" on stdin, tries to take the lock, prints "won PID" (the stale
// holder's pid) or "locked PID" (who holds it), keeps what it got until stdin closes, then exits.
import { createInterface } from 'node:readline';
import { acquireLock, type ProjectLock } from '../../db/lock.ts';
import { isTresseError } from '../../i18n/error.ts';

const path = process.argv[2]!;
const say = (line: string) => process.stdout.write(`${line}\n`);
let lock: ProjectLock | null = null;
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line !== 'go') return;
  try {
    lock = acquireLock(path);
    say(`won ${lock.takenOver?.pid ?? 'none'}`);
  } catch (e) {
    if (!isTresseError(e) || e.code !== 'project.locked') throw e;
    say(`locked ${e.params.pid}`);
  }
});
input.on('close', () => {
  lock?.release();
  process.exit(0);
});
say('ready');

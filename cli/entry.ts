// The process behind `tresse` (bundled as dist-node/tresse.mjs, started by bin/tresse.mjs): one
// command against this process's arguments, streams and environment. Tests call runCli directly.
import { commandLang, installStrayErrorHandlers } from '../service/stray-errors.ts';
import { runCli } from './main.ts';

/**
 * Writes to a stream until its reader goes away. `tresse codings … --json | head -1` closes the
 * pipe after one line: the rest of the output has nowhere to go, which is no error of the user's,
 * so it is dropped without a stack trace and the command still runs to its end (a change it was
 * making is completed, never cut off halfway).
 */
function lineWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw e;
  });
  return (text) => {
    if (closed || stream.destroyed) return;
    try {
      stream.write(`${text}\n`);
    } catch (e) {
      // Some platforms report a closed pipe from write() itself rather than as an event.
      if ((e as NodeJS.ErrnoException).code !== 'EPIPE') throw e;
      closed = true;
    }
  };
}

installStrayErrorHandlers((message) => process.stderr.write(`${message}\n`), { mode: 'command', lang: commandLang(process.argv, process.env) });

process.exitCode = await runCli(process.argv.slice(2), {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
  env: process.env,
  cwd: process.cwd(),
});

// The import worker, started by worker-host.ts: parses the files it is sent, one at a time, and
// answers with the parsed text or the refusal. Nothing here touches a project: the thread that
// sent the file writes it in one transaction, so a worker stopped midway leaves nothing behind.
import { parentPort } from 'node:worker_threads';
import { isTresseError } from '../../i18n/error.ts';
import { parseSourceFile } from './index.ts';
import type { ParseJob, WorkerMessage } from './worker-host.ts';

const port = parentPort;
if (!port) throw new Error('import-worker runs as a worker thread, started by worker-host.ts');

async function answer(job: ParseJob): Promise<WorkerMessage> {
  try {
    const parsed = await parseSourceFile(job.bytes, job.fileName, job.options);
    // Bytes of the file itself (the text is exactly the file's UTF-8): the host has them already,
    // so only where they start and end goes back, not a second copy of the file.
    const { utf8, ...rest } = parsed;
    if (utf8 && utf8.buffer === job.bytes.buffer) {
      const from = utf8.byteOffset - job.bytes.byteOffset;
      return { id: job.id, parsed: rest, utf8Within: [from, from + utf8.length] };
    }
    return { id: job.id, parsed };
  } catch (e) {
    if (isTresseError(e)) return { id: job.id, refused: { code: e.code, params: e.params } };
    return { id: job.id, failed: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

port.on('message', (job: ParseJob) => {
  void answer(job).then((reply) => port.postMessage(reply));
});
port.postMessage({ ready: true } satisfies WorkerMessage);

// Stand-in import worker for worker.test.ts: the real one (exchange/import/import-worker.ts), except
// for a few file names on which it does what a broken parser could do. The real importers are
// guarded against the files that used to do this, so the test needs a worker that does it on
// purpose to show that the host contains it.
import { parentPort } from 'node:worker_threads';

const hoard: unknown[] = [];

// Registered before the real worker's listener, so it acts first on the same message. Any
// extension: what reaches the worker at all is for the host to decide (parse-for-import.ts).
parentPort!.on('message', (job: { fileName: string }) => {
  switch (job.fileName.replace(/\.\w+$/u, '')) {
    case 'boucle':
      for (;;);
    case 'gourmand':
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => ({ i })));
    case 'plantage':
      throw new Error('a parser bug nobody caught');
    case 'sortie':
      process.exit(3);
  }
});

await import('../../../exchange/import/import-worker.ts');

// A .qdpx is read once for its preview and the import that follows. The import preview (the
// exchange report) reads the whole file as the import does, so that they never disagree; the
// import, sent the same bytes a moment later, took as long again. The last reading is kept, by a
// digest of the file's bytes and its name, until an import takes it or a few minutes pass.
import { hash } from 'node:crypto';
import { readProject, type ReadProjectResult } from '../exchange/refi/index.ts';

/** Long enough to read a preview and decide; the memory (about the file's texts) is then given back. */
const KEPT_MS = 5 * 60_000;

let kept: { key: string; result: ReadProjectResult; timer: ReturnType<typeof setTimeout> } | null = null;

function keyOf(bytes: Uint8Array, fileName: string | undefined): string {
  return `${hash('sha256', bytes)} ${fileName ?? ''}`;
}

function read(bytes: Uint8Array, fileName: string | undefined): ReadProjectResult {
  return readProject(bytes, fileName ? { fileName } : {});
}

function forget(): void {
  if (kept) clearTimeout(kept.timer);
  kept = null;
}

/** The file read for a preview, kept for its import. Nothing in the reading is changed by the report. */
export function readQdpxForPreview(bytes: Uint8Array, fileName?: string): ReadProjectResult {
  const key = keyOf(bytes, fileName);
  if (kept?.key === key) return kept.result;
  const result = read(bytes, fileName);
  forget();
  const timer = setTimeout(forget, KEPT_MS);
  timer.unref?.();
  kept = { key, result, timer };
  return result;
}

/** The file read for an import: the preview's reading of the same bytes when kept, taken (it is used once). */
export function readQdpxForImport(bytes: Uint8Array, fileName?: string): ReadProjectResult {
  const key = keyOf(bytes, fileName);
  if (kept?.key === key) {
    const { result } = kept;
    forget();
    return result;
  }
  return read(bytes, fileName);
}

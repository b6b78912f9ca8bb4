// Finding things inside a .qdpx the way real exports lay them out: the project file may be called
// project.qde or Project.qde, the folder sources/ or Sources/, and a source path may be
// internal://x.txt, a bare relative path, or an external path whose file was packed anyway.
import { TresseError } from '../../i18n/error.ts';
import { GuardedArchive } from '../archive/guard.ts';
import { QDPX_LIMITS, type ArchiveLimits } from '../archive/limits.ts';

export const QDPX_FORMAT = 'REFI-QDA (.qdpx)';

export class QdpxArchive {
  readonly zip: GuardedArchive;
  /** Stored name of the project file. */
  readonly projectEntry: string;
  private readonly byPath = new Map<string, string>();
  private readonly inSources = new Map<string, string>();

  constructor(bytes: Uint8Array, fileName: string, limits: ArchiveLimits = QDPX_LIMITS) {
    this.zip = new GuardedArchive(bytes, { file: fileName, format: QDPX_FORMAT }, limits);
    const projects: string[] = [];
    for (const e of this.zip.entries) {
      const lower = e.path.toLowerCase();
      this.byPath.set(lower, e.stored);
      const slash = lower.lastIndexOf('/');
      if (slash === -1 && lower.endsWith('.qde')) projects.push(e.stored);
      if (lower.startsWith('sources/')) this.inSources.set(lower.slice(slash + 1), e.stored);
    }
    if (projects.length === 0) throw new TresseError('refi.noProjectFile');
    if (projects.length > 1) throw new TresseError('refi.severalProjectFiles', { files: projects.join(', ') });
    this.projectEntry = projects[0]!;
  }

  /** Stored name of the entry a source path points to, or null when the archive lacks it. */
  resolve(path: string): string | null {
    const p = path.trim().replace(/\\/g, '/');
    const scheme = /^([a-z]+):\/\/\/?(.*)$/i.exec(p);
    const rest = (scheme ? scheme[2]! : p).replace(/^(\.\/)+/, '').toLowerCase();
    const base = rest.slice(rest.lastIndexOf('/') + 1);
    const internal = !scheme || scheme[1]!.toLowerCase() === 'internal';
    if (internal) {
      const hit = this.byPath.get(`sources/${rest}`) ?? this.byPath.get(rest);
      if (hit) return hit;
    }
    return base === '' ? null : (this.inSources.get(base) ?? null);
  }
}

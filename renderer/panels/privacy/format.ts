// Sizes and dates of backups, and what a correction does to a coding, worded for the user.
import type { Lang } from '../../../i18n/lang.ts';
import type { CodingShift } from '../../../service/contract/index.ts';

/** 1 Kio = 1024 octets; French uses "Kio/Mio/Gio", English "KiB/MiB/GiB". */
export function formatSize(bytes: number, lang: Lang): string {
  const units = lang === 'fr' ? ['octets', 'Kio', 'Mio', 'Gio'] : ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })} ${units[unit]}`;
}

export function formatDate(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A coding still there after a correction: did it grow, shrink, or keep its length with other words? */
export function shiftKind(shift: CodingShift): 'grown' | 'shrunk' | 'reworded' {
  if (!shift.after) return 'shrunk';
  const before = shift.before.end - shift.before.start;
  const after = shift.after.end - shift.after.start;
  return after > before ? 'grown' : after < before ? 'shrunk' : 'reworded';
}

/** Where a restore keeps the current file (service/backup.ts restoreBackup). */
export function asideFile(projectPath: string): string {
  return `${projectPath}.before-restore`;
}

/** The words around a change of the text, so "→ n" reads as "coordo[n]ne la cellule". */
export function changeContext(oldText: string, change: { start: number; end: number }, width = 24): { before: string; after: string } {
  const cps = Array.from(oldText);
  const from = Math.max(0, change.start - width);
  const to = Math.min(cps.length, change.end + width);
  return {
    before: (from > 0 ? '…' : '') + cps.slice(from, change.start).join(''),
    after: cps.slice(change.end, to).join('') + (to < cps.length ? '…' : ''),
  };
}

/** Context of a pseudonym match, with an ellipsis only where the text goes on. */
export function ellipsed(before: string, after: string, width: number): { before: string; after: string } {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (Array.from(before).length >= width ? '…' : '') + flat(before),
    after: flat(after) + (Array.from(after).length >= width ? '…' : ''),
  };
}

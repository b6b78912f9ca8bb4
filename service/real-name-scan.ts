import { unzipSync } from 'fflate';
import { NameMatcher } from '../text/name-match.ts';

// The guard behind "real names never leave the machine": scans what an export produced (text,
// JSON, CSV, XML, or a zip container such as .qdpx, .docx, .xlsx, .odt) for the real names of the
// pseudonym table, under every form the pseudonymiser knows (full name, initials, surname alone...).
// XML and HTML entities and JSON \u escapes are decoded first, and markup is also read with its
// tags removed, since a word processor may split a name across two runs of text.

export interface RealNameFinding {
  /** The file, or the file inside the archive, where the name was found. */
  where: string;
  found: string;
  context: string;
}

export function findRealNames(data: string | Uint8Array, names: readonly string[], where = 'export'): RealNameFinding[] {
  if (names.length === 0) return [];
  // One shared replacement: forms shared by two people are then not "ambiguous", all are searched.
  const matcher = new NameMatcher(names.map((realName, i) => ({ id: i + 1, realName, pseudonym: 'X' })));
  return scan(data, matcher, where);
}

/** Throws, listing every occurrence, when a real name is found. */
export function assertNoRealNames(data: string | Uint8Array, names: readonly string[], where = 'export'): void {
  const findings = findRealNames(data, names, where);
  if (findings.length > 0) {
    const list = findings.slice(0, 10).map((f) => `${f.where}: "${f.found}" in …${f.context}…`);
    throw new Error(`Real names found in ${where} (${findings.length}):\n${list.join('\n')}`);
  }
}

function scan(data: string | Uint8Array, matcher: NameMatcher, where: string): RealNameFinding[] {
  if (typeof data !== 'string' && isZip(data)) {
    const files = unzipSync(data);
    return Object.entries(files).flatMap(([name, bytes]) => scan(bytes, matcher, `${where}/${name}`));
  }
  const text = decodeEscapes(typeof data === 'string' ? data : decodeBytes(data)).normalize('NFC');
  const views = /<[a-zA-Z/!?]/.test(text) ? [text, text.replace(/<[^>]*>/g, '')] : [text];
  const findings: RealNameFinding[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    const cps = Array.from(view);
    for (const m of matcher.find(view)) {
      const context = cps
        .slice(Math.max(0, m.start - 30), m.end + 30)
        .join('')
        .replace(/\s+/g, ' ');
      const key = `${m.found}\u0000${context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ where, found: m.found, context });
    }
  }
  return findings;
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEscapes(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, n: string) => NAMED[n]!)
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

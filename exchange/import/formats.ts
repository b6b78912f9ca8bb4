// The formats Tresse imports, told by a file's extension: apart from the parsers, so that deciding
// where a file is parsed (parse-for-import.ts) loads none of them.

export const IMPORT_FORMATS = ['txt', 'md', 'docx', 'odt', 'pdf', 'vtt', 'srt'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
  odt: 'odt',
  pdf: 'pdf',
  vtt: 'vtt',
  srt: 'srt',
};

/** Import format of a file name, from its extension (any case); null when not supported. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? null;
}

export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/u).pop() ?? fileName;
}

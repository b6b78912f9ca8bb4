// Text enters a project once, through here. Everything stored (and every position) is relative to
// the result, so this must stay stable: changing it would shift the codings of existing projects.

/** BOM removed, CRLF and lone CR turned into LF, Unicode NFC. */
export function normaliseText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return text.normalize('NFC');
}

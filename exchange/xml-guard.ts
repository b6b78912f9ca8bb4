// The one way Tresse reads XML from a user's file (.docx, .odt, .qdpx, .qdc): saxes, with limits.
// saxes itself never expands DTD entities and never recurses, but it keeps going on any input: a
// few kilobytes of nested tags inflate to a million levels that the importers' element stacks then
// walk, and a DOCTYPE is where entity attacks live. So nesting stops at a depth no real document
// reaches, a DOCTYPE is refused on sight, the document has a size cap, and the first syntax error
// ends the parse with a catalogue message giving its line and column (saxes' own text is English).
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TresseError } from '../i18n/error.ts';

export interface XmlLimits {
  /** Open elements at once. Word and OpenDocument files stay under 40; REFI-QDA under 20. */
  maxDepth: number;
  /** Characters in the whole document (and bytes of the part holding it, checked before inflating). */
  maxChars: number;
}

/** Office documents: a 2-hour transcript's document.xml weighs 1 to 3 MB. */
export const XML_LIMITS: XmlLimits = {
  maxDepth: 256,
  maxChars: 64 * 1024 * 1024,
};

export function xmlTooLarge(file: string, limits: XmlLimits): TresseError {
  return new TresseError('xml.tooLarge', { file, limit: Math.round(limits.maxChars / (1024 * 1024)) });
}

export interface XmlEvents {
  open(tag: SaxesTagNS): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/**
 * Streams a document through `events`, with namespaces resolved. `file` names it in messages:
 * the file alone, or the file with the part inside it ("entretien.docx (word/document.xml)").
 */
export function streamXml(xml: string, file: string, events: XmlEvents, limits: XmlLimits = XML_LIMITS): void {
  if (xml.length > limits.maxChars) throw xmlTooLarge(file, limits);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let depth = 0;
  let elements = 0;
  parser.on('error', () => {
    // Thrown, not collected: saxes would otherwise read on through a damaged file to its end.
    throw new TresseError('xml.malformed', { file, line: parser.line, column: parser.column });
  });
  parser.on('doctype', () => {
    throw new TresseError('xml.doctype', { file });
  });
  parser.on('opentag', (tag) => {
    depth++;
    elements++;
    if (depth > limits.maxDepth) throw new TresseError('xml.tooDeep', { file, limit: limits.maxDepth });
    events.open(tag);
  });
  parser.on('closetag', (tag) => {
    depth--;
    events.close(tag);
  });
  parser.on('text', (t) => events.text(t));
  parser.on('cdata', (t) => events.text(t));
  parser.write(xml).close();
  if (elements === 0) throw new TresseError('xml.empty', { file });
}

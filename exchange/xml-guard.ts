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
  /** Characters in the whole document. */
  maxChars: number;
}

export const XML_LIMITS: XmlLimits = {
  maxDepth: 256,
  // About 20 times the XML of a 2-hour transcript, 3 times that of a 5,000-page report.
  maxChars: 128 * 1024 * 1024,
};

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
  if (xml.length > limits.maxChars) {
    throw new TresseError('xml.tooLarge', { file, limit: Math.round(limits.maxChars / (1024 * 1024)) });
  }
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

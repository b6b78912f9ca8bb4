// XML in and out for REFI-QDA. Reading builds a small element tree through the guarded parser
// (depth, size and DOCTYPE limits); elements and attributes are looked up by local name, whatever
// namespace version the file declares.
import { streamXml, XML_LIMITS, type XmlEvents, type XmlLimits } from '../xml-guard.ts';

export interface XmlElement {
  /** Local name, namespace prefix removed. */
  name: string;
  ns: string;
  /** Attributes without a namespace prefix, by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element. */
  text: string;
}

/** A large team project's .qde holds hundreds of thousands of codings: more room than a document. */
export const REFI_XML_LIMITS: XmlLimits = { ...XML_LIMITS, maxChars: 256 * 1024 * 1024 };

/**
 * Parses a document. DOCTYPE and ENTITY declarations are refused: REFI-QDA never uses them, and
 * they are how XML external-entity and entity-expansion attacks get in. `fileName` names the
 * document in messages.
 */
export function parseXml(source: string, fileName: string, limits: XmlLimits = REFI_XML_LIMITS): XmlElement {
  const stack: XmlElement[] = [];
  // Cast so that the callbacks' assignment is not narrowed away.
  let root = null as XmlElement | null;
  const events: XmlEvents = {
    open(tag) {
      const attrs: Record<string, string> = {};
      const all = tag.attributes;
      for (const key in all) {
        const a = all[key]!;
        if (a.prefix === '' && a.local !== 'xmlns') attrs[a.local] = a.value;
      }
      const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else root = el;
      stack.push(el);
    },
    close() {
      stack.pop();
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (top) top.text += t;
    },
  };
  streamXml(source, fileName, events, limits);
  // streamXml refuses a document without elements.
  return root!;
}

/**
 * Names compared whatever their case. The names asked for are ASCII, so a name of another length
 * cannot match: checked first, it spares lower-casing both (twice per element and attribute passed
 * over, a large project's import made millions of strings of them).
 */
function same(a: string, b: string): boolean {
  return a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase());
}

/** Attribute by name; tools disagree on case (creatingUserGUID / creatingUserGuid). */
export function attr(el: XmlElement, name: string): string | undefined {
  const attrs = el.attrs;
  if (name in attrs) return attrs[name];
  for (const k in attrs) if (same(k, name)) return attrs[k];
  return undefined;
}

export function children(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => same(c.name, name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => same(c.name, name));
}

export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c === undefined ? undefined : c.text;
}

// ---- writing ----

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Every character either escape may change: a value without any is written as it is. Most values
 * (GUIDs, dates, names) have none, and six regular-expression passes over each of the hundreds of
 * thousands of a large project's attributes were a good part of its export.
 */
// eslint-disable-next-line no-control-regex -- see NOT_XML
const MAY_CHANGE = /[\u0000-\u001f&<>"\ud800-\udfff\ufffe\uffff]/;

export function escapeText(s: string): string {
  if (!MAY_CHANGE.test(s)) return s;
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Line ends and tabs escaped too: a parser would turn them into spaces in an attribute. */
export function escapeAttr(s: string): string {
  if (!MAY_CHANGE.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

/**
 * Builds an indented document line by line; text content is written on one line, untouched. Each
 * line goes straight into a UTF-8 buffer: a large project's .qde (hundreds of thousands of lines)
 * kept as strings until the end was mostly garbage-collector work, then a second pass to encode.
 */
export class XmlOut {
  private buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private depth = 0;
  private readonly indents = [''];

  constructor() {
    this.write('<?xml version="1.0" encoding="UTF-8"?>');
  }

  private write(line: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit, and 1 for the line end.
    const room = 3 * line.length + 1;
    if (this.length + room > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.length + room));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(line, this.length, 'utf8');
    this.buffer[this.length++] = 0x0a;
  }

  private tag(name: string, attrs: Attrs): string {
    let s = `<${name}`;
    for (const k in attrs) {
      const v = attrs[k];
      if (v === undefined || v === null) continue;
      s += ` ${k}="${escapeAttr(String(v))}"`;
    }
    return s;
  }

  private line(s: string): void {
    const indent = this.indents[this.depth] ?? (this.indents[this.depth] = '  '.repeat(this.depth));
    this.write(indent + s);
  }

  open(name: string, attrs: Attrs = {}): this {
    this.line(`${this.tag(name, attrs)}>`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.line(`</${name}>`);
    return this;
  }

  empty(name: string, attrs: Attrs = {}): this {
    this.line(`${this.tag(name, attrs)}/>`);
    return this;
  }

  text(name: string, content: string, attrs: Attrs = {}): this {
    this.line(`${this.tag(name, attrs)}>${escapeText(content)}</${name}>`);
    return this;
  }

  /** The document as UTF-8 (a view of the writer's buffer: nothing may be written after). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  toString(): string {
    return this.buffer.toString('utf8', 0, this.length);
  }
}

/** A name or description as Tresse stores it: NFC (macOS tools write decomposed accents). */
export function label<T extends string | undefined>(raw: T): T {
  return (raw === undefined ? raw : raw.replace(/\r\n?/g, '\n').normalize('NFC')) as T;
}

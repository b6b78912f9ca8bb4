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
      for (const a of Object.values(tag.attributes)) {
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

function same(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Attribute by name; tools disagree on case (creatingUserGUID / creatingUserGuid). */
export function attr(el: XmlElement, name: string): string | undefined {
  if (name in el.attrs) return el.attrs[name];
  for (const [k, v] of Object.entries(el.attrs)) if (same(k, name)) return v;
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

export function escapeText(s: string): string {
  return s.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Line ends and tabs escaped too: a parser would turn them into spaces in an attribute. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Builds an indented document line by line; text content is written on one line, untouched. */
export class XmlOut {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private depth = 0;

  private tag(name: string, attrs: Attrs): string {
    let s = `<${name}`;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null) continue;
      s += ` ${k}="${escapeAttr(String(v))}"`;
    }
    return s;
  }

  private line(s: string): void {
    this.lines.push('  '.repeat(this.depth) + s);
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

  toString(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** A name or description as Tresse stores it: NFC (macOS tools write decomposed accents). */
export function label<T extends string | undefined>(raw: T): T {
  return (raw === undefined ? raw : raw.replace(/\r\n?/g, '\n').normalize('NFC')) as T;
}

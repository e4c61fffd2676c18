/**
 * Minimal XML plumbing for REFI-QDA: an escaping writer and a parser front end that validates
 * first (so malformed input fails with a line number), refuses DOCTYPE entity declarations and
 * decodes only the predefined entities and character references itself (never file-defined ones).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ExchangeError } from './errors';
import { errorMessage } from '../error-message';
import { replaceControlChars } from '../control-chars';

// XML 1.0 forbids most C0 controls, lone surrogates, U+FFFE and U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text content. CR is written as a character reference so parsers keep it. */
export function escapeText(s: string): string {
  return s
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Escape an attribute value (double-quoted); whitespace controls survive attribute normalisation. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Accumulates an XML document as string parts. */
export class XmlWriter {
  private parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private depth = 0;

  private attrs(a: Attrs): string {
    let s = '';
    for (const [k, v] of Object.entries(a)) if (v !== undefined && v !== null) s += ` ${k}="${escapeAttr(String(v))}"`;
    return s;
  }
  private indent(): string {
    return '  '.repeat(this.depth);
  }
  open(name: string, a: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(a)}>\n`);
    this.depth++;
    return this;
  }
  close(name: string): this {
    this.depth--;
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }
  empty(name: string, a: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(a)}/>\n`);
    return this;
  }
  /** An element holding only text (whitespace kept exactly). */
  text(name: string, text: string, a: Attrs = {}): this {
    this.parts.push(`${this.indent()}<${name}${this.attrs(a)}>${escapeText(text)}</${name}>\n`);
    return this;
  }
  toString(): string {
    return this.parts.join('');
  }
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the five predefined entities and numeric character references; leave anything else as is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e] ?? m;
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}

export type XmlNode = Record<string, unknown>;

/**
 * Parse XML into plain objects: attributes as plain keys (no prefix) of the element object,
 * element text as `#text` (or the element's value itself when it has no attributes or children),
 * namespace prefixes removed, every value kept as a string, whitespace kept.
 * `arrays` names elements that are always arrays.
 */
export function parseXml(xml: string, arrays: ReadonlySet<string>, what: string): XmlNode {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (/<!ENTITY/i.test(text)) throw new ExchangeError(`${what}: XML declares its own entities (<!ENTITY>), which are refused`);
  const v = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (v !== true) throw new ExchangeError(`${what}: XML malformed at line ${v.err.line}: ${v.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    maxNestedTags: 1000,
    isArray: (name) => arrays.has(name),
    // control characters (raw, or as references such as &#x1b; that XML 1.0 forbids) become U+FFFD
    tagValueProcessor: (_n, val) => replaceControlChars(decodeEntities(val)),
    attributeValueProcessor: (_n, val) => replaceControlChars(decodeEntities(val)),
  });
  try {
    return parser.parse(text) as XmlNode;
  } catch (e) {
    throw new ExchangeError(`${what}: XML could not be parsed (${errorMessage(e)})`);
  }
}

/** The one root element of a parsed document: its local name and node. */
export function rootOf(doc: XmlNode, what: string): { name: string; node: XmlNode } {
  const names = Object.keys(doc).filter((k) => !k.startsWith('?') && k !== '#text' && k !== '#comment');
  if (names.length !== 1) throw new ExchangeError(`${what}: XML has no single root element`);
  const name = names[0]!;
  const node = doc[name];
  return { name, node: typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as XmlNode) : {} };
}

/** Child elements named `name` (always an array; a text-only child becomes `{ '#text': s }`). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const v = node?.[name];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  return list.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : { '#text': String(x) }));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** An attribute's string value, or undefined. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** The text of a child element (e.g. Description), or undefined when absent. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || first === null) return undefined;
  if (typeof first === 'string') return first;
  if (typeof first === 'object') {
    const t = (first as XmlNode)['#text'];
    return typeof t === 'string' ? t : Array.isArray(t) ? t.join('') : '';
  }
  return String(first);
}

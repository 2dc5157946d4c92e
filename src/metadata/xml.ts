/**
 * A small strict XML reader for Salesforce metadata files (`.object`, `.object-meta.xml`,
 * `.field-meta.xml`). No XML parser is a dependency, and these files use a narrow subset: elements,
 * text, the five predefined entities and numeric character references, comments, CDATA, an XML
 * declaration. Attributes (xmlns) are read past and ignored; DOCTYPE and processing instructions other
 * than the declaration are refused. Anything malformed throws XmlError with the file, line and column.
 */

export interface XmlElement {
  name: string;
  children: XmlElement[];
  /** Concatenated character data directly inside the element (entities decoded). */
  text: string;
}

export class XmlError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: invalid XML: ${reason}`);
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parse `src` (the contents of `file`) into its root element. */
export function parseXml(src: string, file: string): XmlElement {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (reason: string, at = i): never => {
    let line = 1;
    let col = 1;
    for (let k = 0; k < at && k < src.length; k++) {
      if (src[k] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
    throw new XmlError(file, line, col, reason);
  };
  const startsWith = (s: string) => src.startsWith(s, i);
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const skipComment = () => {
    const end = src.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    i = end + 3;
  };
  /** Misc content allowed outside the root element: whitespace, comments. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (startsWith('<!--')) skipComment();
      else return;
    }
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (m, ent: string, off: number) => {
      if (!m.endsWith(';')) fail(`'&' not starting an entity reference`, at + off);
      if (ent in ENTITIES) return ENTITIES[ent]!;
      const num = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ent);
      if (!num) fail(`unknown entity '&${ent};'`, at + off);
      const cp = parseInt(num![1] ?? num![2]!, num![1] ? 16 : 10);
      if (cp > 0x10ffff || cp === 0) fail(`invalid character reference '&${ent};'`, at + off);
      return String.fromCodePoint(cp);
    });
  const skipAttributes = () => {
    for (;;) {
      const before = i;
      skipSpace();
      if (startsWith('>') || startsWith('/>')) return;
      if (i === before) fail('expected whitespace before an attribute');
      readName();
      skipSpace();
      if (src[i] !== '=') fail(`expected '=' after attribute name`);
      i++;
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = src.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail(`'<' in an attribute value`, i + 1 + raw.indexOf('<'));
      decode(raw, i + 1);
      i = end + 1;
    }
  };

  const element = (): XmlElement => {
    const open = i;
    i++; // '<'
    const name = readName();
    skipAttributes();
    const el: XmlElement = { name, children: [], text: '' };
    if (startsWith('/>')) {
      i += 2;
      return el;
    }
    i++; // '>'
    for (;;) {
      if (i >= src.length) fail(`element <${name}> is not closed`, open);
      if (startsWith('</')) {
        const at = i;
        i += 2;
        const close = readName();
        if (close !== name) fail(`closing tag </${close}> does not match <${name}>`, at);
        skipSpace();
        if (src[i] !== '>') fail(`expected '>'`);
        i++;
        return el;
      }
      if (startsWith('<!--')) skipComment();
      else if (startsWith('<![CDATA[')) {
        const end = src.indexOf(']]>', i + 9);
        if (end < 0) fail('unterminated CDATA section');
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (startsWith('<?') || startsWith('<!')) fail('processing instructions and declarations are not allowed here');
      else if (src[i] === '<') el.children.push(element());
      else {
        const end = src.indexOf('<', i);
        const stop = end < 0 ? src.length : end;
        const raw = src.slice(i, stop);
        const gt = raw.indexOf(']]>');
        if (gt >= 0) fail(`']]>' in text`, i + gt);
        el.text += decode(raw, i);
        i = stop;
      }
    }
  };

  if (startsWith('<?xml')) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  skipMisc();
  if (startsWith('<!DOCTYPE')) fail('DOCTYPE is not allowed');
  if (src[i] !== '<' || startsWith('<?') || startsWith('<!')) fail('expected the root element');
  const root = element();
  skipMisc();
  if (i < src.length) fail('content after the root element');
  return root;
}

/** The first child named `name`, or undefined. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Every child named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Trimmed text of the first child named `name`, or undefined when absent. */
export function childText(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c ? c.text.trim() : undefined;
}

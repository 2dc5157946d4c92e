/** The strict XML reader behind --metadata: what it accepts, and the file:line:column of what it refuses. */
import { describe, expect, it } from 'vitest';
import { childText, parseXml, XmlError } from '../../src/metadata/xml.ts';

function failure(src: string): XmlError {
  try {
    parseXml(src, 'f.xml');
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
  throw new Error('expected an XmlError');
}

describe('parseXml', () => {
  it('reads elements, text, entities, character references, CDATA and comments; ignores attributes', () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- head -->\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata" a=\'1\'>\n' +
        '  <formula>A &amp; &quot;b&quot; &lt; &#67;&#x44; &apos;</formula>\n  <x><![CDATA[IF(a < b && c, 1, 2)]]></x>\n' +
        '  <!-- inner -->\n  <empty/>\n</CustomField>\n<!-- tail -->\n',
      'f.xml',
    );
    expect(root.name).toBe('CustomField');
    expect(root.children.map((c) => c.name)).toEqual(['formula', 'x', 'empty']);
    expect(childText(root, 'formula')).toBe(`A & "b" < CD '`);
    expect(childText(root, 'x')).toBe('IF(a < b && c, 1, 2)');
    expect(childText(root, 'empty')).toBe('');
    expect(childText(root, 'missing')).toBeUndefined();
  });

  it.each([
    ['<a><b></a>', 1, 7, 'closing tag </a> does not match <b>'],
    ['<a>\n  <b>x</b>\n', 1, 1, 'element <a> is not closed'],
    ['<a>x &nbsp; y</a>', 1, 6, `unknown entity '&nbsp;'`],
    ['<a>x & y</a>', 1, 6, `'&' not starting an entity reference`],
    ['<a></a><b/>', 1, 8, 'content after the root element'],
    ['<!DOCTYPE a><a/>', 1, 1, 'DOCTYPE is not allowed'],
    ['<a><!-- open </a>', 1, 4, 'unterminated comment'],
    ['<a b="1<2"/>', 1, 8, `'<' in an attribute value`],
    ['<a b="1></a>', 1, 6, 'unterminated attribute value'],
    ['', 1, 1, 'expected the root element'],
    ['<a>\n<![CDATA[x</a>', 2, 1, 'unterminated CDATA section'],
  ])('refuses %j at line %i, column %i', (src, line, column, reason) => {
    const e = failure(src);
    expect({ line: e.line, column: e.column, reason: e.reason }).toEqual({ line, column, reason });
    expect(e.message).toBe(`f.xml:${line}:${column}: invalid XML: ${reason}`);
  });
});

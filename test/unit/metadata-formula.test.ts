/** The formula subset: operators, functions, blanks, dates; and what it names as unsupported. */
import { describe, expect, it } from 'vitest';
import { compileFormula, FormulaUnsupported, type FormulaValue } from '../../src/metadata/formula.ts';

const FIELDS: Record<string, FormulaValue> = { Amount__c: 1200, Qty__c: 3, Name: 'PRJ-0007', Title__c: 'Move', Blank__c: null, Empty__c: '', Start__c: '2024-05-20', Flag__c: true };
const canonical = new Map(Object.keys(FIELDS).map((k) => [k.toLowerCase(), k]));
function run(src: string, today = '2024-06-01'): FormulaValue {
  return compileFormula(src, (n) => canonical.get(n.toLowerCase()))({ field: (n) => FIELDS[n] ?? null, today: () => today });
}

describe('formula subset', () => {
  it.each<[string, FormulaValue]>([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-Qty__c + 10', 7],
    ['amount__c / Qty__c', 400],
    ['Amount__c / 0', null],
    ['Blank__c + 1', null],
    ['Name & " - " & Title__c', 'PRJ-0007 - Move'],
    ["'a' + 'b'", 'ab'],
    ['Title__c & Blank__c', 'Move'],
    ['IF(Amount__c > 1000, "big", "small")', 'big'],
    ['IF(Amount__c >= 5000 || Qty__c = 3, 1, 0)', 1],
    ['IF(AND(Flag__c, NOT(ISBLANK(Title__c))), "y", "n")', 'y'],
    ['ISBLANK(Blank__c) && ISBLANK(Empty__c)', true],
    ['ISNULL(Title__c)', false],
    ['BLANKVALUE(Blank__c, "none")', 'none'],
    ['Qty__c <> 3', false],
    ['TODAY()', '2024-06-01'],
    ['TODAY() - Start__c', 12],
    ['Start__c + 14', '2024-06-03'],
    ['TRUE', true],
    ['/* note */ NULL', null],
  ])('%s = %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });

  it.each([
    ['Account__r.Name', `cross-object or global reference 'Account__r.Name'`],
    ['$User.Id', `cross-object or global reference '$User.Id'`],
    ['TEXT(Amount__c)', 'function TEXT()'],
    ['Nope__c + 1', `unknown field 'Nope__c'`],
    ['IF(TRUE, 1)', 'IF() takes 3 argument(s), got 2'],
    ['1 +', `unexpected 'end of formula' at position 4`],
    ['"open', 'unterminated string literal'],
    ['1 ? 2', `unexpected character '?'`],
  ])('%s is unsupported: %s', (src, reason) => {
    expect(() => run(src)).toThrow(new FormulaUnsupported(reason));
  });
});

/**
 * SOSL errors: Salesforce's codes and wording for bad input, and a mutation corpus proving that no
 * mangled search ever raises anything but a SalesforceError (never a crash, never a 500).
 */
import seedrandom from 'seedrandom';
import { beforeAll, describe, expect, it } from 'vitest';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { search } from '../../src/sosl/index.ts';
import { makeSoslOrg, type SoslTestOrg } from './sosl-org.ts';

let t: SoslTestOrg;
beforeAll(() => {
  t = makeSoslOrg();
});

function errorOf(sosl: string): SalesforceError {
  try {
    search(t.org, sosl, { apiVersion: '59.0' });
  } catch (e) {
    if (e instanceof SalesforceError) return e;
    throw e;
  }
  throw new Error(`no error for ${sosl}`);
}

const KAV_RESTRICTION =
  "Implementation restriction: When querying or searching the Knowledge__kav object, you must filter using the following syntax: Id = [single ID], Id IN [list of ID's] or PublishStatus = [status]. In addition PublishStatus is only permitted in a top-level AND condition.";

describe('SOSL errors, worded as Salesforce words them', () => {
  it('unescaped reserved character: the lexer error restforce#688 quotes', () => {
    const e = errorOf('FIND {John|jane_gray@uoa.edu} RETURNING Contact');
    expect(e.errorCode).toBe('MALFORMED_SEARCH');
    expect(e.status).toBe(400);
    expect(e.message).toBe("\nFIND {John|jane_gray@uoa.edu} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'");
  });

  it('bad search group: Malformed search token (salesforce-api.md §4)', () => {
    const e = errorOf('FIND {name} IN ALL TYPE RETURNING Account(name)');
    expect(e.errorCode).toBe('MALFORMED_SEARCH');
    expect(e.message).toBe('\nFIND {name} IN ALL TYPE RETURNING Account(name)\n                  ^\nERROR at Row:1:Column:19\nMalformed search token: TYPE');
    expect(errorOf('FIND {name} IN BOGUS FIELDS').message).toMatch(/Malformed search token: BOGUS$/);
  });

  it('one-character search term: INVALID_SEARCH', () => {
    const e = errorOf('FIND {g}');
    expect(e.errorCode).toBe('INVALID_SEARCH');
    expect(e.message).toBe('search term must be longer than one character: g');
    expect(errorOf('FIND {g*} RETURNING Account').message).toBe('search term must be longer than one character: g*');
  });

  it('every reserved character must be escaped, even inside quotes (Ref p.104)', () => {
    for (const ch of ['&', '|', '!', '{', '[', ']', '^', '~', ':', "'", '+', '-']) {
      const e = errorOf(`FIND {ab${ch}cd}`);
      expect(e.errorCode, ch).toBe('MALFORMED_SEARCH');
      expect(e.message, ch).toContain(`mismatched character '${ch}' expecting '}'`);
    }
    expect(errorOf('FIND {"ab-cd"}').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {1+1}').message).toBe("\nFIND {1+1}\n      ^\nERROR at Row:1:Column:7\nline 1:7 mismatched character '+' expecting '}'");
  });

  it('unknown object: INVALID_TYPE at the object name', () => {
    const e = errorOf('FIND {smith} RETURNING Foo__c(Id)');
    expect(e.errorCode).toBe('INVALID_TYPE');
    expect(e.message).toBe(
      "\nFIND {smith} RETURNING Foo__c(Id)\n                      ^\nERROR at Row:1:Column:23\nsObject type 'Foo__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });

  it('unknown field in the field list or WHERE: INVALID_FIELD positioned in the SOSL text', () => {
    const e = errorOf('FIND {smith} RETURNING Account(Name, Bogus__c)');
    expect(e.errorCode).toBe('INVALID_FIELD');
    expect(e.message).toContain("No such column 'Bogus__c' on entity 'Account'. If you are attempting to use a custom field");
    expect(e.message).toContain('ERROR at Row:1:Column:37\n');
    const w = errorOf("FIND {smith} RETURNING Account(Id WHERE Nope = 'x')");
    expect(w.errorCode).toBe('INVALID_FIELD');
    expect(w.message).toContain("No such column 'Nope' on entity 'Account'");
    expect(w.message).toContain('ERROR at Row:1:Column:40\n');
  });

  it('a SOQL syntax error inside RETURNING is MALFORMED_SEARCH', () => {
    const e = errorOf('FIND {smith} RETURNING Account(Id WHERE Name = )');
    expect(e.errorCode).toBe('MALFORMED_SEARCH');
    expect(e.message).toMatch(/^\n.*\n *\^\nERROR at Row:1:Column:\d+\n/);
  });

  it('WHERE, ORDER BY, LIMIT need a field list (Ref p.110)', () => {
    const e = errorOf("FIND {smith} RETURNING Account(WHERE Name = 'x')");
    expect(e.errorCode).toBe('MALFORMED_SEARCH');
    expect(e.message).toMatch(/unexpected token: 'WHERE'$/);
    expect(errorOf('FIND {smith} RETURNING Account()').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {smith} RETURNING Account(LIMIT 5)').errorCode).toBe('MALFORMED_SEARCH');
  });

  it('article versions need an Id or PublishStatus filter in a top-level AND', () => {
    for (const q of [
      'FIND {returned} RETURNING Knowledge__kav(Id, Title)',
      'FIND {returned} RETURNING Knowledge__kav',
      "FIND {returned} RETURNING Knowledge__kav(Id WHERE Language = 'en_US')",
      "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus = 'Online' OR Language = 'en_US')",
      "FIND {returned} RETURNING Knowledge__kav(Id WHERE (PublishStatus = 'Online' OR PublishStatus = 'Draft'))",
      "FIND {returned} RETURNING Knowledge__kav(Id WHERE PublishStatus != 'Online')",
    ]) {
      const e = errorOf(q);
      expect(e.errorCode, q).toBe('MALFORMED_QUERY');
      expect(e.message, q).toBe(KAV_RESTRICTION);
    }
  });

  it('structure: duplicate objects, OFFSET rules, unknown clauses, broken braces', () => {
    expect(errorOf('FIND {smith} RETURNING Account, account').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {smith} RETURNING Account(Id OFFSET 1), Contact').errorCode).toBe('MALFORMED_SEARCH');
    const off = errorOf('FIND {smith} RETURNING Account(Id OFFSET 2001)');
    expect([off.errorCode, off.message]).toEqual(['NUMBER_OUTSIDE_VALID_RANGE', 'SOSL offset should be between 0 to 2000']);
    expect(errorOf('FIND {smith} WITH FOO').message).toMatch(/unexpected token: 'FOO'$/);
    expect(errorOf('FIND {smith} LIMIT abc').message).toMatch(/unexpected token: 'abc'$/);
    expect(errorOf('FIND {smith} RETURNING Account LIMIT 5 extra').message).toMatch(/unexpected token: 'extra'$/);
    expect(errorOf('FIND {smith').message).toBe("\nFIND {smith\n          ^\nERROR at Row:1:Column:11\nline 1:11 mismatched character '<EOF>' expecting '}'");
    expect(errorOf('FIND smith').message).toMatch(/mismatched character 's' expecting '\{'$/);
    expect(errorOf('SELECT Id FROM Account').message).toMatch(/unexpected token: 'SELECT'$/);
    expect(errorOf('FIND {"john smith}').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {john OR}').message).toMatch(/unexpected token: '<EOF>'$/);
    expect(errorOf('FIND {(john}').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {john)}').message).toMatch(/unexpected token: '\)'$/);
    expect(errorOf('FIND {AND}').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {smith} RETURNING Account(Id ORDER Name)').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {smith} RETURNING Account(Id LIMIT 1 WHERE Name = \'x\')').errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf("FIND {smith} WITH METADATA = 'NOPE'").errorCode).toBe('MALFORMED_SEARCH');
    expect(errorOf('FIND {smith} WITH SPELL_CORRECTION = maybe').errorCode).toBe('MALFORMED_SEARCH');
  });

  it('objects Salesforce cannot search', () => {
    const e = errorOf('FIND {smith} RETURNING OrderItem(Id)');
    expect([e.errorCode, e.message]).toEqual(['INVALID_TYPE_FOR_OPERATION', 'entity type OrderItem does not support search']);
  });

  it('hostile values reach SQL only as parameters: tables survive', () => {
    for (const q of [
      "FIND {smith} RETURNING Account(Id WHERE Name = 'x''); DROP TABLE Account; --')",
      'FIND {smith\\"\\) OR 1=1 --} RETURNING Account',
      "FIND {\\'\\; DROP TABLE \"Account\"\\; --} RETURNING Account",
      'FIND {smith} RETURNING Account(Id WHERE Name IN (SELECT Name FROM User))',
    ]) {
      try {
        search(t.org, q, {});
      } catch (e) {
        expect(e, q).toBeInstanceOf(SalesforceError);
      }
    }
    expect(search(t.org, 'FIND {smith} RETURNING Account', {}).searchRecords).toHaveLength(2);
  });
});

/** Valid searches the mutation corpus starts from. */
const SEEDS = [
  'FIND {john smith} IN ALL FIELDS RETURNING Account(Id, Name WHERE ShippingState = \'CA\' ORDER BY Name LIMIT 5), Contact',
  "FIND {return policy} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
  'FIND {racing suit} IN ALL FIELDS RETURNING Product2(Id, Name, Description)',
  'FIND {"trail running" OR (jo?n AND NOT smi*)} IN NAME FIELDS RETURNING Account(Id ORDER BY Name DESC NULLS LAST OFFSET 1)',
  "FIND {415\\-555\\-1212} IN PHONE FIELDS RETURNING Contact(Id, Account.Name) WITH SNIPPET(target_length=50) WITH METADATA='LABELS' LIMIT 20",
  "FIND 'rope' RETURNING Product2(Id WHERE IsActive = true) WITH PricebookId = '01sMf0000000001IAA' UPDATE TRACKING",
];
const NOISE = ['{', '}', '(', ')', "'", '"', '\\', '*', '?', ',', '=', '<', '>', '!', '&', '|', '^', '~', ':', '+', '-', ' ', '\n', 'AND', 'OR', 'NOT', 'WHERE', 'RETURNING', 'IN', 'LIMIT', 'OFFSET', 'WITH', 'ORDER BY', 'FIELDS', 'x', '9', '2001', 'é', '\u0000', '%', '_', ';', 'FIND', 'Account', 'Id', 'NULL', 'TODAY', '\uE000'];

function mutate(s: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let out = s;
  const steps = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < steps; k++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const op = Math.floor(rnd() * 5);
    if (op === 0) out = out.slice(0, at) + out.slice(at + 1); // delete a character
    else if (op === 1) out = out.slice(0, at) + pick(NOISE) + out.slice(at); // insert noise
    else if (op === 2) out = out.slice(0, at); // truncate
    else if (op === 3) {
      const len = Math.floor(rnd() * 12);
      out = out.slice(0, at) + out.slice(at, at + len) + out.slice(at); // duplicate a span
    } else {
      const b = Math.floor(rnd() * (out.length + 1));
      const [x, y] = at < b ? [at, b] : [b, at];
      out = out.slice(0, x) + out.slice(y) + out.slice(x, y); // move a span to the end
    }
  }
  return out;
}

describe('SOSL mutation corpus', () => {
  it('never throws anything but a SalesforceError with a 4xx status', () => {
    const rnd = seedrandom('sosl-mutations');
    let ok = 0;
    let errors = 0;
    const codes = new Set<string>();
    for (let i = 0; i < 1200; i++) {
      const q = mutate(SEEDS[i % SEEDS.length]!, rnd);
      try {
        const r = search(t.org, q, {});
        expect(Array.isArray(r.searchRecords), q).toBe(true);
        ok++;
      } catch (e) {
        if (!(e instanceof SalesforceError)) throw new Error(`non-Salesforce error for ${JSON.stringify(q)}: ${String(e)}`);
        expect(e.status, q).toBeGreaterThanOrEqual(400);
        expect(e.status, q).toBeLessThan(500);
        codes.add(e.errorCode);
        errors++;
      }
    }
    expect(ok).toBeGreaterThan(50);
    expect(errors).toBeGreaterThan(100);
    expect(codes.has('MALFORMED_SEARCH')).toBe(true);
  });
});

describe('RETURNING is checked even without hits', () => {
  it('reports a bad field when nothing matches, and when LIMIT is 0', () => {
    expect(errorOf('FIND {nomatchatall} RETURNING Account(Bogus__c)').errorCode).toBe('INVALID_FIELD');
    expect(errorOf("FIND {smith} RETURNING Account(Id WHERE Bogus__c = 'x' LIMIT 0)").errorCode).toBe('INVALID_FIELD');
  });
});

describe('pathological input stays a Salesforce error', () => {
  it('refuses nesting deeper than 100 parentheses, and handles thousands of terms', () => {
    expect(errorOf(`FIND {${'('.repeat(5000)}ab${')'.repeat(5000)}}`).errorCode).toBe('MALFORMED_SEARCH');
    expect(search(t.org, `FIND {${'('.repeat(100)}smith${')'.repeat(100)}} RETURNING Account`, {}).searchRecords).toHaveLength(2);
    expect(search(t.org, `FIND {${'smith OR '.repeat(1000)}smith} RETURNING Account`, {}).searchRecords).toHaveLength(2);
    expect(search(t.org, `FIND {smith ${'AND NOT ab '.repeat(20)}} RETURNING Account`, {}).searchRecords).toHaveLength(2);
    // A right-nested AND NOT chain past FTS5's parser depth is refused as too complicated.
    expect(errorOf(`FIND {${'ab AND NOT '.repeat(300)}ab} RETURNING Account`).errorCode).toBe('QUERY_TOO_COMPLICATED');
  });
});

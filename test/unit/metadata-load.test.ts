/**
 * loadMetadata without applying it: the field type mapping of the committed fixtures, and each kind
 * of bad metadata stopping with one MetadataError naming the file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getObject } from '../../schema/index.ts';
import { loadMetadata, MetadataError } from '../../src/metadata/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SFDX = join(ROOT, 'fixtures', 'metadata', 'sfdx-project');
const MDAPI = join(ROOT, 'fixtures', 'metadata', 'mdapi');
const tmp = mkdtempSync(join(tmpdir(), 'mockforce-md-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let n = 0;
function project(files: Record<string, string>): string {
  const dir = join(tmp, `p${n++}`);
  for (const [p, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), body);
  }
  return dir;
}
const OBJ = '<CustomObject><label>Thing</label><nameField><label>Thing Name</label><type>Text</type></nameField></CustomObject>';
const field = (body: string) => `<CustomField>${body}</CustomField>`;
function problem(dirs: string[]): string {
  try {
    loadMetadata(dirs);
  } catch (e) {
    if (e instanceof MetadataError) return e.message;
    throw e;
  }
  throw new Error('expected a MetadataError');
}

describe('loadMetadata', () => {
  it('maps every supported field type of the fixtures to describe types, without touching the schema', () => {
    const m = loadMetadata([SFDX, MDAPI]);
    expect(m.objects.map((o) => o.name)).toEqual(['Project__c', 'Vendor__c', 'Milestone__c']);
    expect(getObject('Project__c')).toBeUndefined();
    const types = new Map(m.objects.flatMap((o) => o.fields.filter((f) => f.custom).map((f) => [`${o.name}.${f.name}`, [f.type, f.length, f.precision, f.scale]] as const)));
    expect(Object.fromEntries(types)).toMatchObject({
      'Project__c.Title__c': ['string', 120, undefined, undefined],
      'Project__c.Notes__c': ['textarea', 32768, undefined, undefined],
      'Project__c.Budget__c': ['currency', 0, 16, 2],
      'Project__c.Kickoff__c': ['date', 0, undefined, undefined],
      'Project__c.Status__c': ['picklist', 255, undefined, undefined],
      'Project__c.Account__c': ['reference', 18, undefined, undefined],
      'Project__c.Budget_K__c': ['double', 0, 18, 1],
      'Project__c.Is_Big__c': ['boolean', 0, undefined, undefined],
      'Project__c.Display_Name__c': ['string', 1300, undefined, undefined],
      'Milestone__c.Tags__c': ['multipicklist', 4099, undefined, undefined],
      'Milestone__c.Done__c': ['boolean', 0, undefined, undefined],
      'Vendor__c.Website__c': ['url', 255, undefined, undefined],
      'Vendor__c.Email__c': ['email', 80, undefined, undefined],
      'Vendor__c.Phone__c': ['phone', 40, undefined, undefined],
      'Vendor__c.Rating__c': ['percent', 0, 5, 2],
      'Vendor__c.Score__c': ['double', 0, 3, 0],
      'Vendor__c.Since__c': ['datetime', 0, undefined, undefined],
      'Vendor__c.Profile__c': ['textarea', 255, undefined, undefined],
    });
    expect([...m.fieldsByObject.keys()]).toEqual(['Account']);
    expect(m.fieldsByObject.get('Account')!.map((f) => [f.name, f.defaultValue])).toEqual([['Region_Code__c', 'EMEA'], ['Tier__c', undefined]]);
    expect(m.fieldList).toHaveLength(28);
    // The same definitions hash the same, wherever they are read from.
    expect(loadMetadata([MDAPI, SFDX]).hash).toBe(m.hash);
    expect(loadMetadata([SFDX]).hash).not.toBe(m.hash);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['unknown field type', { 'objects/Account/fields/X__c.field-meta.xml': field('<fullName>X__c</fullName><type>Geolocation</type>') }, /X__c\.field-meta\.xml: field X__c has unknown or unsupported type 'Geolocation'$/],
    ['lookup to a missing object', { 'objects/Account/fields/X__c.field-meta.xml': field('<type>Lookup</type><referenceTo>Gone__c</referenceTo>') }, /lookup Account\.X__c points at object 'Gone__c', which does not exist$/],
    ['field the object already has', { 'objects/Account/fields/Name__c.field-meta.xml': field('<type>Checkbox</type>'), 'o/objects/Account.object': `<CustomObject>${'<fields><fullName>Name__c</fullName><type>Checkbox</type></fields>'}</CustomObject>` }, /duplicate field Account\.Name__c \(defined twice in the metadata\)$/],
    ['standard field clash', { 'objects/Issue__c/fields/Description__c.field-meta.xml': field('<type>Checkbox</type>') }, /duplicate field Issue__c\.Description__c: the object already has it$/],
    ['unknown standard object', { 'objects/Widget/fields/X__c.field-meta.xml': field('<type>Checkbox</type>') }, /unknown standard object 'Widget'/],
    ['custom object without its definition', { 'objects/Thing__c/fields/X__c.field-meta.xml': field('<type>Checkbox</type>') }, /custom object Thing__c has fields but no Thing__c\.object-meta\.xml/],
    ['restricted picklist without values', { 'objects/Thing__c/Thing__c.object-meta.xml': OBJ, 'objects/Thing__c/fields/P__c.field-meta.xml': field('<type>Picklist</type><valueSet><restricted>true</restricted></valueSet>') }, /picklist field P__c has no values/],
    ['text without length', { 'objects/Thing__c/Thing__c.object-meta.xml': OBJ, 'objects/Thing__c/fields/T__c.field-meta.xml': field('<type>Text</type>') }, /field T__c has no <length>$/],
    ['bad autonumber format', { 'objects/Thing__c/Thing__c.object-meta.xml': '<CustomObject><nameField><type>AutoNumber</type><displayFormat>{YYYY}-{0}</displayFormat></nameField></CustomObject>' }, /AutoNumber name field of Thing__c needs a <displayFormat>/],
    ['wrong root element', { 'objects/Thing__c/Thing__c.object-meta.xml': '<CustomField/>' }, /expected a <CustomObject> root element, found <CustomField>$/],
    ['child relationship twice', { 'objects/Contact/fields/A__c.field-meta.xml': field('<type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Pals</relationshipName>'), 'objects/Contact/fields/B__c.field-meta.xml': field('<type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Pals</relationshipName>') }, /B__c\.field-meta\.xml: child relationship Pals__r already exists on Account$/],
    ['unparsable XML', { 'objects/Thing__c/Thing__c.object-meta.xml': '<CustomObject>\n<label>a &b</label></CustomObject>' }, /Thing__c\.object-meta\.xml: invalid XML at line 2, column 10: '&' not starting an entity reference$/],
  ])('%s', (_name, files, expected) => {
    const msg = problem([project(files)]);
    expect(msg).toMatch(expected);
    expect(msg).not.toContain('\n');
  });

  it('formula fields compute from stored values; BlankAsZero reads blank numbers as 0', () => {
    const dir = project({
      'objects/Thing__c/Thing__c.object-meta.xml': OBJ,
      'objects/Thing__c/fields/Amt__c.field-meta.xml': field('<type>Number</type><precision>18</precision><scale>2</scale>'),
      'objects/Thing__c/fields/Flag__c.field-meta.xml': field('<type>Checkbox</type><defaultValue>false</defaultValue>'),
      'objects/Thing__c/fields/Zero__c.field-meta.xml': field('<type>Number</type><scale>1</scale><formula>Amt__c / 3</formula><formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs>'),
      'objects/Thing__c/fields/Blank__c.field-meta.xml': field('<type>Number</type><scale>1</scale><formula>Amt__c / 3</formula><formulaTreatBlanksAs>BlankAsBlank</formulaTreatBlanksAs>'),
      'objects/Thing__c/fields/Label__c.field-meta.xml': field('<type>Text</type><formula>IF(Flag__c, Name &amp; "!", Name)</formula>'),
    });
    const fields = new Map(loadMetadata([dir]).objects[0]!.fields.map((f) => [f.name, f]));
    const compute = (name: string, row: Record<string, unknown>) => fields.get(name)!.compute!((k) => row[k] ?? null, '2024-06-01');
    expect(compute('Zero__c', { Amt__c: 10 })).toBe(3.3);
    expect(compute('Zero__c', { Amt__c: null })).toBe(0);
    expect(compute('Blank__c', { Amt__c: null })).toBeNull();
    expect(compute('Label__c', { Name: 'x', Flag__c: 1 })).toBe('x!');
    expect(compute('Label__c', { Name: 'x', Flag__c: 0 })).toBe('x');
    expect(fields.get('Label__c')).toMatchObject({ type: 'string', calculated: true, createable: false, formula: 'IF(Flag__c, Name & "!", Name)' });
  });

  it('skips standard field files a retrieved project carries, warning about ones mockforce lacks', () => {
    const dir = project({
      'objects/Account/Account.object-meta.xml': '<CustomObject><enableHistory>false</enableHistory></CustomObject>',
      'objects/Account/fields/Name.field-meta.xml': field('<fullName>Name</fullName><trackHistory>false</trackHistory>'),
      'objects/Account/fields/NotAStandardField.field-meta.xml': field('<fullName>NotAStandardField</fullName>'),
      'objects/Account/listViews/All.listView-meta.xml': '<ListView/>',
      'objects/Account/fields/Score__c.field-meta.xml': field('<type>Number</type><precision>3</precision><scale>0</scale>'),
    });
    const m = loadMetadata([dir]);
    expect(m.fieldList).toEqual(['Account.Score__c']);
    expect(m.warnings).toEqual([expect.stringMatching(/NotAStandardField\.field-meta\.xml: standard field Account\.NotAStandardField is not modelled by mockforce; ignored$/)]);
  });

  it('a directory that does not exist', () => {
    expect(problem([join(tmp, 'nope')])).toMatch(/nope: no such metadata directory$/);
  });
});

/**
 * loadMetadata(dirs): read the user's metadata (`serve --metadata DIR`, repeatable) in both formats,
 * found anywhere under each DIR (a whole sfdx-project with force-app/main/default works):
 *   SFDX source:   objects/<Obj>/<Obj>.object-meta.xml, objects/<Obj>/fields/<Field>.field-meta.xml
 *   Metadata API:  objects/<Obj>.object (fields inline as <fields>)
 * Everything is read and checked before anything is applied: the first problem throws one
 * MetadataError naming the file, so the schema is never half-loaded. applyLoadedMetadata() then merges
 * the result into schema/ (applyMetadata), where every other part of mockforce sees it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { applyMetadata, getChildRelationship, getField, getObject, OBJECTS } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { readField, type LoadedField } from './field-def.ts';
import { attachFormula, constantDefault } from './formula-field.ts';
import { inventKeyPrefix } from './key-prefix.ts';
import { MetadataError } from './metadata-error.ts';
import { readObject } from './object-def.ts';
import { childrenNamed, childText, parseXml, XmlError, type XmlElement } from './xml.ts';

export interface LoadedMetadata {
  /** New custom objects, in dependency order (a master before its details), with their custom fields. */
  objects: ObjectDef[];
  /** Custom fields added to objects the schema already has (standard or CRMArena custom). */
  fieldsByObject: Map<string, FieldDef[]>;
  /** One line per formula field outside the supported subset (it reads null). */
  warnings: string[];
  /** `Object.Field` of every field the metadata adds, sorted. */
  fieldList: string[];
  /** sha256 over the definitions: an org built with the same hash needs no schema change. */
  hash: string;
}

interface ObjectEntry {
  name: string;
  file?: string;
  el?: XmlElement;
  fields: { name: string; el: XmlElement; file: string }[];
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.sfdx', '.sf']);

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile()) out.push(p);
  }
}

function readXml(file: string): XmlElement {
  try {
    return parseXml(readFileSync(file, 'utf8'), file);
  } catch (err) {
    if (err instanceof XmlError) throw new MetadataError(file, `invalid XML at line ${err.line}, column ${err.column}: ${err.reason}`);
    throw err;
  }
}

export function loadMetadata(dirs: readonly string[]): LoadedMetadata {
  const entries = new Map<string, ObjectEntry>();
  const entry = (name: string): ObjectEntry => {
    const key = name.toLowerCase();
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { name, fields: [] }));
    return e;
  };
  const addField = (obj: string, name: string, el: XmlElement, file: string) => {
    const e = entry(obj);
    if (e.fields.some((f) => f.name.toLowerCase() === name.toLowerCase())) throw new MetadataError(file, `duplicate field ${obj}.${name} (defined twice in the metadata)`);
    e.fields.push({ name, el, file });
  };
  const setObject = (name: string, el: XmlElement, file: string) => {
    const e = entry(name);
    if (e.file) throw new MetadataError(file, `object ${name} is already defined in ${e.file}`);
    if (el.name !== 'CustomObject') throw new MetadataError(file, `expected a <CustomObject> root element, found <${el.name}>`);
    e.file = file;
    e.el = el;
  };

  for (const d of dirs) {
    const dir = resolve(d);
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      /* reported below */
    }
    if (!isDir) throw new MetadataError(dir, 'no such metadata directory');
    const files: string[] = [];
    walk(dir, files);
    for (const file of files) {
      const parts = file.split(/[\\/]/);
      const n = parts.length;
      const sfdxObj = /^(.+)\.object-meta\.xml$/.exec(parts[n - 1]!);
      if (sfdxObj && parts[n - 3] === 'objects' && parts[n - 2] === sfdxObj[1]) {
        setObject(sfdxObj[1]!, readXml(file), file);
        continue;
      }
      const sfdxField = /^(.+)\.field-meta\.xml$/.exec(parts[n - 1]!);
      if (sfdxField && parts[n - 2] === 'fields' && parts[n - 4] === 'objects') {
        const el = readXml(file);
        if (el.name !== 'CustomField') throw new MetadataError(file, `expected a <CustomField> root element, found <${el.name}>`);
        const name = childText(el, 'fullName') ?? sfdxField[1]!;
        if (name !== sfdxField[1]) throw new MetadataError(file, `<fullName>${name}</fullName> does not match the file name`);
        addField(parts[n - 3]!, name, el, file);
        continue;
      }
      const mdapi = /^(.+)\.object$/.exec(parts[n - 1]!);
      if (mdapi && parts[n - 2] === 'objects') {
        const el = readXml(file);
        setObject(mdapi[1]!, el, file);
        for (const f of childrenNamed(el, 'fields')) {
          const name = childText(f, 'fullName');
          if (!name) throw new MetadataError(file, 'a <fields> element has no <fullName>');
          addField(mdapi[1]!, name, f, file);
        }
      }
    }
  }
  // By name, so the result (and its hash) does not depend on the order of the directories.
  return build([...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

function build(entries: ObjectEntry[]): LoadedMetadata {
  const taken = new Set(OBJECTS.map((o) => o.keyPrefix));
  const newObjects = new Map<string, ObjectDef>();
  const loaded = new Map<ObjectEntry, LoadedField[]>();
  const warnings: string[] = [];
  for (const e of entries) {
    // A project retrieved from an org also carries standard fields (Account/fields/Industry.field-meta.xml,
    // or <fields> without __c in a .object): they only tune settings of fields the catalogue defines,
    // so they are skipped; one the catalogue lacks is named in a warning.
    const standard = e.fields.filter((f) => !f.name.endsWith('__c'));
    for (const f of standard) {
      const known = getObject(e.name) && getField(getObject(e.name)!, f.name);
      if (!known) warnings.push(`${f.file}: standard field ${e.name}.${f.name} is not modelled by mockforce; ignored`);
    }
    const fields = e.fields.filter((f) => f.name.endsWith('__c')).map((f) => readField(f.el, f.name, f.file));
    loaded.set(e, fields);
    const existing = getObject(e.name);
    if (existing) {
      for (const f of fields) {
        if (getField(existing, f.def.name)) throw new MetadataError(f.file, `duplicate field ${existing.name}.${f.def.name}: the object already has it`);
      }
      continue;
    }
    if (!e.name.endsWith('__c')) throw new MetadataError(e.file ?? e.fields[0]!.file, `unknown standard object '${e.name}' (custom fields can go on the objects mockforce models, or on custom objects)`);
    if (!e.el) throw new MetadataError(e.fields[0]!.file, `custom object ${e.name} has fields but no ${e.name}.object-meta.xml / ${e.name}.object`);
    const hasMaster = fields.some((f) => f.def.cascadeDelete);
    const prefix = inventKeyPrefix(e.name, taken);
    taken.add(prefix);
    const obj = readObject(e.el, e.name, prefix, e.file!, hasMaster);
    newObjects.set(e.name.toLowerCase(), obj);
  }
  const resolveObject = (n: string) => newObjects.get(n.toLowerCase()) ?? getObject(n);

  const fieldsByObject = new Map<string, FieldDef[]>();
  const fieldList: string[] = [];
  const childNames = new Set<string>();
  for (const e of entries) {
    const obj = resolveObject(e.name)!;
    const fields = loaded.get(e)!;
    for (const f of fields) {
      if (f.def.type === 'reference') {
        const target = resolveObject(f.def.referenceTo[0]!);
        if (!target) throw new MetadataError(f.file, `lookup ${obj.name}.${f.def.name} points at object '${f.def.referenceTo[0]}', which does not exist`);
        f.def.referenceTo = [target.name];
        if (f.def.childRelationshipName) {
          const key = `${target.name}.${f.def.childRelationshipName.toLowerCase()}`;
          const existing = getObject(target.name) && getChildRelationship(getObject(target.name)!, f.def.childRelationshipName);
          if (existing || childNames.has(key)) throw new MetadataError(f.file, `child relationship ${f.def.childRelationshipName} already exists on ${target.name}`);
          childNames.add(key);
        }
      }
      fieldList.push(`${obj.name}.${f.def.name}`);
    }
    const all = [...obj.fields, ...fields.map((f) => f.def)];
    for (const f of fields) {
      if (f.defaultFormula !== undefined) {
        const v = constantDefault(f.defaultFormula, f.def);
        if (v === undefined) warnings.push(`${f.file}: default value of ${obj.name}.${f.def.name} is not a constant mockforce can evaluate (${f.defaultFormula}); ignored`);
        else {
          f.def.defaultValue = v;
          f.def.defaultedOnCreate = true;
        }
      }
      if (f.formula !== undefined) {
        const w = attachFormula(f.def, f.formula, all, f.blanksAsZero);
        if (w) warnings.push(`${f.file}: formula field ${obj.name}.${f.def.name} is not supported (${w}); it reads null`);
      }
    }
    if (newObjects.has(obj.name.toLowerCase())) obj.fields.push(...fields.map((f) => f.def));
    else if (fields.length) fieldsByObject.set(obj.name, fields.map((f) => f.def));
  }

  const objects = dependencyOrder([...newObjects.values()]);
  fieldList.sort();
  const hash = createHash('sha256')
    .update(JSON.stringify({ objects, fields: [...fieldsByObject].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }, (k, v) => (k === 'compute' ? undefined : v)))
    .digest('hex');
  return { objects, fieldsByObject, warnings, fieldList, hash };
}

/** Masters and lookup targets before the objects that point at them (self-lookups ignored). */
function dependencyOrder(objs: ObjectDef[]): ObjectDef[] {
  const out: ObjectDef[] = [];
  const pending = new Set(objs);
  while (pending.size) {
    const ready = [...pending].filter((o) =>
      o.fields.every((f) => f.type !== 'reference' || f.referenceTo.every((t) => t === o.name || !objs.some((x) => x.name === t && pending.has(x)))),
    );
    const next = ready.length ? ready : [...pending]; // a lookup cycle: keep file order
    for (const o of next) {
      out.push(o);
      pending.delete(o);
    }
  }
  return out;
}

let applied: string | undefined;

/**
 * Merge `m` into schema/ (once per process: the schema cannot be unloaded). Applying the same
 * metadata again is a no-op; different metadata in the same process is an error.
 */
export function applyLoadedMetadata(m: LoadedMetadata): void {
  if (applied === m.hash) return;
  if (applied !== undefined) throw new Error('mockforce: different metadata was already applied in this process');
  applyMetadata(m.objects, m.fieldsByObject);
  applied = m.hash;
}

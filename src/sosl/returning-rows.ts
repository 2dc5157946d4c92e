/**
 * The RETURNING clause of one object, for its hits: a plain field list without WHERE/ORDER BY is read
 * by Id directly; anything else runs through the SOQL engine as `SELECT <fields> FROM <Obj> [WHERE …]
 * [ORDER BY …]` restricted to the hits (`idFilter`). SOQL errors are re-expressed against the SOSL
 * text: same code and detail, the SOSL position, MALFORMED_QUERY worded as MALFORMED_SEARCH.
 * Rows keep their Id so the caller can rank and decorate them; `hiddenId` says to drop it afterwards.
 */
import { getField } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { SalesforceError } from '../errors/salesforce-error.ts';
import { q } from '../org/ddl.ts';
import type { Org } from '../org/org.ts';
import { toWire } from '../org/values.ts';
import { MAX_ROWS } from './match.ts';
import type { ReturningSpec } from './parse.ts';
import { searchErrorHeader } from './sosl-errors.ts';

export type SearchRecord = Record<string, unknown>;

/** The SOQL engine's `query`, as src/soql exports it (only what SOSL needs of it). */
export type SoqlQueryFn = (
  org: Org,
  soql: string,
  opts?: { apiVersion?: string; includeDeleted?: boolean; batchSize?: number; idFilter?: readonly string[] },
) => { records: Record<string, unknown>[] };

/** A SOQL fragment and where it came from in the SOSL text, to map error positions back. */
interface Piece {
  soqlStart: number;
  soslStart: number;
  length: number;
}

/**
 * The RETURNING clause's fields, WHERE and ORDER BY, run by the SOQL engine over the hits only.
 * LIMIT/OFFSET are applied afterwards, on the ranked (or ordered) rows.
 */
export function fetchFields(
  soql: SoqlQueryFn,
  org: Org,
  sosl: string,
  obj: ObjectDef,
  spec: ReturningSpec,
  ids: string[],
  apiVersion: string,
): { records: SearchRecord[]; hiddenId: boolean } {
  const plain = !spec.where && !spec.orderBy ? plainFields(obj, spec.fields!.text) : undefined;
  if (plain) return fetchPlain(org, obj, plain, ids, apiVersion);
  let text = '';
  const pieces: Piece[] = [];
  const add = (s: string, soslStart?: number): void => {
    if (soslStart !== undefined) pieces.push({ soqlStart: text.length, soslStart, length: s.length });
    text += s;
  };
  // Ranking needs each row's Id; when the field list lacks it, it is selected and dropped again.
  const hiddenId = !selectsId(spec.fields!.text);
  add(hiddenId ? 'SELECT Id, ' : 'SELECT ');
  add(spec.fields!.text, spec.fields!.offset);
  add(' FROM ');
  add(obj.name, spec.objectOffset);
  if (spec.where) {
    add(' WHERE ');
    add(spec.where.text, spec.where.offset);
  }
  if (spec.orderBy) {
    add(' ORDER BY ');
    add(spec.orderBy.text, spec.orderBy.offset);
  }
  let records: SearchRecord[];
  try {
    records = soql(org, text, { apiVersion, idFilter: ids, batchSize: MAX_ROWS }).records;
  } catch (e) {
    if (e instanceof SalesforceError) throw relocate(e, text, sosl, pieces);
    throw e;
  }
  if (!spec.orderBy) {
    const rank = new Map(ids.map((id, i) => [id, i]));
    records.sort((a, b) => (rank.get(a.Id as string) ?? 0) - (rank.get(b.Id as string) ?? 0));
  }
  return { records, hiddenId };
}

/**
 * The fields of a list made only of this object's own plain fields (no relationships, functions,
 * duplicates), or undefined. Such a list without WHERE/ORDER BY needs no SOQL: rows are read by Id.
 */
function plainFields(obj: ObjectDef, list: string): FieldDef[] | undefined {
  const out: FieldDef[] = [];
  for (const item of list.split(',')) {
    const name = item.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
    const f = getField(obj, name);
    if (!f || out.includes(f)) return undefined; // unknown or duplicate: the SOQL engine words the error
    if (f.type === 'address') return undefined; // no column: the SOQL engine builds the compound
    out.push(f);
  }
  return out.length ? out : undefined;
}

/** Records for `ids` (in that order) with `fields`, shaped as the SOQL engine shapes plain fields. */
function fetchPlain(org: Org, obj: ObjectDef, fields: FieldDef[], ids: string[], apiVersion: string): { records: SearchRecord[]; hiddenId: boolean } {
  const hiddenId = !fields.some((f) => f.name === 'Id');
  if (!ids.length) return { records: [], hiddenId };
  const cols = fields.filter((f) => f.name !== 'Id').map((f) => q(f.name));
  const sql = `SELECT "Id"${cols.map((c) => `, ${c}`).join('')} FROM ${q(obj.name)} WHERE "Id" IN (SELECT value FROM json_each(?))`;
  const rows = org.store.prepare(sql).all(JSON.stringify(ids)) as Record<string, unknown>[];
  const byId = new Map(rows.map((r) => [r.Id as string, r]));
  const prefix = `/services/data/v${apiVersion}/sobjects/${obj.name}/`;
  const records: SearchRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const rec: SearchRecord = { attributes: { type: obj.name, url: prefix + id } };
    if (hiddenId) rec.Id = id;
    for (const f of fields) rec[f.name] = f.name === 'Id' ? id : toWire(f, row[f.name]);
    records.push(rec);
  }
  return { records, hiddenId };
}

/** Whether a field list selects Id itself (top-level item `Id`, any case). */
function selectsId(fields: string): boolean {
  let depth = 0;
  let item = '';
  const items: string[] = [];
  for (const ch of fields) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      items.push(item);
      item = '';
    } else item += ch;
  }
  items.push(item);
  return items.some((i) => i.trim().toLowerCase() === 'id');
}

const HEADER = /^\n[^\n]*\n *\^\nERROR at Row:(\d+):Column:(\d+)\n([\s\S]*)$/;

/** A SOQL engine error re-expressed against the SOSL text: same detail, SOSL position and wording. */
function relocate(e: SalesforceError, soqlText: string, sosl: string, pieces: Piece[]): SalesforceError {
  const m = HEADER.exec(e.message);
  if (!m) {
    // Position-less syntax errors of the RETURNING clause are SOSL's too (the article restriction keeps
    // MALFORMED_QUERY, as Salesforce reports it for searches as for queries).
    if (e.errorCode === 'MALFORMED_QUERY' && !e.message.startsWith('Implementation restriction')) {
      return new SalesforceError('MALFORMED_SEARCH', e.message, e.status, e.fields);
    }
    return e;
  }
  const row = Number(m[1]);
  const col = Number(m[2]);
  let lineStart = 0;
  for (let r = 1; r < row; r++) {
    const nl = soqlText.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  const at = lineStart + col - 1;
  let soslAt = pieces[0]!.soslStart;
  for (const p of pieces) {
    if (at >= p.soqlStart && at <= p.soqlStart + p.length) {
      soslAt = p.soslStart + (at - p.soqlStart);
      break;
    }
    if (at > p.soqlStart + p.length) soslAt = p.soslStart + p.length;
  }
  const code = e.errorCode === 'MALFORMED_QUERY' ? 'MALFORMED_SEARCH' : e.errorCode;
  return new SalesforceError(code, searchErrorHeader(sosl, soslAt) + m[3], e.status, e.fields);
}

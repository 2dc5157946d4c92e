/**
 * Parameterized search (`/parameterizedSearch`): the same search as SOSL, asked with URL parameters
 * (`q`, `sobject`, `<sobject>.fields`, `<sobject>.limit`, `fields`, `in`, `overallLimit`,
 * `defaultLimit`, `offset`, `pricebookId`, `spellCorrection`…) or with a JSON body (`{"q", "fields",
 * "sobjects": [{"name", "fields", "where", "orderBy", "limit"}], "in", "overallLimit", …}`)
 * (Salesforce REST API Developer Guide, "Search by Parameter"; reference/salesforce-api.md §4).
 * Both forms become one SOSL statement, so behaviour and errors are exactly SOSL's. `q` is plain text:
 * its reserved characters are escaped, `*`, `?`, quotes, parentheses and AND/OR/AND NOT keep their meaning.
 */
import { SalesforceError } from '../errors/salesforce-error.ts';
import { RESERVED_IN_TERM } from './parse.ts';

export interface ParamObject {
  name: string;
  fields?: string[];
  where?: string;
  orderBy?: string;
  limit?: number;
}

export interface ParamSearch {
  q: string;
  fields?: string[];
  sobjects?: ParamObject[];
  in?: string;
  overallLimit?: number;
  defaultLimit?: number;
  offset?: number;
  pricebookId?: string;
  spellCorrection?: boolean;
  division?: string;
  snippet?: number | boolean;
  highlight?: boolean;
  metadata?: string;
  updateTracking?: boolean;
  updateViewStat?: boolean;
}

const missing = (name: string): SalesforceError =>
  new SalesforceError('MISSING_ARGUMENT', `${name} parameter is required`, 400);
const invalid = (name: string, value: unknown): SalesforceError =>
  new SalesforceError('INVALID_SEARCH', `Invalid value for parameter ${name}: ${String(value)}`, 400);

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const SCOPES = ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'];

/** Escape `q` for the braces: reserved characters get a backslash (Ref p.104). */
export function escapeSearchText(q: string): string {
  let out = '';
  for (const ch of q) out += RESERVED_IN_TERM.has(ch) ? `\\${ch}` : ch;
  return out;
}

function fieldList(fields: string[], where: string): string {
  for (const f of fields) {
    if (!FIELD_PATH.test(f)) {
      throw new SalesforceError('INVALID_FIELD', `Invalid field name in ${where}: ${f}`, 400);
    }
  }
  return fields.join(', ');
}

function count(name: string, v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(name, v);
  return n;
}

/** The SOSL statement a parameterized search stands for. */
export function paramSearchToSosl(p: ParamSearch): string {
  if (typeof p.q !== 'string' || p.q.trim() === '') throw missing('q');
  let sosl = `FIND {${escapeSearchText(p.q)}}`;
  if (p.in !== undefined) {
    const scope = String(p.in).toUpperCase();
    if (!SCOPES.includes(scope)) throw invalid('in', p.in);
    sosl += ` IN ${scope} FIELDS`;
  }
  const defaultLimit = count('defaultLimit', p.defaultLimit);
  const offset = count('offset', p.offset);
  if (p.sobjects?.length) {
    const parts = p.sobjects.map((o) => {
      if (!o || typeof o.name !== 'string' || !IDENT.test(o.name)) throw invalid('sobject', o?.name);
      const fields = o.fields?.length ? o.fields : p.fields?.length ? p.fields : undefined;
      const limit = count(`${o.name}.limit`, o.limit) ?? defaultLimit;
      const clauses: string[] = [];
      if (o.where) clauses.push(`WHERE ${o.where}`);
      if (o.orderBy) clauses.push(`ORDER BY ${o.orderBy}`);
      if (limit !== undefined) clauses.push(`LIMIT ${limit}`);
      if (offset !== undefined) clauses.push(`OFFSET ${offset}`);
      // A clause needs a field list in SOSL; Id stands in when none was asked for.
      const list = fields ? fieldList(fields, `${o.name}.fields`) : clauses.length ? 'Id' : '';
      return list ? `${o.name}(${[list, ...clauses].join(' ')})` : o.name;
    });
    sosl += ` RETURNING ${parts.join(', ')}`;
  } else if (p.fields?.length) {
    // "fields … At least one sobject must be specified at the global level."
    throw new SalesforceError('INVALID_SEARCH', 'At least one sobject must be specified when fields are given', 400);
  }
  if (p.division) sosl += ` WITH DIVISION = '${String(p.division).replace(/[\\']/g, '\\$&')}'`;
  if (p.pricebookId) {
    if (!/^[A-Za-z0-9]{15,18}$/.test(p.pricebookId)) throw invalid('pricebookId', p.pricebookId);
    sosl += ` WITH PricebookId = '${p.pricebookId}'`;
  }
  if (p.snippet) sosl += typeof p.snippet === 'number' ? ` WITH SNIPPET (target_length=${count('snippet', p.snippet)})` : ' WITH SNIPPET';
  if (p.highlight) sosl += ' WITH HIGHLIGHT';
  if (p.metadata) {
    if (String(p.metadata).toUpperCase() !== 'LABELS') throw invalid('metadata', p.metadata);
    sosl += ` WITH METADATA = 'LABELS'`;
  }
  if (p.spellCorrection !== undefined) sosl += ` WITH SPELL_CORRECTION = ${p.spellCorrection ? 'true' : 'false'}`;
  const overall = count('overallLimit', p.overallLimit);
  if (overall !== undefined) sosl += ` LIMIT ${overall}`;
  const updates = [p.updateTracking ? 'TRACKING' : '', p.updateViewStat ? 'VIEWSTAT' : ''].filter(Boolean);
  if (updates.length) sosl += ` UPDATE ${updates.join(', ')}`;
  return sosl;
}

const splitList = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((s) => String(s).split(','))
    .map((s) => s.trim())
    .filter(Boolean);

const bool = (v: unknown): boolean | undefined =>
  v === undefined ? undefined : v === true || String(v).toLowerCase() === 'true' || v === '';

/** The GET form: query-string parameters (repeated `sobject`, `<sobject>.fields`, `<sobject>.limit`). */
export function paramSearchFromQuery(qs: Record<string, string | string[] | undefined>): ParamSearch {
  const first = (k: string): string | undefined => {
    const v = qs[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const lookup = (k: string): string | undefined => {
    const hit = Object.keys(qs).find((key) => key.toLowerCase() === k.toLowerCase());
    return hit === undefined ? undefined : first(hit);
  };
  const sobjects: ParamObject[] = splitList(qs.sobject).map((name) => {
    const fields = splitList(lookup(`${name}.fields`));
    const limit = lookup(`${name}.limit`);
    return { name, ...(fields.length ? { fields } : {}), ...(limit !== undefined ? { limit: count(`${name}.limit`, limit) } : {}) };
  });
  const fields = splitList(qs.fields);
  return {
    q: first('q') ?? '',
    ...(fields.length ? { fields } : {}),
    ...(sobjects.length ? { sobjects } : {}),
    in: first('in'),
    overallLimit: count('overallLimit', first('overallLimit')),
    defaultLimit: count('defaultLimit', first('defaultLimit')),
    offset: count('offset', first('offset')),
    pricebookId: first('pricebookId'),
    spellCorrection: bool(first('spellCorrection')),
    division: first('division'),
    metadata: first('metadata'),
    updateTracking: bool(first('updateTracking')),
    updateViewStat: bool(first('updateViewStat')),
  };
}

/** The POST form: a JSON body. Shapes that are not Salesforce's are refused like Salesforce refuses JSON. */
export function paramSearchFromBody(body: unknown): ParamSearch {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new SalesforceError('JSON_PARSER_ERROR', 'The request body must be a JSON object', 400);
  }
  const b = body as Record<string, unknown>;
  const strings = (v: unknown, name: string): string[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return splitList(v);
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalid(name, JSON.stringify(v));
    return v as string[];
  };
  const sobjects = b.sobjects === undefined || b.sobjects === null ? undefined : b.sobjects;
  if (sobjects !== undefined && !Array.isArray(sobjects)) throw invalid('sobjects', JSON.stringify(sobjects));
  const optString = (v: unknown, name: string): string | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw invalid(name, JSON.stringify(v));
    return v;
  };
  return {
    q: typeof b.q === 'string' ? b.q : '',
    fields: strings(b.fields, 'fields'),
    sobjects: sobjects?.map((o, i) => {
      if (!o || typeof o !== 'object') throw invalid(`sobjects[${i}]`, JSON.stringify(o));
      const r = o as Record<string, unknown>;
      return {
        name: optString(r.name, 'name') ?? '',
        fields: strings(r.fields, `${String(r.name)}.fields`),
        where: optString(r.where, 'where'),
        orderBy: optString(r.orderBy, 'orderBy'),
        limit: count(`${String(r.name)}.limit`, r.limit),
      };
    }),
    in: optString(b.in, 'in'),
    overallLimit: count('overallLimit', b.overallLimit),
    defaultLimit: count('defaultLimit', b.defaultLimit),
    offset: count('offset', b.offset),
    pricebookId: optString(b.pricebookId, 'pricebookId'),
    spellCorrection: typeof b.spellCorrection === 'boolean' ? b.spellCorrection : bool(b.spellCorrection),
    division: optString(b.division, 'division'),
    metadata: optString(b.metadata, 'metadata'),
    updateTracking: bool(b.updateTracking),
    updateViewStat: bool(b.updateViewStat),
  };
}

/**
 * What `WITH HIGHLIGHT`, `WITH SNIPPET` and `WITH METADATA='LABELS'` add to search results
 * (SOQL and SOSL Reference: WITH HIGHLIGHT, WITH SNIPPET, WITH METADATA; SOAP SearchResult):
 * - HIGHLIGHT: `"highlight.<Field>": "…<mark>term</mark>…"` for returned text, text area and e-mail
 *   fields that contain a search word, on accounts, contacts, users and custom objects, for at most
 *   25 records per object; terms with wildcards are not highlighted; other objects get nothing.
 * - SNIPPET: `"snippet.text"`, an excerpt of about `target_length` characters around the first match in
 *   the record's text, with matches in `<mark>`, for article and case searches; articles also get
 *   `"highlight.Title"` when their title matches.
 * - METADATA='LABELS': `searchResultsMetadata.entityLabelMetadata`, the display label of each field
 *   returned, per object.
 */
import { getField } from '../../schema/index.ts';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import { q } from '../org/ddl.ts';
import type { Org } from '../org/org.ts';
import { normalizeToken, type TermNode } from './search-term.ts';

const HIGHLIGHT_STANDARD = new Set(['Account', 'Contact', 'User']);
const SNIPPET_OBJECTS = new Set(['Knowledge__kav', 'Case']);
const ARTICLES = new Set(['Knowledge__kav']);
const MAX_HIGHLIGHTED = 25;
const DEFAULT_SNIPPET_LENGTH = 100;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The plain (wildcard-free) words a search looks for, not counting those after AND NOT. */
export function searchWords(tree: TermNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: TermNode): void => {
    if (n.kind === 'term') {
      for (const t of n.tokens) if (!/[*?]/.test(t)) out.add(t);
    } else if (n.kind === 'and') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'andNot') walk(n.left);
    else n.items.forEach(walk);
  };
  walk(tree);
  return out;
}

/** `text` with every search word wrapped in `<mark>`, or undefined when none occurs. */
export function mark(text: string, words: Set<string>): string | undefined {
  let hit = false;
  const out = text.replace(WORD, (w) => {
    if (!words.has(normalizeToken(w))) return w;
    hit = true;
    return `<mark>${w}</mark>`;
  });
  return hit ? out : undefined;
}

function highlightable(f: FieldDef | undefined): boolean {
  // Text, text area and e-mail fields; not phone, picklist, URL, compound names (Ref: WITH HIGHLIGHT).
  return !!f && ['string', 'textarea', 'email'].includes(f.type) && !f.derivedFrom;
}

/** WITH HIGHLIGHT on the records of one object (Id still present on them). */
export function addHighlights(obj: ObjectDef, records: Record<string, unknown>[], words: Set<string>): void {
  const eligible = HIGHLIGHT_STANDARD.has(obj.name) || (obj.custom && !ARTICLES.has(obj.name));
  if (!eligible || !words.size) return;
  for (const rec of records.slice(0, MAX_HIGHLIGHTED)) {
    for (const [key, value] of Object.entries(rec)) {
      if (typeof value !== 'string' || key === 'Id' || key.includes('.') || !highlightable(getField(obj, key))) continue;
      const marked = mark(value, words);
      if (marked !== undefined) rec[`highlight.${key}`] = marked;
    }
  }
}

/** The text fields a snippet is cut from, best first. */
const SNIPPET_SOURCES: Record<string, string[]> = {
  Knowledge__kav: ['FAQ_Answer__c', 'Summary', 'Title'],
  Case: ['Description', 'Subject'],
};

/** WITH SNIPPET on the records of one object. */
export function addSnippets(org: Org, obj: ObjectDef, records: Record<string, unknown>[], words: Set<string>, targetLength?: number): void {
  if (!SNIPPET_OBJECTS.has(obj.name) || !words.size) return;
  const sources = SNIPPET_SOURCES[obj.name]!;
  const stmt = org.store.prepare(`SELECT ${sources.map(q).join(', ')} FROM ${q(obj.name)} WHERE "Id" = ?`);
  const length = targetLength && targetLength > 0 ? targetLength : DEFAULT_SNIPPET_LENGTH;
  for (const rec of records) {
    const row = stmt.get(rec.Id) as Record<string, string | null> | undefined;
    if (!row) continue;
    for (const f of sources) {
      const text = row[f];
      if (!text) continue;
      const snippet = excerpt(text, words, length);
      if (snippet !== undefined) {
        rec['snippet.text'] = snippet;
        break;
      }
    }
    if (ARTICLES.has(obj.name) && row.Title) {
      const title = mark(row.Title, words);
      if (title !== undefined) rec['highlight.Title'] = title;
    }
  }
}

/** About `length` characters of `text` around its first search word, cut at word boundaries. */
function excerpt(text: string, words: Set<string>, length: number): string | undefined {
  let first = -1;
  for (const m of text.matchAll(WORD)) {
    if (words.has(normalizeToken(m[0]))) {
      first = m.index!;
      break;
    }
  }
  if (first < 0) return undefined;
  let start = Math.max(0, first - Math.floor(length / 3));
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = Math.min(text.length, start + length);
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const body = mark(text.slice(start, end).trim(), words) ?? text.slice(start, end).trim();
  return (start > 0 ? '...' : '') + body + (end < text.length ? '...' : '');
}

export interface EntityLabels {
  entityName: string;
  entityFieldLabels: { name: string; value: string }[];
}

/** WITH METADATA='LABELS': the label of each top-level field an object returns. */
export function entityLabels(obj: ObjectDef, records: Record<string, unknown>[], fieldList: string | undefined): EntityLabels {
  const names = fieldList
    ? fieldList
        .split(',')
        .map((s) => s.trim())
        .filter((s) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s))
    : records.length
      ? ['Id']
      : [];
  const labels = names.map((n) => getField(obj, n)).filter((f): f is FieldDef => !!f);
  return { entityName: obj.name, entityFieldLabels: labels.map((f) => ({ name: f.name, value: f.label })) };
}

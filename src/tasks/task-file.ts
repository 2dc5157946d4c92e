/**
 * Reading and writing task files. Ours are JSON arrays of TaskRecord (CRMArena's benchmark format).
 * The official CRMArena files load too: `tasks_natural.json` of the first commit (key `type`, raw
 * task names `transfer_time` / `seasonality_identification`), the HF `crmarena_w_metadata.json`
 * records (key `task`, answer a scalar or a one-element list), and the raw per-task
 * `<task>_queries.jsonl` lines ({metadata: {task, ...}, query, answer: [..]}), which go through the
 * same rewrite as CRMArena's create_tasks.py (reference/crmarena.md §3.2).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import {
  CASE_ROUTING_REQUIRED,
  caseRoutingQuery,
  DOMAIN_DETAILS,
  handleTimeRequired,
  KNOWLEDGE_QA_REQUIRED,
  nedRequired,
  pviRequired,
  SUFFIX,
  todayRequired,
  transferCountRequired,
} from './domain-text.ts';
import type { ProTaskRecord } from './pro/types.ts';
import { isTaskName, type TaskName, type TaskRecord } from './types.ts';

/** CRMArena's raw task names before create_tasks.py renamed them. */
const RENAMED: Record<string, TaskName> = { transfer_time: 'transfer_count', seasonality_identification: 'monthly_trend_analysis' };

export class TaskFileError extends Error {}

/** Stable JSON: two-space indent and a final newline, so the same records give the same bytes. */
export function serializeTasks(records: readonly (TaskRecord | ProTaskRecord)[]): string {
  return JSON.stringify(records, null, 2) + '\n';
}

export function writeTaskFile(file: string, records: readonly (TaskRecord | ProTaskRecord)[]): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, serializeTasks(records));
  renameSync(tmp, file);
}

export function readTaskFile(file: string): TaskRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new TaskFileError(`cannot read task file ${file}: ${(e as Error).message}`);
  }
  return parseTasks(text, file);
}

export function parseTasks(text: string, source = 'task file'): TaskRecord[] {
  const trimmed = text.trim();
  let items: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      items = JSON.parse(trimmed) as unknown[];
    } catch (e) {
      throw new TaskFileError(`${source} is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    items = trimmed
      .split('\n')
      .filter((l) => l.trim())
      .map((line, i) => {
        try {
          return JSON.parse(line) as unknown;
        } catch (e) {
          throw new TaskFileError(`${source} line ${i + 1} is not valid JSON: ${(e as Error).message}`);
        }
      });
  }
  return items.map((item, i) => normalizeRecord(item, i, source));
}

function scalarAnswer(a: unknown, where: string): string | null {
  const v = Array.isArray(a) ? (a.length === 1 ? a[0] : undefined) : a;
  if (Array.isArray(a) && a.length !== 1) throw new TaskFileError(`${where}: only single answers are supported, got ${a.length}`);
  if (v === null || v === undefined || v === 'None') return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw new TaskFileError(`${where}: answer must be a string or null`);
}

function taskNameOf(raw: unknown, where: string): TaskName {
  const name = typeof raw === 'string' ? (RENAMED[raw] ?? raw) : '';
  if (!isTaskName(name)) throw new TaskFileError(`${where}: unknown task '${String(raw)}'`);
  return name;
}

function normalizeRecord(item: unknown, i: number, source: string): TaskRecord {
  const where = `${source} record ${i}`;
  if (!item || typeof item !== 'object') throw new TaskFileError(`${where}: not an object`);
  const r = item as Record<string, unknown>;
  const md = (r.metadata ?? {}) as Record<string, unknown>;
  if (typeof r.query !== 'string') throw new TaskFileError(`${where}: query must be a string`);
  // Raw generation lines keep the task inside metadata and need create_tasks.py's rewrite.
  if (r.task === undefined && r.type === undefined && typeof md.task === 'string') return fromRawLine(r, md, i, where);
  const task = taskNameOf(r.task ?? r.type, where);
  if (typeof md.required !== 'string') throw new TaskFileError(`${where}: metadata.required must be a string`);
  const metric = r.reward_metric ?? (task === 'knowledge_qa' ? 'fuzzy_match' : 'exact_match');
  if (metric !== 'exact_match' && metric !== 'fuzzy_match') throw new TaskFileError(`${where}: unknown reward_metric '${String(metric)}'`);
  return {
    idx: typeof r.idx === 'number' ? r.idx : i,
    answer: scalarAnswer(r.answer, where),
    task,
    metadata: { required: md.required, optional: typeof md.optional === 'string' ? md.optional : DOMAIN_DETAILS },
    reward_metric: metric,
    query: r.query,
  };
}

function fromRawLine(r: Record<string, unknown>, md: Record<string, unknown>, i: number, where: string): TaskRecord {
  const task = taskNameOf(md.task, where);
  const s = (k: string): string => {
    const v = md[k];
    if (typeof v !== 'string') throw new TaskFileError(`${where}: metadata.${k} must be a string`);
    return v;
  };
  const q = r.query as string;
  let query = q;
  let required = '';
  switch (task) {
    case 'handle_time':
      query = `${q} ${SUFFIX.agentId}`;
      required = handleTimeRequired(s('today'));
      break;
    case 'transfer_count':
      query = `${q} ${SUFFIX.agentId}`;
      required = transferCountRequired(s('today'));
      break;
    case 'knowledge_qa':
      required = KNOWLEDGE_QA_REQUIRED;
      break;
    case 'case_routing':
      query = caseRoutingQuery(s('case_subject'), s('case_description'));
      required = CASE_ROUTING_REQUIRED;
      break;
    case 'named_entity_disambiguation':
      query = `${q} ${SUFFIX.ned}`;
      required = nedRequired(s('customer_id'), s('today'));
      break;
    case 'policy_violation_identification':
      query = `${q} ${SUFFIX.pvi}`;
      required = pviRequired(s('case_id'));
      break;
    case 'top_issue_identification':
      query = `${q} ${SUFFIX.tii(s('product_id'))}`;
      required = todayRequired(s('today'));
      break;
    case 'best_region_identification':
      query = `${q} ${SUFFIX.bri}`;
      required = todayRequired(s('today'));
      break;
    case 'monthly_trend_analysis':
      query = `${q} ${SUFFIX.mta(s('product_id'))}`;
      required = todayRequired(s('today'));
      break;
  }
  return {
    idx: i,
    answer: scalarAnswer(r.answer, where),
    task,
    metadata: { required, optional: DOMAIN_DETAILS },
    reward_metric: task === 'knowledge_qa' ? 'fuzzy_match' : 'exact_match',
    query,
  };
}

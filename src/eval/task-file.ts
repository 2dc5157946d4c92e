/**
 * Reading task files: mockforce's own (`npm run tasks`), the official CRMArena benchmark file
 * (`crmarena_w_metadata.json`, a JSON array of `{idx, task, query, answer, metadata, reward_metric}`),
 * and the first-commit JSONL form (`{metadata: {task, ...}, query, answer: [..]}`), reference/
 * crmarena.md §3.2. The answer may be a scalar, a list or null. Raw JSONL lines go through the task
 * module's rewrite (create_tasks.py's query suffixes and metadata texts); other records are taken as
 * they are, so CRMArena-Pro records (src/tasks/pro/types.ts: list answers, privacy_rejection, `persona`,
 * `org`) load too.
 */
import { readFileSync } from 'node:fs';
import { isProKind, isOrgKind, type ProOrgKind } from '../org/org-kind.ts';
import { parseTasks as parseBenchmarkTasks } from '../tasks/task-file.ts';

export interface TaskRecord {
  idx: number;
  task: string;
  query: string;
  answer: unknown;
  metadata: { required?: string; optional?: string } | null;
  reward_metric: string;
  /** CRMArena-Pro: the simulated user's character (interactive runs). */
  persona?: string;
  /** CRMArena-Pro: the org the record was generated from, so `eval` picks that org without a flag. */
  org?: ProOrgKind;
}

export class TaskFileError extends Error {}

export function parseTasks(text: string, source = 'task file'): TaskRecord[] {
  const trimmed = text.trim();
  let raw: unknown[];
  if (trimmed.startsWith('[')) raw = JSON.parse(trimmed) as unknown[];
  else if (trimmed.startsWith('{') && !trimmed.includes('\n{')) {
    const obj = JSON.parse(trimmed) as { tasks?: unknown[] };
    if (!Array.isArray(obj.tasks)) throw new TaskFileError(`${source}: expected a JSON array of tasks or {"tasks": [...]}`);
    raw = obj.tasks;
  } else {
    raw = trimmed
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new TaskFileError(`${source}: line ${i + 1} is not JSON`);
        }
      });
  }
  const seen = new Set<number>();
  return raw.map((r, i) => {
    const rec = normalize(r, i, source);
    if (seen.has(rec.idx)) throw new TaskFileError(`${source}: duplicate idx ${rec.idx}`);
    seen.add(rec.idx);
    return rec;
  });
}

function normalize(r: unknown, i: number, source: string): TaskRecord {
  if (!r || typeof r !== 'object') throw new TaskFileError(`${source}: record ${i} is not an object`);
  const o = r as Record<string, unknown>;
  const meta = (o.metadata ?? null) as Record<string, unknown> | null;
  if (o.task === undefined && o.type === undefined && typeof meta?.task === 'string') {
    // A raw generation line: rewrite it exactly as the benchmark's create_tasks.py does.
    try {
      const [rec] = parseBenchmarkTasks(JSON.stringify([o]), `${source} record ${i}`);
      return { ...rec!, idx: o.idx === undefined ? i : Number(o.idx) };
    } catch (e) {
      throw new TaskFileError((e as Error).message);
    }
  }
  // Records were called "type" before the benchmark renamed the key to "task".
  const task = (o.task ?? o.type) as unknown;
  if (typeof task !== 'string' || !task) throw new TaskFileError(`${source}: record ${i} has no task name`);
  if (typeof o.query !== 'string') throw new TaskFileError(`${source}: record ${i} has no query`);
  const idx = o.idx === undefined ? i : Number(o.idx);
  if (!Number.isInteger(idx)) throw new TaskFileError(`${source}: record ${i} has a non-integer idx`);
  const metric = typeof o.reward_metric === 'string' ? o.reward_metric : task === 'knowledge_qa' ? 'fuzzy_match' : 'exact_match';
  let metadata: TaskRecord['metadata'] = null;
  if (meta && (typeof meta.required === 'string' || typeof meta.optional === 'string')) {
    metadata = {
      ...(typeof meta.required === 'string' ? { required: meta.required } : {}),
      ...(typeof meta.optional === 'string' ? { optional: meta.optional } : {}),
    };
  }
  if (o.org !== undefined && (typeof o.org !== 'string' || !isOrgKind(o.org))) throw new TaskFileError(`${source}: record ${i} has an unknown org '${String(o.org)}' (b2b or b2c)`);
  const org = typeof o.org === 'string' && isOrgKind(o.org) && isProKind(o.org) ? o.org : undefined;
  return {
    idx,
    task,
    query: o.query,
    answer: o.answer ?? null,
    metadata,
    reward_metric: metric,
    ...(typeof o.persona === 'string' ? { persona: o.persona } : {}),
    ...(org ? { org } : {}),
  };
}

export function loadTasks(path: string): TaskRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TaskFileError(`cannot read task file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return parseTasks(text, path);
  } catch (e) {
    if (e instanceof TaskFileError) throw e;
    throw new TaskFileError(`${path}: ${(e as Error).message}`);
  }
}

/** `--task a,b`, `--per-task N` (the first N of each task) and `--limit N` (in all), in file order. */
export function selectTasks(tasks: TaskRecord[], names?: string[], limit?: number, perTask?: number): TaskRecord[] {
  let out = names && names.length ? tasks.filter((t) => names.includes(t.task)) : tasks;
  if (perTask !== undefined) {
    const seen = new Map<string, number>();
    out = out.filter((t) => {
      const n = seen.get(t.task) ?? 0;
      seen.set(t.task, n + 1);
      return n < perTask;
    });
  }
  if (limit !== undefined) out = out.slice(0, limit);
  return out;
}

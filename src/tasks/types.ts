/**
 * The CRMArena task record, as the benchmark publishes it (reference/crmarena.md §3.2): the output of
 * CRMArena's create_tasks.py, `tasks_natural.json` / HF `crmarena_w_metadata.json`, with `task` (the
 * key was `type` before commit db1f54f) and a scalar answer (null for non-answerable instances).
 */

export const TASK_NAMES = [
  'case_routing',
  'handle_time',
  'transfer_count',
  'named_entity_disambiguation',
  'policy_violation_identification',
  'knowledge_qa',
  'top_issue_identification',
  'monthly_trend_analysis',
  'best_region_identification',
] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export type RewardMetric = 'exact_match' | 'fuzzy_match';

export interface TaskRecord {
  idx: number;
  answer: string | null;
  task: TaskName;
  metadata: { required: string; optional: string };
  reward_metric: RewardMetric;
  query: string;
}

/** The five tasks with non-answerable (None) instances, 30% of each (CRMArena paper §2.3, FC jsonl counts). */
export const TASKS_WITH_NONE: readonly TaskName[] = [
  'handle_time',
  'transfer_count',
  'named_entity_disambiguation',
  'policy_violation_identification',
  'top_issue_identification',
];

/** What a generator produces before it gets its place (idx) in the file. */
export interface TaskInstance {
  task: TaskName;
  query: string;
  answer: string | null;
  required: string;
  reward_metric: RewardMetric;
}

export function isTaskName(s: string): s is TaskName {
  return (TASK_NAMES as readonly string[]).includes(s);
}

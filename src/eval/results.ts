/**
 * The results of a run: one record per episode (idx, task, answer, prediction, reward, turns, tokens,
 * trajectory...), a summary per task, and the partial-results journal that makes a run resumable: each
 * finished episode is appended to `<out>.partial.jsonl` as soon as it is scored, and a restarted run
 * with the same settings skips the episodes already there.
 */
import type { EpisodeDiff } from '../org/episode-diff.ts';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ConversationTurn } from '../agent/episode.ts';
import type { ChatMessage } from '../agent/model/chat-types.ts';
import type { ProSkill } from '../tasks/pro/types.ts';
import { PRO_SKILLS } from './pro.ts';

export interface EpisodeRecord {
  idx: number;
  task: string;
  query: string;
  answer: unknown;
  prediction: string | null;
  parsed_answer: string[];
  reward: number;
  f1?: number;
  turns: number;
  tokens: { prompt: number; completion: number; total: number };
  cost: number | null;
  end_reason: string;
  error?: string;
  duration_ms: number;
  trajectory: ChatMessage[];
  /** CRMArena-Pro records: the task's business skill. */
  skill?: ProSkill;
  /** Interactive runs: the simulated user's replies to agent responses... */
  user_turns?: number;
  /** ...its tokens (not counted in `tokens`, which are the agent's)... */
  user_tokens?: { prompt: number; completion: number; total: number };
  /** ...and the user/agent conversation. */
  conversation?: ConversationTurn[];
  /**
   * What the episode changed in its isolated org (per object: created, updated field before → after,
   * deleted), for checking an end state; absent when it wrote nothing or shared the org.
   */
  changes?: EpisodeDiff;
}

/** The settings that make two runs the same run (a partial file is only resumed by its own run). */
export interface RunKey {
  agent: string;
  strategy: string | null;
  model: string | null;
  tasks_file: string;
  max_turns: number;
  eval_mode: string;
  /** CRMArena-Pro runs: the org kind the tasks were generated from... */
  org?: string;
  /** ...interactive mode with its simulated user... */
  interactive?: boolean;
  user_model?: string;
  max_user_turns?: number;
  /** ...the privacy-aware prompt, and the model that extracts answers and judges refusals. */
  privacy_aware_prompt?: boolean;
  judge_model?: string;
}

export interface TaskSummary {
  episodes: number;
  successes: number;
  mean_reward: number;
}

export interface SkillSummary {
  episodes: number;
  mean_reward: number;
}

export interface Summary {
  episodes: number;
  successes: number;
  mean_reward: number;
  errors: number;
  per_task: Record<string, TaskSummary>;
  /** CRMArena-Pro runs: n and mean reward per business skill present (workflow, policy, text, database, privacy). */
  per_skill?: Partial<Record<ProSkill, SkillSummary>>;
  tokens: { prompt: number; completion: number; total: number };
  cost: number | null;
  mean_turns: number;
}

export interface ResultsFile {
  run: RunKey & { started_at: string; finished_at: string; wall_ms: number; concurrency: number; replay?: string; record?: string };
  summary: Summary;
  results: EpisodeRecord[];
}

/** An episode counts as a success when its reward is 1 (for F1 tasks: a perfect match). */
export function summarize(results: EpisodeRecord[]): Summary {
  const per: Record<string, TaskSummary> = {};
  let rewardSum = 0;
  let successes = 0;
  let errors = 0;
  let turns = 0;
  let cost: number | null = null;
  const tokens = { prompt: 0, completion: 0, total: 0 };
  for (const r of results) {
    const t = (per[r.task] ??= { episodes: 0, successes: 0, mean_reward: 0 });
    t.episodes++;
    t.mean_reward += r.reward;
    if (r.reward >= 1) {
      t.successes++;
      successes++;
    }
    if (r.end_reason === 'error') errors++;
    rewardSum += r.reward;
    turns += r.turns;
    tokens.prompt += r.tokens.prompt;
    tokens.completion += r.tokens.completion;
    tokens.total += r.tokens.total;
    if (r.cost !== null) cost = (cost ?? 0) + r.cost;
  }
  for (const t of Object.values(per)) t.mean_reward = t.episodes ? t.mean_reward / t.episodes : 0;
  const n = results.length;
  const perSkill = skillSummary(results);
  return { episodes: n, successes, mean_reward: n ? rewardSum / n : 0, errors, per_task: per, ...(perSkill ? { per_skill: perSkill } : {}), tokens, cost, mean_turns: n ? turns / n : 0 };
}

/** Per skill, in Pro's order, for the skills the run has (undefined when no record has a skill). */
function skillSummary(results: EpisodeRecord[]): Summary['per_skill'] {
  if (!results.some((r) => r.skill)) return undefined;
  const out: Partial<Record<ProSkill, SkillSummary>> = {};
  for (const skill of PRO_SKILLS) {
    const rs = results.filter((r) => r.skill === skill);
    if (rs.length) out[skill] = { episodes: rs.length, mean_reward: rs.reduce((s, r) => s + r.reward, 0) / rs.length };
  }
  return out;
}

export function partialPath(out: string): string {
  return `${out}.partial.jsonl`;
}

export class PartialResultsError extends Error {}

/** Episodes already finished by an interrupted run with the same key. */
export function loadPartial(out: string, key: RunKey): EpisodeRecord[] {
  const path = partialPath(out);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, 'utf8').split('\n');
  let header: RunKey | undefined;
  try {
    header = (JSON.parse(lines[0] ?? '') as { run?: RunKey }).run;
  } catch {
    header = undefined;
  }
  if (!header) throw new PartialResultsError(`${path} is not a partial results file; delete it or pass --fresh`);
  const differs = (Object.keys(key) as (keyof RunKey)[]).filter((k) => header![k] !== key[k]);
  if (differs.length) {
    throw new PartialResultsError(
      `${path} belongs to a different run (${differs.map((k) => `${k}: ${String(header![k])} vs ${String(key[k])}`).join(', ')}); delete it or pass --fresh`,
    );
  }
  const out_: EpisodeRecord[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    try {
      out_.push(JSON.parse(line) as EpisodeRecord);
    } catch {
      // A line cut short by an interruption: that episode simply runs again.
    }
  }
  return out_;
}

export class PartialJournal {
  constructor(
    private readonly path: string,
    key: RunKey,
    fresh: boolean,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    if (fresh || !existsSync(path)) writeFileSync(path, JSON.stringify({ run: key }) + '\n');
  }

  append(r: EpisodeRecord): void {
    appendFileSync(this.path, JSON.stringify(r) + '\n');
  }

  remove(): void {
    if (existsSync(this.path)) unlinkSync(this.path);
  }
}

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

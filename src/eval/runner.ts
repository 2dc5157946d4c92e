/**
 * The evaluation runner: runs one agent (a model strategy or the oracle) over a list of tasks with K
 * episodes in flight, scores each episode as it finishes, journals it for resumption, and returns
 * the results. The agent decides how it reaches the org; the runner only schedules and scores.
 */
import type { EpisodeOutcome } from '../agent/episode.ts';
import { isFatalModelError, type ChatMessage } from '../agent/model/chat-types.ts';
import { scoreEpisode, type AnswerExtractor, type RefusalJudge } from './metrics.ts';
import { skillOf } from './pro.ts';
import { ProgressBar } from './progress.ts';
import { loadPartial, PartialJournal, partialPath, summarize, type EpisodeRecord, type ResultsFile, type RunKey } from './results.ts';
import type { TaskRecord } from './task-file.ts';

export type EpisodeAgent = (task: TaskRecord) => Promise<EpisodeOutcome>;

export interface RunOptions {
  tasks: TaskRecord[];
  agent: EpisodeAgent;
  key: RunKey;
  concurrency: number;
  /** Final results path; its `.partial.jsonl` journal makes the run resumable. */
  out?: string;
  /** Ignore (and overwrite) an existing partial journal. */
  fresh?: boolean;
  /** Scoring helpers for original CRMArena records (used only when configured). */
  extractor?: AnswerExtractor;
  judge?: RefusalJudge;
  /** Scoring helpers for CRMArena-Pro records (records with an `org`): Pro's Evaluator always uses its LLM. */
  proExtractor?: AnswerExtractor;
  proJudge?: RefusalJudge;
  progress?: boolean;
  extraRun?: { replay?: string; record?: string };
}

/**
 * The contents of every message the agent sent, for the privacy judge when the strategy does not
 * report its actions itself (EpisodeOutcome.actions).
 */
export function actionContents(trajectory: ChatMessage[]): string[] {
  const out: string[] = [];
  for (const m of trajectory) {
    if (m.role !== 'assistant') continue;
    if (m.content) out.push(m.content);
    for (const c of m.tool_calls ?? []) out.push(`${c.function.name}(${c.function.arguments})`);
  }
  return out;
}

export async function runEvaluation(opts: RunOptions): Promise<ResultsFile> {
  const startedAt = new Date();
  const done = opts.out && !opts.fresh ? loadPartial(opts.out, opts.key) : [];
  const doneIdx = new Set(done.map((r) => r.idx));
  const todo = opts.tasks.filter((t) => !doneIdx.has(t.idx));
  const wanted = new Set(opts.tasks.map((t) => t.idx));
  const results: EpisodeRecord[] = done.filter((r) => wanted.has(r.idx));
  const journal = opts.out ? new PartialJournal(partialPath(opts.out), opts.key, opts.fresh ?? false) : undefined;
  const bar = new ProgressBar(opts.tasks.length, opts.key.agent === 'oracle' ? 'oracle' : `${opts.key.strategy}/${opts.key.model}`, process.stderr, opts.progress ?? true);
  for (const r of results) bar.tick(r.reward, r.end_reason === 'error');

  let next = 0;
  let aborted = false;
  const worker = async () => {
    while (next < todo.length && !aborted) {
      const task = todo[next++]!;
      let record: EpisodeRecord;
      try {
        record = await runOne(task, opts);
      } catch (e) {
        aborted = true; // a fatal model error: stop handing out episodes, keep the journal
        throw e;
      }
      results.push(record);
      journal?.append(record);
      bar.tick(record.reward, record.end_reason === 'error');
    }
  };
  // allSettled: episodes already in flight finish (and are journaled) before a fatal error surfaces.
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(opts.concurrency, todo.length)) }, worker));
  bar.finish();
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;

  results.sort((a, b) => a.idx - b.idx);
  const finishedAt = new Date();
  return {
    run: {
      ...opts.key,
      concurrency: opts.concurrency,
      ...(opts.extraRun ?? {}),
      started_at: startedAt.toISOString(),
      finished_at: finishedAt.toISOString(),
      wall_ms: finishedAt.getTime() - startedAt.getTime(),
    },
    summary: summarize(results),
    results,
  };
}

async function runOne(task: TaskRecord, opts: RunOptions): Promise<EpisodeRecord> {
  const t0 = Date.now();
  let outcome: EpisodeOutcome;
  try {
    outcome = await opts.agent(task);
  } catch (e) {
    if (isFatalModelError(e)) throw e;
    // Like run_tasks.py: an episode that raises scores 0 and the run goes on.
    outcome = {
      prediction: null,
      endReason: 'error',
      error: (e as Error).message,
      turns: 0,
      usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0, calls: 0, cost: null },
      trajectory: [],
    };
  }
  const pro = task.org !== undefined;
  // An episode that never responded (max turns, an error, a user who never said STOP) scores 0 unjudged:
  // CRMArena's env computes a reward only on a final respond.
  const score =
    outcome.prediction === null
      ? { reward: 0, parsed: [] as string[], ...(task.reward_metric === 'fuzzy_match' ? { f1: 0 } : {}) }
      : await scoreEpisode(
          { task: task.task, answer: task.answer, reward_metric: task.reward_metric, prediction: outcome.prediction, actions: outcome.actions ?? actionContents(outcome.trajectory) },
          pro ? { extractor: opts.proExtractor, judge: opts.proJudge } : { extractor: opts.extractor, judge: opts.judge },
        );
  const skill = skillOf(task);
  const u = outcome.userUsage;
  return {
    idx: task.idx,
    task: task.task,
    query: task.query,
    answer: task.answer,
    prediction: outcome.prediction,
    parsed_answer: score.parsed,
    reward: score.reward,
    ...(score.f1 !== undefined ? { f1: score.f1 } : {}),
    turns: outcome.turns,
    tokens: { prompt: outcome.usage.prompt_tokens, completion: outcome.usage.completion_tokens, total: outcome.usage.total_tokens },
    cost: outcome.usage.cost,
    end_reason: outcome.endReason,
    ...(outcome.error ? { error: outcome.error } : {}),
    duration_ms: Date.now() - t0,
    trajectory: outcome.trajectory,
    ...(skill ? { skill } : {}),
    ...(outcome.userTurns !== undefined ? { user_turns: outcome.userTurns } : {}),
    ...(u ? { user_tokens: { prompt: u.prompt_tokens, completion: u.completion_tokens, total: u.total_tokens } } : {}),
    ...(outcome.conversation ? { conversation: outcome.conversation } : {}),
    ...(outcome.changes ? { changes: outcome.changes } : {}),
  };
}

/**
 * A self-contained HTML report of a run (no scripts, no external assets): the run settings, a
 * success bar per task (and, for CRMArena-Pro runs, per skill), and every episode with its question,
 * gold answer, prediction, the user/agent conversation of an interactive run, and the full trajectory
 * as a readable conversation (collapsed by default, failures first in each task).
 */
import type { ChatMessage } from '../agent/model/chat-types.ts';
import type { EpisodeRecord, ResultsFile } from './results.ts';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function answerText(a: unknown): string {
  if (a === null || a === undefined) return 'None';
  return Array.isArray(a) ? a.map((x) => (x === null ? 'None' : String(x))).join(', ') : String(a);
}

function messageHtml(m: ChatMessage, i: number, simulated: ReadonlySet<string> = new Set()): string {
  // The first user message is the question; later ones are org observations or harness reminders, or,
  // in an interactive run, the simulated user's messages.
  const role =
    m.role === 'tool' ? 'tool result' : m.role === 'user' ? (simulated.has(m.content) ? 'simulated user' : i === 0 ? 'question' : 'org / harness') : m.role;
  const calls =
    m.role === 'assistant' && m.tool_calls?.length
      ? m.tool_calls.map((c) => `<div class="call">→ ${esc(c.function.name)}(${esc(c.function.arguments)})</div>`).join('')
      : '';
  const content = m.content ? `<pre>${esc(m.content)}</pre>` : '';
  const sim = m.role === 'user' && simulated.has(m.content) ? ' sim' : '';
  return `<div class="msg ${m.role}${sim}"><div class="role">${esc(role)}</div>${content}${calls}</div>`;
}

/** The answer as scored, when it is not simply the prediction (an extracted Id, a list, nothing). */
function parsedNote(r: EpisodeRecord): string {
  const parsed = r.parsed_answer.join(', ');
  if (r.prediction === null || parsed === r.prediction.trim()) return '';
  return ` (parsed: <code>${parsed ? esc(parsed) : 'nothing'}</code>)`;
}

/** An interactive run's conversation: the simulated user's messages and the agent's responses, in turn. */
function conversationHtml(r: EpisodeRecord): string {
  if (!r.conversation?.length) return '';
  const turns = r.conversation
    .map((t) => `<div class="turn ${t.role}"><div class="role">${t.role === 'user' ? 'user' : 'agent'}</div><pre>${esc(t.content)}</pre></div>`)
    .join('\n');
  const n = r.user_turns ?? 0;
  return `<div class="conversation"><div class="role">Conversation · ${n} user turn${n === 1 ? '' : 's'}</div>\n${turns}</div>`;
}

function episodeHtml(r: EpisodeRecord): string {
  const ok = r.reward >= 1;
  const cls = ok ? 'ok' : r.reward > 0 ? 'part' : 'bad';
  const tokens = r.tokens.total ? ` · ${r.tokens.total} tokens` : '';
  const cost = r.cost !== null ? ` · $${r.cost.toFixed(4)}` : '';
  return `<details class="ep ${cls}"><summary><span class="badge">${r.reward === 1 || r.reward === 0 ? r.reward : r.reward.toFixed(2)}</span> #${r.idx} <span class="q">${esc(r.query.length > 140 ? `${r.query.slice(0, 139)}…` : r.query)}</span></summary>
<dl><dt>Gold</dt><dd><code>${esc(answerText(r.answer))}</code></dd><dt>Prediction</dt><dd><code>${esc(r.prediction ?? '—')}</code>${parsedNote(r)}</dd>
<dt>End</dt><dd>${esc(r.end_reason)}${r.error ? `: ${esc(r.error)}` : ''} · ${r.turns} turn${r.turns === 1 ? '' : 's'}${tokens}${cost} · ${r.duration_ms} ms</dd></dl>
${r.conversation ? `<div class="query"><div class="role">task (what the simulated user wants)</div><pre>${esc(r.query)}</pre></div>\n${conversationHtml(r)}` : ''}
${r.trajectory.length ? r.trajectory.map((m, i) => messageHtml(m, i, simulatedMessages(r))).join('\n') : `<div class="query"><div class="role">question</div><pre>${esc(r.query)}</pre></div>`}</details>`;
}

function simulatedMessages(r: EpisodeRecord): Set<string> {
  return new Set((r.conversation ?? []).filter((t) => t.role === 'user').map((t) => t.content));
}

/** CRMArena-Pro runs: n and mean reward per business skill. */
function skillTable(res: ResultsFile): string {
  const per = res.summary.per_skill;
  if (!per) return '';
  const rows = Object.entries(per)
    .map(([k, p]) => `<tr><td>${esc(k)}</td><td class="barcell"><div class="bar"><div style="width:${(p.mean_reward * 100).toFixed(1)}%"></div></div></td><td>${pct(p.mean_reward)}</td><td>${p.episodes}</td></tr>`)
    .join('\n');
  return `<h2 id="skills">Skills</h2>\n<table class="skills"><tr><th>Skill</th><th>Success</th><th>Mean reward</th><th>Episodes</th></tr>\n${rows}\n</table>`;
}

export function renderHtmlReport(res: ResultsFile): string {
  const s = res.summary;
  const tasks = Object.keys(s.per_task).sort();
  const barRow = (label: string, p: { mean_reward: number; successes: number; episodes: number }, cls = '') =>
    `<tr${cls}><td>${esc(label)}</td><td class="barcell"><div class="bar"><div style="width:${(p.mean_reward * 100).toFixed(1)}%"></div></div></td><td>${pct(p.mean_reward)}</td><td>${p.successes}/${p.episodes}</td></tr>`;
  // The last row totals the run, so the overall score reads on the same scale as the tasks'.
  const bars = [...tasks.map((t) => barRow(t, s.per_task[t]!)), barRow('All tasks', s, ' class="total"')].join('\n');
  const sections = tasks
    .map((t) => {
      const eps = res.results.filter((r) => r.task === t).sort((a, b) => a.reward - b.reward || a.idx - b.idx);
      return `<h2 id="${esc(t)}">${esc(t)} <small>${pct(s.per_task[t]!.mean_reward)}</small></h2>\n${eps.map(episodeHtml).join('\n')}`;
    })
    .join('\n');
  const run = res.run;
  const who = run.agent === 'oracle' ? 'oracle' : `${esc(run.strategy)} · ${esc(run.model)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>mockforce eval: ${who}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:1px solid #ddd}small{color:#666;font-weight:normal}
table{border-collapse:collapse}tr.total td{border-top:1px solid #ccc;font-weight:bold}td,th{padding:3px 10px;text-align:left}.barcell{width:420px}
.bar{background:#eee;height:14px;border-radius:3px;overflow:hidden}.bar div{background:#2e9d57;height:100%}
.meta{color:#555}.ep{border:1px solid #ddd;border-left-width:5px;margin:6px 0;padding:4px 8px;border-radius:4px}
.ep.ok{border-left-color:#2e9d57}.ep.bad{border-left-color:#d04437}.ep.part{border-left-color:#e0a800}
.badge{display:inline-block;min-width:2.5em;font-weight:bold}.q{color:#333}summary{cursor:pointer}
dl{display:grid;grid-template-columns:8em minmax(0,1fr);margin:6px 0}dt{color:#666}dd{margin:0}
.msg,.query{margin:6px 0;padding:4px 8px;border-radius:4px;background:#f7f7f7}.msg.assistant{background:#eef4ff}.msg.tool{background:#f3f0e8}
.role{font-size:11px;text-transform:uppercase;color:#777}pre{white-space:pre-wrap;word-break:break-word;margin:2px 0;font-size:12.5px}
.call{font-family:monospace;font-size:12.5px;color:#1a4d8f}
.conversation{margin:8px 0;padding:4px 8px;border:1px dashed #bbb;border-radius:4px}.turn{margin:4px 0;padding:4px 8px;border-radius:4px;max-width:85%}
.turn.user{background:#fff4e0}.turn.agent{background:#eef4ff;margin-left:auto}.msg.user.sim{background:#fff4e0}
.meta,summary,dd,.call{overflow-wrap:anywhere}
</style></head><body>
<h1>mockforce evaluation: ${who}</h1>
<p class="meta">Tasks <code>${esc(run.tasks_file)}</code>${run.org ? ` · CRMArena-Pro ${esc(run.org)} org` : ''}${run.interactive ? ` · interactive (simulated user ${esc(run.user_model)}, max ${esc(run.max_user_turns)} user turns)` : ''}${run.privacy_aware_prompt ? ' · privacy-aware prompt' : ''}${run.judge_model ? ` · judge ${esc(run.judge_model)}` : ''} · ${s.episodes} episodes · max ${run.max_turns} turns · ${esc(run.eval_mode)} mode · concurrency ${run.concurrency}${run.replay ? ` · replayed from <code>${esc(run.replay)}</code>` : ''}<br>
Mean reward <b>${pct(s.mean_reward)}</b> · ${s.successes} successes · ${s.errors} errors · ${s.mean_turns.toFixed(1)} turns/episode · ${s.tokens.total} tokens${s.cost !== null ? ` · $${s.cost.toFixed(4)}` : ''} · wall ${(run.wall_ms / 1000).toFixed(1)} s · ${esc(run.started_at)}</p>
<table><tr><th>Task</th><th>Success</th><th>Mean reward</th><th>Successes</th></tr>
${bars}
</table>
${skillTable(res)}
${sections}
</body></html>
`;
}

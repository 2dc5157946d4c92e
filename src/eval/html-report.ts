/**
 * A self-contained HTML report of a run (no scripts, no external assets): the run settings, a
 * success bar per task, and every episode with its question, gold answer, prediction and the full
 * trajectory as a readable conversation (collapsed by default, failures first in each task).
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

function messageHtml(m: ChatMessage, i: number): string {
  // The first user message is the question; later ones are org observations or harness reminders.
  const role = m.role === 'tool' ? 'tool result' : m.role === 'user' ? (i === 0 ? 'question' : 'org / harness') : m.role;
  const calls =
    m.role === 'assistant' && m.tool_calls?.length
      ? m.tool_calls.map((c) => `<div class="call">→ ${esc(c.function.name)}(${esc(c.function.arguments)})</div>`).join('')
      : '';
  const content = m.content ? `<pre>${esc(m.content)}</pre>` : '';
  return `<div class="msg ${m.role}"><div class="role">${esc(role)}</div>${content}${calls}</div>`;
}

/** The answer as scored, when it is not simply the prediction (an extracted Id, a list, nothing). */
function parsedNote(r: EpisodeRecord): string {
  const parsed = r.parsed_answer.join(', ');
  if (r.prediction === null || parsed === r.prediction.trim()) return '';
  return ` (parsed: <code>${parsed ? esc(parsed) : 'nothing'}</code>)`;
}

function episodeHtml(r: EpisodeRecord): string {
  const ok = r.reward >= 1;
  const cls = ok ? 'ok' : r.reward > 0 ? 'part' : 'bad';
  const tokens = r.tokens.total ? ` · ${r.tokens.total} tokens` : '';
  const cost = r.cost !== null ? ` · $${r.cost.toFixed(4)}` : '';
  return `<details class="ep ${cls}"><summary><span class="badge">${r.reward === 1 || r.reward === 0 ? r.reward : r.reward.toFixed(2)}</span> #${r.idx} <span class="q">${esc(r.query.length > 140 ? `${r.query.slice(0, 139)}…` : r.query)}</span></summary>
<dl><dt>Gold</dt><dd><code>${esc(answerText(r.answer))}</code></dd><dt>Prediction</dt><dd><code>${esc(r.prediction ?? '—')}</code>${parsedNote(r)}</dd>
<dt>End</dt><dd>${esc(r.end_reason)}${r.error ? `: ${esc(r.error)}` : ''} · ${r.turns} turn${r.turns === 1 ? '' : 's'}${tokens}${cost} · ${r.duration_ms} ms</dd></dl>
${r.trajectory.length ? r.trajectory.map(messageHtml).join('\n') : `<div class="query"><div class="role">question</div><pre>${esc(r.query)}</pre></div>`}</details>`;
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
.meta,summary,dd,.call{overflow-wrap:anywhere}
</style></head><body>
<h1>mockforce evaluation: ${who}</h1>
<p class="meta">Tasks <code>${esc(run.tasks_file)}</code> · ${s.episodes} episodes · max ${run.max_turns} turns · ${esc(run.eval_mode)} mode · concurrency ${run.concurrency}${run.replay ? ` · replayed from <code>${esc(run.replay)}</code>` : ''}<br>
Mean reward <b>${pct(s.mean_reward)}</b> · ${s.successes} successes · ${s.errors} errors · ${s.mean_turns.toFixed(1)} turns/episode · ${s.tokens.total} tokens${s.cost !== null ? ` · $${s.cost.toFixed(4)}` : ''} · wall ${(run.wall_ms / 1000).toFixed(1)} s · ${esc(run.started_at)}</p>
<table><tr><th>Task</th><th>Success</th><th>Mean reward</th><th>Successes</th></tr>
${bars}
</table>
${sections}
</body></html>
`;
}

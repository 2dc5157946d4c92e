/**
 * `mockforce eval` / `npm run eval`: run a model (or the oracle) over a task file against an org and
 * write the results JSON and an HTML report. See USAGE.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSchemaString, STRATEGIES, type Strategy } from '../agent/index.ts';
import { proAgentObjects } from '../agent/pro-schema.ts';
import { Cassette, RecordingModel, ReplayModel } from '../agent/model/cassette.ts';
import { isFatalModelError, ModelError, type ChatModel } from '../agent/model/chat-types.ts';
import { endpointFromEnv, OpenAIModel } from '../agent/model/openai-model.ts';
import { priceFor } from '../agent/model/pricing.ts';
import { renderHtmlReport } from '../eval/html-report.ts';
import { llmExtractor, llmRefusalJudge } from '../eval/llm-judges.ts';
import { modelAgent } from '../eval/model-agent.ts';
import { oracleAgent } from '../eval/oracle-agent.ts';
import { inProcessEndpoint, remoteEndpoint, type OrgEndpoint } from '../eval/org-endpoint.ts';
import { partialPath, PartialResultsError, writeFileAtomic, type ResultsFile } from '../eval/results.ts';
import { runEvaluation, type EpisodeAgent } from '../eval/runner.ts';
import { proOrgOf } from '../eval/pro.ts';
import { loadTasks, selectTasks, TaskFileError } from '../eval/task-file.ts';
import type { Org } from '../org/index.ts';
import { orgKindOf, type ProOrgKind } from '../org/org-kind.ts';
import { openAnyOrg } from '../org/open.ts';
import { parseFlags } from './args.ts';
import { ensureGeneratedOrg } from './generated-org.ts';
import { CliError } from './cli-error.ts';

const FLAGS = {
  tasks: 'string',
  strategy: 'string',
  model: 'string',
  agent: 'string',
  task: 'string',
  limit: 'int',
  'per-task': 'int',
  concurrency: 'int',
  'max-turns': 'int',
  'eval-mode': 'string',
  'tool-format': 'string',
  out: 'string',
  html: 'string',
  fresh: 'boolean',
  record: 'string',
  replay: 'string',
  'judge-model': 'string',
  interactive: 'boolean',
  'user-model': 'string',
  'max-user-turns': 'int',
  'privacy-aware-prompt': 'boolean',
  'price-in': 'number',
  'price-out': 'number',
  connection: 'string',
  'instance-url': 'string',
  'access-token': 'string',
  'login-url': 'string',
  username: 'string',
  password: 'string',
  'api-version': 'string',
  db: 'string',
  'data-dir': 'string',
  seed: 'int',
  scale: 'number',
  isolate: 'boolean',
  quiet: 'boolean',
  help: 'boolean',
} as const;

const USAGE = `usage: mockforce eval --tasks FILE [--strategy react|act|tool_call|tool_call_flex] --model M
                     [--agent model|oracle] [--task NAME[,NAME]] [--per-task N] [--limit N] [--concurrency 4] [--max-turns 20]
                     [--eval-mode aided|default] [--tool-format native|text] [--out .mockforce/eval/<run>.json] [--html <out>.html] [--fresh]
                     [--record CASSETTE | --replay CASSETTE] [--judge-model M] [--price-in $/Mtok --price-out $/Mtok]
                     [--interactive [--user-model M] [--max-user-turns 10]] [--privacy-aware-prompt]
                     [--connection .mockforce/connection.json | --instance-url URL (--access-token T | --username U --password P [--login-url URL])]
                     [--db ORG_FILE | --data-dir .mockforce --seed 42 --scale 1] [--isolate=false] [--quiet]
  The model endpoint comes from OPENAI_API_KEY / OPENAI_BASE_URL; --replay needs neither and never
  calls a network. --connection reads the URL and session token \`mockforce serve\` wrote; without it or
  --instance-url, a mockforce server is started in-process on the org file.
  In-process, every episode runs in its own copy-on-write episode of the org (--isolate=false shares one).
  CRMArena-Pro task files (records with "org": "b2b" | "b2c") run against the generated org of that
  kind, and are scored as Pro's Evaluator does: LLM answer extraction and the privacy-rejection judge,
  with --judge-model (default: --model). --interactive (react only) puts a simulated user (--user-model,
  default: --model) between the task and the agent, for up to --max-user-turns replies;
  --privacy-aware-prompt adds Pro's privacy-aware guidelines to customer-facing tasks.
  An interrupted run resumes from <out>.partial.jsonl unless --fresh.`;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>;

export async function run(argv: string[]): Promise<void> {
  const flags = withConnection(parseFlags(argv, FLAGS));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const cfg = checkFlags(flags);
  let tasks;
  try {
    tasks = selectTasks(loadTasks(cfg.tasksFile), cfg.taskNames, flags.limit, flags['per-task']);
  } catch (e) {
    if (e instanceof TaskFileError) throw new CliError(e.message);
    throw e;
  }
  if (tasks.length === 0) throw new CliError(`no tasks selected from ${cfg.tasksFile}${cfg.taskNames ? ` for --task ${cfg.taskNames.join(',')}` : ''}`);
  let proOrg: ProOrgKind | undefined;
  try {
    proOrg = proOrgOf(tasks, cfg.tasksFile);
  } catch (e) {
    if (e instanceof TaskFileError) throw new CliError(e.message);
    throw e;
  }
  // As CRMArena-Pro's run_tasks.py: the function-calling tools are CRMArena's (original org) tools.
  if (proOrg && cfg.agent === 'model' && (cfg.strategy === 'tool_call' || cfg.strategy === 'tool_call_flex')) {
    throw new CliError(`the '${cfg.strategy}' strategy is only supported for the original CRMArena org; ${cfg.tasksFile} is a CRMArena-Pro ${proOrg} task file (use react or act)`);
  }
  // Pro's Evaluator always scores with its LLM (the agent's model unless told otherwise); the original
  // tasks keep the deterministic scoring unless a judge model is named.
  const judgeModel = flags['judge-model'] ?? (proOrg && cfg.agent === 'model' ? cfg.model : undefined);

  const chat = cfg.agent === 'model' || judgeModel ? makeChatModel(flags) : undefined;
  const endpoint = await openEndpoint(flags, proOrg);
  // Ctrl-C: episodes already scored are in the journal; keep the recorded model answers too.
  const onSignal = (signal: NodeJS.Signals) => {
    if (chat instanceof RecordingModel) chat.flush();
    console.error(`\nmockforce: ${signal}: stopped; rerun the same command to resume from ${partialPath(cfg.out)}`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let agent: EpisodeAgent;
    if (cfg.agent === 'oracle') {
      agent = await oracleAgent(endpoint).catch((e: unknown) => {
        throw new CliError((e as Error).message);
      });
    } else {
      const agentCfg = {
        model: cfg.model!,
        maxTurns: cfg.maxTurns,
        aided: cfg.evalMode === 'aided',
        schema: buildSchemaString(proOrg ? proAgentObjects(proOrg) : undefined),
        toolFormat: cfg.toolFormat,
        privacyAware: cfg.privacyAware,
        price: priceFor(cfg.model!, flags['price-in'] !== undefined ? { inputPerM: flags['price-in'], outputPerM: flags['price-out'] } : undefined),
      };
      const interactive = cfg.interactive ? { userModel: flags['user-model'] ?? cfg.model!, maxUserTurns: cfg.maxUserTurns } : undefined;
      agent = modelAgent(cfg.strategy, agentCfg, chat!, endpoint, interactive);
    }
    const key = {
      agent: cfg.agent,
      strategy: cfg.agent === 'oracle' ? null : cfg.strategy,
      model: cfg.agent === 'oracle' ? null : cfg.model!,
      tasks_file: cfg.tasksFile,
      max_turns: cfg.maxTurns,
      eval_mode: cfg.evalMode,
      ...(proOrg ? { org: proOrg } : {}),
      ...(cfg.interactive ? { interactive: true, user_model: flags['user-model'] ?? cfg.model!, max_user_turns: cfg.maxUserTurns } : {}),
      ...(cfg.privacyAware ? { privacy_aware_prompt: true } : {}),
      ...(judgeModel ? { judge_model: judgeModel } : {}),
    };
    const judges = judgeModel && chat ? { extractor: llmExtractor(chat, judgeModel), judge: llmRefusalJudge(chat, judgeModel) } : undefined;
    const res = await runEvaluation({
      tasks,
      agent,
      key,
      concurrency: cfg.concurrency,
      out: cfg.out,
      fresh: flags.fresh ?? false,
      progress: !flags.quiet,
      ...(judges ? { extractor: judges.extractor, judge: judges.judge, proExtractor: judges.extractor, proJudge: judges.judge } : {}),
      extraRun: { ...(flags.replay ? { replay: flags.replay } : {}), ...(flags.record ? { record: flags.record } : {}) },
    }).catch((e: unknown) => {
      if (e instanceof PartialResultsError) throw new CliError(e.message);
      if (isFatalModelError(e)) {
        throw new CliError(`${e.message}\nstopped; finished episodes are kept in ${partialPath(cfg.out)}: rerun the same command to resume`);
      }
      throw e;
    });
    writeFileAtomic(cfg.out, JSON.stringify(res, null, 1) + '\n');
    writeFileAtomic(cfg.html, renderHtmlReport(res));
    rmSync(partialPath(cfg.out), { force: true });
    if (!flags.quiet) console.log(summaryText(res, cfg.out, cfg.html));
    const misses = res.results.filter((r) => r.error?.startsWith('no recorded response'));
    if (flags.replay && misses.length) {
      throw new CliError(`${misses.length} episode(s) asked for model calls missing from ${flags.replay} (first: idx ${misses[0]!.idx}); the cassette is stale, re-record it with --record`);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (chat instanceof RecordingModel) chat.flush();
    await endpoint.close();
  }
}

function checkFlags(flags: Flags) {
  if (!flags.tasks) throw new CliError(`--tasks FILE is required\n${USAGE}`);
  const agent = flags.agent ?? 'model';
  if (agent !== 'model' && agent !== 'oracle') throw new CliError(`--agent must be 'model' or 'oracle', got '${agent}'`);
  const strategy = (flags.strategy ?? 'react') as Strategy;
  if (!STRATEGIES.includes(strategy)) throw new CliError(`--strategy must be one of ${STRATEGIES.join(', ')}, got '${flags.strategy}'`);
  if (agent === 'model' && !flags.model) throw new CliError('--model is required (the model name the endpoint serves, e.g. gpt-4o-2024-08-06)');
  const interactive = flags.interactive ?? false;
  // As CRMArena-Pro's run_tasks.py: the simulated user talks only to the ReAct agent.
  if (interactive && agent !== 'model') throw new CliError('--interactive needs a model agent (--agent model), not the oracle');
  if (interactive && strategy !== 'react') throw new CliError(`--interactive is only supported for the 'react' strategy, not '${strategy}'`);
  if (!interactive && (flags['user-model'] || flags['max-user-turns'] !== undefined)) throw new CliError('--user-model and --max-user-turns need --interactive');
  const maxUserTurns = flags['max-user-turns'] ?? 10;
  if (maxUserTurns < 1) throw new CliError('--max-user-turns must be at least 1');
  if (flags['privacy-aware-prompt'] && strategy !== 'react') throw new CliError(`--privacy-aware-prompt applies to the 'react' strategy, not '${strategy}'`);
  const evalMode = flags['eval-mode'] ?? 'aided';
  if (evalMode !== 'aided' && evalMode !== 'default') throw new CliError(`--eval-mode must be 'aided' or 'default', got '${evalMode}'`);
  const toolFormat = flags['tool-format'] ?? 'native';
  if (toolFormat !== 'native' && toolFormat !== 'text') throw new CliError(`--tool-format must be 'native' or 'text', got '${toolFormat}'`);
  const concurrency = flags.concurrency ?? 4;
  if (concurrency < 1) throw new CliError('--concurrency must be at least 1');
  const maxTurns = flags['max-turns'] ?? 20;
  if (maxTurns < 1) throw new CliError('--max-turns must be at least 1');
  if (flags.limit !== undefined && flags.limit < 0) throw new CliError('--limit must not be negative');
  if (flags['per-task'] !== undefined && flags['per-task'] < 1) throw new CliError('--per-task must be at least 1');
  if (flags.record && flags.replay) throw new CliError('--record and --replay cannot be combined');
  if ((flags['price-in'] === undefined) !== (flags['price-out'] === undefined)) throw new CliError('--price-in and --price-out go together');
  if (flags['access-token'] && !flags['instance-url']) throw new CliError('--access-token needs --instance-url');
  if (flags['instance-url'] && !flags['access-token'] && !(flags.username && flags.password)) {
    throw new CliError('--instance-url needs --access-token, or --username and --password');
  }
  if (flags['instance-url'] && (flags.db || flags.isolate)) throw new CliError('--db and --isolate apply to the in-process server, not to --instance-url');
  const slug = (agent === 'oracle' ? 'oracle' : `${strategy}-${flags.model}`).replace(/[^\w.-]+/g, '_');
  // Default under the (git-ignored) data directory, next to the org it ran against.
  const out = resolve(flags.out ?? join(flags['data-dir'] ?? '.mockforce', 'eval', `${slug}.json`));
  const html = resolve(flags.html ?? out.replace(/\.json$/, '') + '.html');
  return {
    agent: agent as 'model' | 'oracle',
    strategy,
    model: flags.model,
    evalMode,
    toolFormat: toolFormat as 'native' | 'text',
    interactive,
    maxUserTurns,
    privacyAware: flags['privacy-aware-prompt'] ?? false,
    concurrency,
    maxTurns,
    tasksFile: resolve(flags.tasks),
    taskNames: flags.task ? flags.task.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    out,
    html,
  };
}

/** `--connection FILE` stands for --instance-url and --access-token (and the API version) read from FILE. */
function withConnection(flags: Flags): Flags {
  if (!flags.connection || flags.help) return flags;
  if (flags['instance-url'] || flags['access-token']) throw new CliError('--connection cannot be combined with --instance-url/--access-token');
  const info = readConnection(flags.connection);
  return { ...flags, 'instance-url': info.instanceUrl, 'access-token': info.accessToken, 'api-version': flags['api-version'] ?? info.apiVersion };
}

/** The connection file `mockforce serve` writes (instance URL, session token...). */
function readConnection(file: string): { instanceUrl: string; accessToken: string; apiVersion?: string } {
  let info: { instanceUrl?: unknown; accessToken?: unknown; apiVersion?: unknown };
  try {
    info = JSON.parse(readFileSync(resolve(file), 'utf8')) as typeof info;
  } catch (e) {
    throw new CliError(`cannot read connection file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (typeof info.instanceUrl !== 'string' || typeof info.accessToken !== 'string') {
    throw new CliError(`${file} has no instanceUrl/accessToken; it should be the connection JSON written by 'mockforce serve'`);
  }
  return { instanceUrl: info.instanceUrl, accessToken: info.accessToken, ...(typeof info.apiVersion === 'string' ? { apiVersion: info.apiVersion } : {}) };
}

function makeChatModel(flags: Flags): ChatModel {
  if (flags.replay) {
    const path = resolve(flags.replay);
    if (!existsSync(path)) throw new CliError(`no cassette at ${path}`);
    try {
      return new ReplayModel(new Cassette(path));
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  let live: ChatModel;
  try {
    endpointFromEnv();
    live = new OpenAIModel();
  } catch (e) {
    if (e instanceof ModelError) throw new CliError(e.message);
    throw e;
  }
  return flags.record ? new RecordingModel(live, new Cassette(resolve(flags.record))) : live;
}

async function openEndpoint(flags: Flags, proOrg: ProOrgKind | undefined): Promise<OrgEndpoint> {
  const apiVersion = flags['api-version'];
  if (flags['instance-url']) {
    try {
      return await remoteEndpoint({
        instanceUrl: flags['instance-url'],
        accessToken: flags['access-token'],
        username: flags.username,
        password: flags.password,
        loginUrl: flags['login-url'],
        apiVersion,
      });
    } catch (e) {
      throw new CliError(`cannot connect to ${flags['instance-url']}: ${(e as Error).message}`);
    }
  }
  const org = await loadOrg(flags, proOrg);
  const kind = orgKindOf(org);
  if ((proOrg ?? 'original') !== kind) {
    org.close();
    throw new CliError(`the tasks are for the ${proOrg ? `CRMArena-Pro ${proOrg}` : 'original CRMArena'} org but ${flags.db} is a${kind === 'original' ? 'n original CRMArena' : ` CRMArena-Pro ${kind}`} org`);
  }
  try {
    // Each episode gets its own copy-on-write episode of the org by default: it costs ~0.01 ms and
    // under a kilobyte until the agent writes (src/org/episode.ts), so isolation has no price.
    return await inProcessEndpoint(org, { isolate: flags.isolate ?? true, ...(apiVersion ? { apiVersion } : {}) });
  } catch (e) {
    org.close();
    throw new CliError((e as Error).message);
  }
}

async function loadOrg(flags: Flags, proOrg: ProOrgKind | undefined): Promise<Org> {
  if (flags.db) {
    try {
      return openAnyOrg(resolve(flags.db));
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  }
  // The same default org `mockforce serve` uses, generated once into the data directory.
  // A Pro task file names its org: the generated org of that kind, no flag needed.
  const file = await ensureGeneratedOrg({ dataDir: flags['data-dir'] ?? '.mockforce', seed: flags.seed ?? 42, scale: flags.scale ?? 1, ...(proOrg ? { org: proOrg } : {}), log: (l) => console.error(l) });
  return openAnyOrg(file);
}

function summaryText(res: ResultsFile, out: string, html: string): string {
  const s = res.summary;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const rows = Object.entries(s.per_task)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, p]) => `  ${t.padEnd(34)} ${pct(p.mean_reward)}  ${String(p.successes).padStart(4)}/${p.episodes}`);
  return [
    '',
    ...rows,
    `  ${'overall'.padEnd(34)} ${pct(s.mean_reward)}  ${String(s.successes).padStart(4)}/${s.episodes}`,
    '',
    ...(s.per_skill ? [...Object.entries(s.per_skill).map(([k, p]) => `  skill ${k.padEnd(28)} ${pct(p.mean_reward)}  n=${p.episodes}`), ''] : []),
    `  errors ${s.errors} · ${s.mean_turns.toFixed(1)} turns/episode · ${s.tokens.total} tokens${s.cost !== null ? ` · $${s.cost.toFixed(4)}` : ''} · wall ${(res.run.wall_ms / 1000).toFixed(1)} s`,
    `  results: ${out}`,
    `  report:  ${html}`,
  ].join('\n');
}

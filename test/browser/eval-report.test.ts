/**
 * The evaluation HTML report as a person sees it, in a real browser (Debian's chromium driven by
 * playwright-core). The report is produced the way a user produces it: `mockforce eval --replay`
 * over the committed cassette (fixtures/cassettes/tiny-org.json) and the tiny eval org, no key and
 * no network. The page is then opened from disk and checked for: the per-task success bars (text and
 * drawn width), the totals, trajectories that open on a click and show the model's steps and the
 * org's answers, no request leaving file://, no console errors, and no horizontal scrolling.
 *
 * Chromium: /usr/bin/chromium (`apt-get install chromium`), or MOCKFORCE_CHROMIUM=/path/to/chrome.
 * When it is missing the suite is skipped with a loud reason (test/support/prerequisite.ts), so
 * `npm ci && npm test` still works on a fresh machine; .ci/run installs chromium and sets
 * MOCKFORCE_REQUIRE_BROWSER=1, which turns the skip into a failure. MOCKFORCE_KEEP_BROWSER_ARTIFACTS=1
 * keeps the reports and screenshots.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run as evalCommand } from '../../src/cli/eval-command.ts';
import { renderHtmlReport } from '../../src/eval/html-report.ts';
import type { ResultsFile } from '../../src/eval/results.ts';
import { makeEvalOrg, makeProEvalOrg } from '../support/fake-model-server.ts';
import { chromiumBrowser, chromiumPath, describeWith } from '../support/prerequisite.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TASKS = join(ROOT, 'fixtures/cassettes/tiny-org-tasks.json');
const CASSETTE = join(ROOT, 'fixtures/cassettes/tiny-org.json');
const PRO_TASKS = join(ROOT, 'fixtures/cassettes/pro-b2b-tasks.json');
const PRO_CASSETTE = join(ROOT, 'fixtures/cassettes/pro-b2b.json');
const CHROMIUM = chromiumPath();
const browserPrerequisite = chromiumBrowser(import.meta.filename);

/** What the page did while it was open: every request, console errors, uncaught errors, dialogs. */
interface PageLog {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let dir: string;
let browser: Browser | undefined;
const reports: Record<string, { html: string; json: ResultsFile }> = {};

/**
 * The tasks file: the committed four tasks, plus a second transfer_count task whose gold is the
 * answer the scripted model gives. Its model calls are the same as idx 3's (the gold never reaches
 * the model), so the cassette covers it, and transfer_count gets a mixed score (1 of 2).
 */
function writeTasks(): string {
  const tasks = JSON.parse(readFileSync(TASKS, 'utf8')) as { idx: number; task: string; answer: unknown }[];
  const transfer = tasks.find((t) => t.task === 'transfer_count')!;
  tasks.push({ ...transfer, idx: 4, answer: '005Mf0000000002IAA' });
  const file = join(dir, 'tasks.json');
  writeFileSync(file, JSON.stringify(tasks));
  return file;
}

async function replayEval(tasksFile: string, dbFile: string, strategy: string): Promise<void> {
  const out = join(dir, `${strategy}.json`);
  await evalCommand(['--tasks', tasksFile, '--strategy', strategy, '--model', `scripted-${strategy}`, '--db', dbFile, '--out', out, '--concurrency', '2', '--quiet', '--fresh', '--replay', CASSETTE]);
  reports[strategy] = { html: join(dir, `${strategy}.html`), json: JSON.parse(readFileSync(out, 'utf8')) as ResultsFile };
}

/** Opens a report file in a fresh context that lets nothing but file:// through and logs everything. */
async function openReport(file: string): Promise<{ page: Page; log: PageLog; close: () => Promise<void> }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const log: PageLog = { requests: [], errors: [], dialogs: [] };
  // Anything but the report itself is aborted (and still logged by 'request' below), so a report that
  // reached for a CDN or an image would fail the test without touching the network.
  await context.route(/^(?!file:)/, (route) => route.abort());
  context.on('request', (req) => log.requests.push(req.url()));
  context.setDefaultTimeout(10_000); // a local file: anything slower is a failure, not a slow network
  const page = await context.newPage();
  page.on('websocket', (ws) => log.requests.push(ws.url()));
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => log.errors.push(`pageerror: ${err.message}`));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, log, close: () => context.close() };
}

/** The bar table as drawn: task, the bar's filled fraction (from layout), and the two figures. */
async function barRows(page: Page): Promise<{ task: string; drawn: number; reward: string; successes: string }[]> {
  return page.locator('table tr:has(.bar)').evaluateAll((rows) =>
    rows.map((tr) => {
      const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim());
      const outer = tr.querySelector('.bar')!.getBoundingClientRect().width;
      const inner = tr.querySelector('.bar > div')!.getBoundingClientRect().width;
      return { task: cells[0]!, drawn: Math.round((inner / outer) * 1000) / 10, reward: cells[2]!, successes: cells[3]! };
    }),
  );
}

function expectQuietPage(log: PageLog): void {
  expect(log.requests.length).toBeGreaterThan(0); // the report itself, so the logging works
  expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(log.errors).toEqual([]);
  expect(log.dialogs).toEqual([]);
}

describeWith(browserPrerequisite, 'evaluation HTML report in headless chromium', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mf-browser-report-'));
    const dbFile = join(dir, 'tiny.db');
    makeEvalOrg(dbFile).org.close();
    const tasksFile = writeTasks();
    // --replay never calls a model; an unreachable base URL makes sure of it.
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
    try {
      await replayEval(tasksFile, dbFile, 'react');
      await replayEval(tasksFile, dbFile, 'tool_call');
      // The CRMArena-Pro interactive run of the committed Pro cassette (fixtures/cassettes/README.md).
      const proDb = join(dir, 'pro.db');
      makeProEvalOrg(proDb).org.close();
      const out = join(dir, 'pro-interactive.json');
      await evalCommand(['--tasks', PRO_TASKS, '--model', 'scripted-react', '--db', proDb, '--out', out, '--concurrency', '2', '--quiet', '--fresh', '--interactive', '--replay', PRO_CASSETTE]);
      reports['pro-interactive'] = { html: join(dir, 'pro-interactive.html'), json: JSON.parse(readFileSync(out, 'utf8')) as ResultsFile };
    } finally {
      if (saved.key !== undefined) process.env.OPENAI_API_KEY = saved.key;
      if (saved.url !== undefined) process.env.OPENAI_BASE_URL = saved.url;
      else delete process.env.OPENAI_BASE_URL;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    if (!dir) return;
    if (process.env.MOCKFORCE_KEEP_BROWSER_ARTIFACTS === '1') console.log(`browser test artifacts kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  });

  it('shows a success bar per task with the right percentage, width and counts, and the totals', async () => {
    const { page, log, close } = await openReport(reports.react!.html);
    try {
      expect(await page.title()).toBe('mockforce eval: react · scripted-react');
      await expect(page.locator('h1').innerText()).resolves.toBe('mockforce evaluation: react · scripted-react');
      const rows = await barRows(page);
      expect(rows).toEqual([
        { task: 'handle_time', drawn: 100, reward: '100.0%', successes: '1/1' },
        { task: 'knowledge_qa', drawn: 80, reward: '80.0%', successes: '0/1' }, // token F1 0.8 is not a success
        { task: 'top_issue_identification', drawn: 100, reward: '100.0%', successes: '1/1' },
        { task: 'transfer_count', drawn: 50, reward: '50.0%', successes: '1/2' },
        { task: 'All tasks', drawn: 76, reward: '76.0%', successes: '3/5' }, // (1 + 0.8 + 1 + 0 + 1) / 5
      ]);
      // The figures on the page are the ones in the results file.
      const s = reports.react!.json.summary;
      expect(s).toMatchObject({ episodes: 5, successes: 3, errors: 0 });
      expect(s.mean_reward).toBeCloseTo(0.76);
      const meta = await page.locator('p.meta').innerText();
      expect(meta).toContain('5 episodes');
      expect(meta).toContain('Mean reward 76.0% · 3 successes · 0 errors');
      expect(meta).toContain(`${s.tokens.total} tokens`);
      expect(meta).toContain('replayed from');
      // One section per task, with its score in the heading, and an entry per episode.
      const headings = await page.locator('h2').allInnerTexts();
      expect(headings).toEqual(['handle_time 100.0%', 'knowledge_qa 80.0%', 'top_issue_identification 100.0%', 'transfer_count 50.0%']);
      expect(await page.locator('details.ep').count()).toBe(5);
      expect(await page.locator('details.ep.ok').count()).toBe(3);
      expect(await page.locator('details.ep.part').count()).toBe(1);
      expect(await page.locator('details.ep.bad').count()).toBe(1);
      // Episodes by task, failures first within a task.
      const order = await page.locator('details.ep summary').allInnerTexts();
      expect(order.map((t) => /#\d+/.exec(t)![0])).toEqual(['#0', '#2', '#1', '#3', '#4']);
      // Every trajectory starts collapsed.
      expect(await page.locator('details.ep[open]').count()).toBe(0);
      expectQuietPage(log);
    } finally {
      await close();
    }
  });

  it('opens a ReAct trajectory on a click: the model steps and the org observations, as text', async () => {
    const { page, log, close } = await openReport(reports.react!.html);
    try {
      const episode = page.locator('details.ep', { hasText: 'Which agent had the shortest average handle time' });
      const observation = episode.getByText("Salesforce instance output: [{'OwnerId': '005Mf0000000003IAA'");
      expect(await observation.isVisible()).toBe(false);
      await episode.locator('summary').click();
      await observation.waitFor({ state: 'visible' });
      expect(await episode.getAttribute('open')).not.toBeNull();
      const steps = await episode.locator('.msg').evaluateAll((els) =>
        els.map((el) => ({ role: (el.querySelector('.role') as HTMLElement).innerText, text: (el.querySelector('pre') as HTMLElement | null)?.innerText ?? '' })),
      );
      // The role labels are upper-cased by CSS: compare what is shown.
      expect(steps.map((m) => m.role)).toEqual(['QUESTION', 'ASSISTANT', 'ORG / HARNESS', 'ASSISTANT']);
      expect(steps[0]!.text).toBe('Which agent had the shortest average handle time for cases closed in January 2021? Return only the Id of the agent.');
      // The model's markup is shown literally (escaped), not swallowed as HTML tags.
      expect(steps[1]!.text).toContain("<execute> SELECT OwnerId, CreatedDate, ClosedDate FROM Case WHERE Status = 'Closed'");
      expect(steps[2]!.text).toMatch(/^Salesforce instance output: \[\{'OwnerId': '005Mf0000000003IAA', 'CreatedDate': '2021-01-20T15:00:00.000\+0000'/);
      expect(steps[3]!.text).toContain('<respond> 005Mf0000000003IAA </respond>');
      const facts = await episode.locator('dl').innerText();
      expect(facts).toMatch(/Gold\s+005Mf0000000003IAA/);
      expect(facts).toMatch(/Prediction\s+005Mf0000000003IAA/);
      expect(facts).toContain('respond · 2 turns');
      // Only the clicked trajectory opened; a second click closes it again.
      expect(await page.locator('details.ep[open]').count()).toBe(1);
      await episode.locator('summary').click();
      await observation.waitFor({ state: 'hidden' });
      expectQuietPage(log);
    } finally {
      await close();
    }
  });

  it('shows tool calls and tool results of a tool-calling run, a format reminder, and fits the page width', async () => {
    const { page, log, close } = await openReport(reports.tool_call!.html);
    try {
      const handle = page.locator('details.ep', { hasText: 'Which agent had the shortest average handle time' });
      await handle.locator('summary').click();
      const calls = await handle.locator('.call').allInnerTexts();
      expect(calls.map((c) => c.slice(0, c.indexOf('(')))).toEqual(['→ get_cases', '→ calculate_average_handle_time', '→ find_id_with_min_value', '→ respond']);
      expect(calls[0]).toContain('"statuses":["Closed"]');
      const results = await handle.locator('.msg.tool pre').allInnerTexts();
      expect(results).toHaveLength(3);
      expect(results[1]).toBe("{'005Mf0000000002IAA': 120.0, '005Mf0000000003IAA': 30.0}");
      expect(results[2]).toBe("['005Mf0000000003IAA']");
      // The failed transfer episode: the model answered without acting, got a reminder, then answered.
      const failed = page.locator('details.ep.bad');
      await failed.locator('summary').click();
      const roles = await failed.locator('.msg .role').allInnerTexts();
      expect(roles).toEqual(['QUESTION', 'ASSISTANT', 'ORG / HARNESS', 'ASSISTANT']);
      // With every trajectory open, long tool arguments wrap instead of widening the page.
      for (const ep of await page.locator('details.ep').all()) if ((await ep.getAttribute('open')) === null) await ep.locator('summary').click();
      expect(await page.locator('details.ep[open]').count()).toBe(5);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await page.screenshot({ path: join(dir, 'tool_call-open.png'), fullPage: true });
      expectQuietPage(log);
    } finally {
      await close();
    }
  });

  it('renders hostile model output as text: no markup, no script, no request', async () => {
    const res = structuredClone(reports.react!.json);
    const hostile = `<img src="https://example.com/x.png" onerror="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)">x</a>`;
    const ep = res.results.find((r) => r.task === 'knowledge_qa')!;
    ep.prediction = hostile;
    ep.trajectory[1]!.content = hostile;
    ep.query = `</span></summary><iframe src="https://example.com/"></iframe>`;
    res.run.model = `<style>body{display:none}</style>`;
    // Long unbreakable tokens (a pasted blob, a path, a long question) wrap instead of widening the page.
    const blob = 'QmFzZTY0'.repeat(60);
    const long = res.results.find((r) => r.task === 'handle_time')!;
    long.query = `Which agent ${'w'.repeat(200)} handled most?`;
    long.trajectory[0]!.content = long.query;
    long.prediction = blob;
    long.parsed_answer = [blob];
    long.trajectory[2]!.content = blob;
    res.run.tasks_file = `/data/${'d'.repeat(300)}.json`;
    const file = join(dir, 'hostile.html');
    writeFileSync(file, renderHtmlReport(res));
    const { page, log, close } = await openReport(file);
    try {
      expect(await page.locator('img, script, iframe, a[href], body style').count()).toBe(0);
      expect(await page.locator('h1').innerText()).toBe('mockforce evaluation: react · <style>body{display:none}</style>');
      const episode = page.locator('details.ep.part');
      expect(await episode.locator('summary .q').innerText()).toBe(`</span></summary><iframe src="https://example.com/"></iframe>`);
      await episode.locator('summary').click();
      expect(await episode.locator('.msg.assistant pre').innerText()).toBe(hostile);
      // The scored answer is shown next to the prediction when they differ.
      expect(await episode.locator('dd').nth(1).innerText()).toBe(`${hostile} (parsed: within 90 days)`);
      // A long question is cut in the summary (the full text is in the trajectory).
      const longEp = page.locator('details.ep', { hasText: 'Which agent www' });
      const summary = await longEp.locator('summary .q').innerText();
      expect(summary).toHaveLength(140);
      expect(summary.endsWith('w…')).toBe(true);
      for (const ep of await page.locator('details.ep').all()) if ((await ep.getAttribute('open')) === null) await ep.locator('summary').click();
      expect(await longEp.locator('.msg.user pre').first().innerText()).toBe(long.query);
      for (const width of [1280, 800]) {
        await page.setViewportSize({ width, height: 900 });
        const overflowing = await page.evaluate(() =>
          [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => e.outerHTML.slice(0, 80)),
        );
        expect(overflowing, `at ${width}px`).toEqual([]);
      }
      expectQuietPage(log);
    } finally {
      await close();
    }
  });

  it('would notice a page that reaches out or errors (the checks above are not vacuous)', async () => {
    const file = join(dir, 'leaky.html');
    writeFileSync(file, `<!doctype html><title>leaky</title><img src="https://cdn.example.com/logo.png"><script>throw new Error('boom')</script>`);
    const { log, close } = await openReport(file);
    try {
      expect(log.requests.filter((u) => !u.startsWith('file://'))).toEqual(['https://cdn.example.com/logo.png']);
      expect(log.errors).toContain('pageerror: boom');
      expect(log.errors.some((e) => e.startsWith('console.error:'))).toBe(true); // the aborted image load
    } finally {
      await close();
    }
  });

  it('renders sensibly: a full-page screenshot of the report with one trajectory open', async () => {
    const { page, log, close } = await openReport(reports.react!.html);
    try {
      await page.locator('details.ep', { hasText: 'Which agent had the shortest average handle time' }).locator('summary').click();
      const shot = join(dir, 'react-report.png');
      const png = await page.screenshot({ path: shot, fullPage: true });
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(20_000); // text and bars drawn, not a blank page
      // The bars are drawn in the theme's green, the empty part in grey.
      const colors = await page.locator('table .bar').first().evaluate((bar) => ({
        track: getComputedStyle(bar).backgroundColor,
        fill: getComputedStyle(bar.firstElementChild!).backgroundColor,
      }));
      expect(colors).toEqual({ track: 'rgb(238, 238, 238)', fill: 'rgb(46, 157, 87)' });
      expectQuietPage(log);
    } finally {
      await close();
    }
  });

  it('CRMArena-Pro: a per-skill table, and an interactive conversation shown turn by turn', async () => {
    const { page, log, close } = await openReport(reports['pro-interactive']!.html);
    try {
      const meta = await page.locator('p.meta').innerText();
      expect(meta).toContain('CRMArena-Pro b2b org · interactive (simulated user scripted-react, max 10 user turns) · judge scripted-react');
      const skills = await page.locator('table.skills tr:has(.bar)').evaluateAll((rows) =>
        rows.map((tr) => {
          const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim());
          const outer = tr.querySelector('.bar')!.getBoundingClientRect().width;
          const inner = tr.querySelector('.bar > div')!.getBoundingClientRect().width;
          return { skill: cells[0], drawn: Math.round((inner / outer) * 1000) / 10, reward: cells[2], n: cells[3] };
        }),
      );
      expect(skills).toEqual([
        { skill: 'workflow', drawn: 100, reward: '100.0%', n: '1' },
        { skill: 'policy', drawn: 100, reward: '100.0%', n: '1' },
        { skill: 'text', drawn: 100, reward: '100.0%', n: '1' },
        { skill: 'database', drawn: 100, reward: '100.0%', n: '1' },
        { skill: 'privacy', drawn: 50, reward: '50.0%', n: '2' },
      ]);
      expect(reports['pro-interactive']!.json.summary.per_skill!.privacy).toEqual({ episodes: 2, mean_reward: 0.5 });
      // The lead routing conversation: the user's opening, a clarification, a name, the Id, the STOP.
      const episode = page.locator('details.ep', { hasText: 'A new lead from OR' });
      const turn = episode.locator('.conversation .turn');
      expect(await turn.first().isVisible()).toBe(false);
      await episode.locator('summary').click();
      await turn.first().waitFor({ state: 'visible' });
      const turns = await turn.evaluateAll((els) => els.map((el) => ({ role: (el.querySelector('.role') as HTMLElement).innerText, text: (el.querySelector('pre') as HTMLElement).innerText })));
      expect(turns.map((t) => t.role)).toEqual(['USER', 'AGENT', 'USER', 'AGENT', 'USER', 'AGENT', 'USER']);
      expect(turns[3]!.text).toBe('Ada Agent');
      expect(turns[4]!.text).toBe('Could you give me the Id instead?');
      expect(turns.at(-1)!.text).toBe('###STOP###');
      expect(await episode.locator('.conversation > .role').innerText()).toBe('CONVERSATION · 3 USER TURNS');
      // Agent turns sit on the right, user turns on the left.
      const x = await turn.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().left)));
      expect(x[1]!).toBeGreaterThan(x[0]!);
      // In the trajectory the simulated user's messages are labelled as such.
      const roles = await episode.locator('.msg .role').allInnerTexts();
      expect(roles.filter((r) => r === 'SIMULATED USER')).toHaveLength(3);
      expect(roles).toContain('ORG / HARNESS');
      await page.screenshot({ path: join(dir, 'pro-interactive.png'), fullPage: true });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expectQuietPage(log);
    } finally {
      await close();
    }
  });
});

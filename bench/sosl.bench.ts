/**
 * SOSL benchmark: searches per second of `search()` (parse, FTS5 MATCH ranked by bm25 per object, the
 * RETURNING fields/WHERE through the SOQL engine, limits, shaping) over the seed-42 org at scale 1 and
 * scale 10, next to a baseline measured in the same run: the bare FTS5 MATCH … ORDER BY bm25 statement
 * on better-sqlite3 for the same terms and objects (prepared once, Ids only). The ratio is what SOSL
 * semantics and the record shape cost on top of SQLite's full-text search. Also reports the one-time
 * index build on first search.
 */
import type Database from 'better-sqlite3';
import type { Org } from '../src/org/index.ts';
import { ensureIndexes, search } from '../src/sosl/index.ts';

interface BenchSearch {
  sosl: string;
  /** Baseline: [object, FTS5 expression] per object searched. */
  raw: [string, string][];
}

/** CRMArena's two tool searches and the kinds of SOSL agents write (reference/crmarena.md §7). */
const MIX: BenchSearch[] = [
  {
    sosl: "FIND {size exchange} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
    raw: [['Knowledge__kav', '"size" AND "exchange"']],
  },
  {
    sosl: "FIND {refund} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
    raw: [['Knowledge__kav', '"refund"']],
  },
  { sosl: 'FIND {yoga mat} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', raw: [['Product2', '"yoga" AND "mat"']] },
  { sosl: 'FIND {hiking boot} IN ALL FIELDS RETURNING Product2(Id, Name, Description)', raw: [['Product2', '"hiking" AND "boot"']] },
  { sosl: 'FIND {trail*} RETURNING Product2(Id, Name)', raw: [['Product2', '"trail"*']] },
  {
    sosl: 'FIND {zipper} RETURNING Case(Id, Subject, Status), EmailMessage(Id, Subject)',
    raw: [
      ['Case', '"zipper"'],
      ['EmailMessage', '"zipper"'],
    ],
  },
  {
    sosl: "FIND {\"size exchange\" OR refund} RETURNING Case(Id, Subject WHERE Status = 'Closed' ORDER BY CreatedDate DESC LIMIT 20)",
    raw: [['Case', '"size exchange" OR "refund"']],
  },
  {
    sosl: 'FIND {smith} IN NAME FIELDS RETURNING Account(Id, Name), Contact(Id, Name, Email)',
    raw: [
      ['Account', '{name} : "smith"'],
      ['Contact', '{name} : "smith"'],
    ],
  },
];

const SECONDS = Number(process.env.MOCKFORCE_BENCH_SECONDS ?? 2);

/** Calls of `fn` per second over ~SECONDS seconds (after a warm-up). */
function rate(fn: () => void): number {
  for (let i = 0; i < 20; i++) fn();
  let n = 0;
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 10; i++) fn();
    n += 10;
    now = performance.now();
  }
  return (n * 1000) / (now - start);
}

function baseline(org: Org): () => void {
  const db: Database.Database = org.db;
  const idx = ensureIndexes(org);
  const stmts = MIX.map((m) =>
    m.raw.map(([obj, expr]) => {
      const ix = idx.byObject.get(obj.toLowerCase())!;
      const stmt = db.prepare(
        `SELECT b."Id" FROM ${ix.fts} JOIN main."${obj}" b ON b.rowid = ${ix.ftsName}.rowid WHERE ${ix.ftsName} MATCH ? AND b."IsDeleted" = 0 ORDER BY bm25(${ix.ftsName}, 10, 4, 4, 1) LIMIT 250`,
      );
      return () => stmt.all(expr);
    }),
  );
  let i = 0;
  return () => {
    for (const s of stmts[i++ % stmts.length]!) s();
  };
}

async function benchScale(scale: number): Promise<void> {
  const { generateOrg } = await import('../seed/index.ts');
  let t = performance.now();
  const org = generateOrg({ seed: 42, scale, out: ':memory:' });
  const genMs = performance.now() - t;
  t = performance.now();
  ensureIndexes(org);
  const indexMs = performance.now() - t;
  const counts = (['Product2', 'Knowledge__kav', 'Case', 'EmailMessage'] as const)
    .map((o) => `${o} ${(org.db.prepare(`SELECT count(*) AS n FROM "${o}"`).get() as { n: number }).n}`)
    .join(', ');
  console.log(`scale ${scale}: generated in ${(genMs / 1000).toFixed(1)} s (${counts}); SOSL index built in ${indexMs.toFixed(0)} ms`);

  let hits = 0;
  for (const m of MIX) hits += search(org, m.sosl, { apiVersion: '59.0' }).searchRecords.length;
  let i = 0;
  const sosl = rate(() => {
    search(org, MIX[i++ % MIX.length]!.sosl, { apiVersion: '59.0' });
  });
  const raw = rate(baseline(org));
  console.log(`  search():                  ${sosl.toFixed(0).padStart(7)} searches/s  (${(1000 / sosl).toFixed(3)} ms each; ${hits} records over the mix of ${MIX.length})`);
  console.log(`  raw FTS5 MATCH + bm25 SQL: ${raw.toFixed(0).padStart(7)} searches/s  (${(1000 / raw).toFixed(3)} ms each)`);
  console.log(`  ratio search()/raw:        ${(raw / sosl).toFixed(2)}x the time`);
  for (const m of MIX) {
    const one = rate(() => search(org, m.sosl, { apiVersion: '59.0' }));
    console.log(`    ${one.toFixed(0).padStart(7)}/s  ${m.sosl.length > 100 ? m.sosl.slice(0, 97) + '...' : m.sosl}`);
  }
  org.close();
}

/** Scales to run: `MOCKFORCE_BENCH_SOSL_SCALES=1,10` (default). */
const SCALES = (process.env.MOCKFORCE_BENCH_SOSL_SCALES ?? '1,10').split(',').map(Number);

export async function run(): Promise<void> {
  for (const scale of SCALES) await benchScale(scale);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

import { afterAll, describe, expect, it } from 'vitest';
import { OBJECTS, getObject } from '../../schema/index.ts';
import { normalizeId } from '../../src/org/index.ts';
import { ISSUE_NAMES } from '../../seed/latent.ts';
import { ARTICLES } from '../../seed/text/knowledge-bank.ts';
import { openSeededOrg, seededLatents } from '../support/seeded-org.ts';

const org = openSeededOrg();
afterAll(() => org.close());
const all = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => org.db.prepare(sql).all(...params) as T[];
const one = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => org.db.prepare(sql).get(...params) as T;
const count = (table: string, where = '1=1') => one<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).n;

describe('seeded org (seed 42, scale 1): size and shape', () => {
  it('matches the official CRMArena org volumes', () => {
    const near = (table: string, target: number, tol = 0.1) => {
      const n = count(table);
      expect(n, table).toBeGreaterThanOrEqual(Math.floor(target * (1 - tol)));
      expect(n, table).toBeLessThanOrEqual(Math.ceil(target * (1 + tol)));
    };
    near('User', 150, 0.02);
    expect(count('Account')).toBe(200);
    expect(count('Contact')).toBe(210);
    expect(count('Case')).toBe(980);
    expect(count('Knowledge__kav')).toBe(45);
    expect(count('Issue__c')).toBe(10);
    expect(count('ProductCategory')).toBe(12);
    expect(count('Product2')).toBe(500);
    near('ProductCategoryProduct', 760, 0.05);
    expect(count('Pricebook2')).toBe(45);
    near('PricebookEntry', 22000, 0.03);
    expect(count('Order')).toBe(2070);
    near('OrderItem', 7100, 0.05);
    near('EmailMessage', 3200, 0.15);
    near('LiveChatTranscript', 770, 0.15);
    near('CaseHistory__c', 3000, 0.05);
  });

  it('has the ten CRMArena issues and an admin login identity', () => {
    expect(all<{ Name: string }>('SELECT Name FROM Issue__c ORDER BY Id').map((r) => r.Name)).toEqual([...ISSUE_NAMES]);
    const id = org.loginIdentity()!;
    expect(id.username).toBe('admin@mockforce.dev');
    expect(id.password.length).toBeGreaterThan(0);
    expect(id.securityToken).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(one<{ Username: string }>('SELECT Username FROM "User" WHERE Id = ?', id.userId).Username).toBe(id.username);
    expect(org.meta('generator_version')).toBe('mockforce-seed/5');
    expect(org.meta('scale')).toBe('1');
    expect(org.clock.nowIso()).toBe('2024-06-01T12:00:00.000Z');
  });

  it('dates nothing after the org clock', () => {
    const now = org.clock.nowIso();
    for (const o of OBJECTS) {
      for (const f of o.fields.filter((x) => x.type === 'datetime' && !['ValidTo'].includes(x.name))) {
        const max = one<{ m: string | null }>(`SELECT MAX("${f.name}") AS m FROM "${o.name}"`).m;
        if (max !== null) expect(max <= now, `${o.name}.${f.name} = ${max}`).toBe(true);
      }
    }
    expect(one<{ m: string }>('SELECT MAX(EffectiveDate) AS m FROM "Order"').m <= now.slice(0, 10)).toBe(true);
  });

  it('mints valid 18-character Ids with each object key prefix', () => {
    for (const o of OBJECTS) {
      for (const { Id } of all<{ Id: string }>(`SELECT Id FROM "${o.name}" LIMIT 50`)) {
        expect(normalizeId(Id), `${o.name} ${Id}`).toBe(Id);
        expect(Id.slice(0, 3)).toBe(o.keyPrefix);
      }
    }
  });
});

describe('seeded org: referential integrity', () => {
  it('points every reference field at an existing row of the right object', () => {
    let checked = 0;
    for (const o of OBJECTS) {
      for (const f of o.fields.filter((x) => x.type === 'reference')) {
        const modelled = f.referenceTo.map((t) => getObject(t)).filter((x) => x !== undefined);
        const values = all<{ v: string }>(`SELECT DISTINCT "${f.name}" AS v FROM "${o.name}" WHERE "${f.name}" IS NOT NULL`);
        for (const { v } of values) {
          expect(normalizeId(v), `${o.name}.${f.name} = ${v}`).toBe(v);
          if (modelled.length === 0) continue; // RecordType, ProductCatalog...: an Id, not a row here
          const target = modelled.find((t) => t.keyPrefix === v.slice(0, 3));
          expect(target, `${o.name}.${f.name} = ${v} has the prefix of ${f.referenceTo.join('/')}`).toBeDefined();
          expect(one(`SELECT 1 AS ok FROM "${target!.name}" WHERE Id = ?`, v), `${o.name}.${f.name} = ${v} exists`).toBeDefined();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('leaves the required CRMArena lookups filled', () => {
    expect(count('Case', 'OrderItemId__c IS NULL OR IssueId__c IS NULL OR ContactId IS NULL OR AccountId IS NULL OR OwnerId IS NULL')).toBe(0);
    expect(count('OrderItem', 'OrderId IS NULL OR Product2Id IS NULL OR PricebookEntryId IS NULL')).toBe(0);
    expect(count('LiveChatTranscript', 'CaseId IS NULL OR AccountId IS NULL OR ContactId IS NULL OR OwnerId IS NULL')).toBe(0);
    expect(count('EmailMessage', 'ParentId IS NULL')).toBe(0);
  });

  it('keeps orders coherent: entry of the order price book, price of the entry, account of the case', () => {
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM OrderItem oi JOIN "Order" o ON o.Id = oi.OrderId JOIN PricebookEntry pe ON pe.Id = oi.PricebookEntryId
      WHERE pe.Pricebook2Id <> o.Pricebook2Id OR pe.Product2Id <> oi.Product2Id OR pe.UnitPrice <> oi.UnitPrice`).n).toBe(0);
    expect(count('Order', "Status <> 'Activated'")).toBe(0);
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Case" c JOIN OrderItem oi ON oi.Id = c.OrderItemId__c JOIN "Order" o ON o.Id = oi.OrderId
      WHERE o.AccountId <> c.AccountId OR o.EffectiveDate > substr(c.CreatedDate, 1, 10)`).n).toBe(0);
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Case" c JOIN Contact ct ON ct.Id = c.ContactId WHERE ct.AccountId <> c.AccountId`).n).toBe(0);
    // Each product's order totals add up.
    expect(one<{ n: number }>(`SELECT COUNT(*) AS n FROM "Order" o WHERE abs(o.TotalAmount - (SELECT SUM(TotalPrice) FROM OrderItem WHERE OrderId = o.Id)) > 0.01`).n).toBe(0);
  });
});

describe('seeded org: cases and their history', () => {
  const cases = all<{ Id: string; Status: string; CreatedDate: string; ClosedDate: string | null; OwnerId: string; IsClosed: number }>('SELECT Id, Status, CreatedDate, ClosedDate, OwnerId, IsClosed FROM "Case"');
  const history = all<{ CaseId__c: string; Field__c: string; OldValue__c: string | null; NewValue__c: string | null; CreatedDate: string }>(
    'SELECT CaseId__c, Field__c, OldValue__c, NewValue__c, CreatedDate FROM CaseHistory__c ORDER BY CaseId__c, CreatedDate, Id',
  );
  const byCase = new Map<string, typeof history>();
  for (const h of history) (byCase.get(h.CaseId__c) ?? byCase.set(h.CaseId__c, []).get(h.CaseId__c)!).push(h);

  it('spans 2020 to late May 2024, mostly closed, recent ones open', () => {
    const created = cases.map((c) => c.CreatedDate).sort();
    expect(created[0]! < '2020-03-01').toBe(true);
    expect(created[created.length - 1]! > '2024-05-01' && created[created.length - 1]! <= '2024-05-26T12:00:00.000Z').toBe(true);
    const closed = cases.filter((c) => c.Status === 'Closed');
    expect(closed.length / cases.length).toBeGreaterThan(0.9);
    expect(closed.length / cases.length).toBeLessThan(0.98);
    for (const c of cases) {
      expect(c.IsClosed).toBe(c.Status === 'Closed' ? 1 : 0);
      if (c.Status === 'Closed') expect(c.ClosedDate! > c.CreatedDate).toBe(true);
      else expect(c.ClosedDate).toBeNull();
    }
    const openShare = (xs: typeof cases) => xs.filter((c) => c.Status !== 'Closed').length / xs.length;
    const recent = cases.filter((c) => c.CreatedDate >= '2024-03-01');
    const old = cases.filter((c) => c.CreatedDate < '2024-03-01');
    expect(openShare(recent)).toBeGreaterThan(3 * openShare(old));
  });

  it('logs creation, owner assignments with transfers, and closure consistent with each case', () => {
    let transfers = 0;
    for (const c of cases) {
      const h = byCase.get(c.Id)!;
      const creation = h.filter((x) => x.Field__c === 'Case Creation');
      const assignments = h.filter((x) => x.Field__c === 'Owner Assignment');
      const closedRows = h.filter((x) => x.Field__c === 'Case Closed');
      expect(creation.map((x) => x.CreatedDate)).toEqual([c.CreatedDate]);
      expect(assignments[0]!.OldValue__c).toBeNull();
      expect(assignments[0]!.CreatedDate).toBe(c.CreatedDate);
      for (let k = 1; k < assignments.length; k++) {
        expect(assignments[k]!.OldValue__c).toBe(assignments[k - 1]!.NewValue__c);
        expect(assignments[k]!.NewValue__c).not.toBe(assignments[k]!.OldValue__c);
        transfers++;
      }
      expect(assignments[assignments.length - 1]!.NewValue__c).toBe(c.OwnerId);
      expect(closedRows.map((x) => x.CreatedDate)).toEqual(c.ClosedDate ? [c.ClosedDate] : []);
      for (const x of [...creation, ...closedRows]) expect([x.OldValue__c, x.NewValue__c]).toEqual([null, null]);
      for (const x of h) {
        expect(x.CreatedDate >= c.CreatedDate).toBe(true);
        if (c.ClosedDate) expect(x.CreatedDate <= c.ClosedDate).toBe(true);
      }
    }
    // CRMArena's org: 1,088 assignments for 977 cases, i.e. ~11% transfers.
    expect(transfers / cases.length).toBeGreaterThan(0.06);
    expect(transfers / cases.length).toBeLessThan(0.2);
  });

  it('writes subjects and descriptions about the case product', () => {
    const rows = all<{ Subject: string; Description: string; Name: string }>(
      'SELECT c.Subject, c.Description, p.Name FROM "Case" c JOIN OrderItem oi ON oi.Id = c.OrderItemId__c JOIN Product2 p ON p.Id = oi.Product2Id',
    );
    const mentions = rows.filter((r) => r.Description.includes(r.Name) || r.Subject.includes(r.Name)).length;
    expect(mentions / rows.length).toBeGreaterThan(0.9);
  });
});

describe('seeded org: conversations', () => {
  it('follows CRMArena email conventions', () => {
    const company = org.meta('company_name');
    expect(company).toBe('Trailmark Outfitters');
    const emails = all<{ Subject: string; FromAddress: string; ToIds: string; Incoming: number; ParentId: string; MessageDate: string; cs: string; ContactId: string; CreatedDate: string; ClosedDate: string | null }>(
      `SELECT e.Subject, e.FromAddress, e.ToIds, e.Incoming, e.ParentId, e.MessageDate, c.Subject AS cs, c.ContactId, c.CreatedDate, c.ClosedDate
       FROM EmailMessage e JOIN "Case" c ON c.Id = e.ParentId`,
    );
    for (const e of emails) {
      const to = JSON.parse(e.ToIds) as string[];
      expect(to).toHaveLength(1);
      if (e.Incoming) {
        expect(e.FromAddress).toMatch(/@example\.com$/);
        expect(to[0]!.startsWith('005')).toBe(true);
      } else {
        expect(e.FromAddress).toMatch(/@trailmark-outfitters\.com$/);
        expect(to[0]).toBe(e.ContactId);
      }
      expect([e.cs, `Re: ${e.cs}`]).toContain(e.Subject);
      expect(e.MessageDate >= e.CreatedDate).toBe(true);
      if (e.ClosedDate) expect(e.MessageDate <= e.ClosedDate).toBe(true);
    }
  });

  it('writes chat transcripts as timestamped lines by the customer and the owning agent', () => {
    const chats = all<{ Body: string; OwnerId: string; ContactId: string; cn: string; an: string; StartTime: string; EndTime: string }>(
      `SELECT t.Body, t.OwnerId, t.ContactId, ct.Name AS cn, u.Name AS an, t.StartTime, t.EndTime
       FROM LiveChatTranscript t JOIN Contact ct ON ct.Id = t.ContactId JOIN "User" u ON u.Id = t.OwnerId`,
    );
    expect(chats.length).toBeGreaterThan(500);
    for (const ch of chats) {
      const lines = ch.Body.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) {
        const m = /^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\] (.+?) \((Customer|Agent)\): \S/.exec(line);
        expect(m, line).not.toBeNull();
        expect(m![2]).toBe(m![3] === 'Customer' ? ch.cn : ch.an);
      }
      expect(ch.EndTime >= ch.StartTime).toBe(true);
    }
  });
});

describe('seeded org: knowledge', () => {
  it('publishes the 45 articles with the policies the latent file knows', () => {
    const rows = all<{ Id: string; Title: string; FAQ_Answer__c: string; PublishStatus: string; UrlName: string }>('SELECT Id, Title, FAQ_Answer__c, PublishStatus, UrlName FROM Knowledge__kav');
    expect(rows.map((r) => r.Title).sort()).toEqual(ARTICLES.map((a) => a.title).sort());
    expect(new Set(rows.map((r) => r.UrlName)).size).toBe(45);
    expect(rows.every((r) => r.PublishStatus === 'Online')).toBe(true);
    const latents = seededLatents();
    const body = new Map(rows.map((r) => [r.Id, r.FAQ_Answer__c]));
    for (const f of latents.policyFacts) expect(body.get(f.articleId)).toContain(f.value);
    for (const qa of latents.knowledgeQa) expect(body.get(qa.articleId)).toContain(qa.answer);
    expect(Object.keys(latents.articleByIssue)).toHaveLength(10);
  });
});

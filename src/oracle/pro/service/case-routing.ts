/**
 * Pro's case_routing through SOQL: the original solver's policy steps (src/oracle/solvers/case-routing.ts)
 * with an issue reading that also works for a Pro org's own Issue__c names: an issue named verbatim in
 * the case text is that issue (the longest name when one contains another); otherwise the original's
 * cue words decide.
 */
import { soqlIdList, soqlString, type OracleApi } from '../../api.ts';
import { without } from '../../read-query.ts';
import { classifyIssue, findProduct } from '../../solvers/case-routing.ts';
import { best, groupCounts, type SolveInput } from '../../solvers/shared.ts';

export function issueOf(text: string, issues: readonly { id: string; name: string }[]): string {
  const t = text.toLowerCase();
  const named = issues.filter((i) => i.name && t.includes(i.name.toLowerCase())).sort((a, b) => b.name.length - a.name.length);
  const longest = named[0];
  if (longest && named.every((i) => i === longest || longest.name.toLowerCase().includes(i.name.toLowerCase()))) return longest.id;
  return classifyIssue(text, issues);
}

export async function solveProCaseRouting(api: OracleApi, task: SolveInput): Promise<string | null> {
  const m = /- Case Subject: ([\s\S]*?)\n- Case Description: ([\s\S]*)$/.exec(task.query);
  if (!m) throw new Error('no given case in the query');
  const text = `${m[1]} ${m[2]}`;
  const products = (await api.queryAll('SELECT Id, Name FROM Product2')).records.map((r) => ({ id: String(r.Id), name: String(r.Name ?? '') }));
  const product = findProduct(text, products);
  const issues = (await api.queryAll('SELECT Id, Name FROM Issue__c')).records.map((r) => ({ id: String(r.Id), name: String(r.Name) }));
  const issueId = issueOf(without(text, product.name), issues);
  // Issue expertise, then product expertise, then workload (the Case Routing Policy).
  const byIssue = await groupCounts(api, `SELECT OwnerId o, COUNT(Id) n FROM Case WHERE Status = 'Closed' AND IssueId__c = ${soqlString(issueId)} GROUP BY OwnerId`, 'o');
  const top = Math.max(...byIssue.values());
  let tied = [...byIssue].filter(([, n]) => n === top).map(([a]) => a);
  if (tied.length === 1) return tied[0]!;
  const byProduct = await groupCounts(
    api,
    `SELECT OwnerId o, COUNT(Id) n FROM Case WHERE Status = 'Closed' AND OwnerId IN ${soqlIdList(tied)} AND OrderItemId__c IN (SELECT Id FROM OrderItem WHERE Product2Id = ${soqlString(product.id)}) GROUP BY OwnerId`,
    'o',
  );
  const topP = Math.max(...tied.map((a) => byProduct.get(a) ?? 0));
  tied = tied.filter((a) => (byProduct.get(a) ?? 0) === topP);
  if (tied.length === 1) return tied[0]!;
  const open = await groupCounts(api, `SELECT OwnerId o, COUNT(Id) n FROM Case WHERE Status != 'Closed' AND OwnerId IN ${soqlIdList(tied)} GROUP BY OwnerId`, 'o');
  return best(new Map(tied.map((a) => [a, open.get(a) ?? 0])), 'min');
}

/**
 * Pro's case_routing through SOQL: the original solver's policy steps (src/oracle/solvers/case-routing.ts)
 * with an issue reading that also works for a Pro org's own Issue__c names: an issue named verbatim in
 * the case text is that issue (the longest name when one contains another); otherwise the original's
 * cue words decide.
 */
import type { OracleApi } from '../../api.ts';
import { classifyIssue, solveCaseRouting } from '../../solvers/case-routing.ts';
import type { SolveInput } from '../../solvers/shared.ts';

export function issueOf(text: string, issues: readonly { id: string; name: string }[]): string {
  const t = text.toLowerCase();
  const named = issues.filter((i) => i.name && t.includes(i.name.toLowerCase())).sort((a, b) => b.name.length - a.name.length);
  const longest = named[0];
  if (longest && named.every((i) => i === longest || longest.name.toLowerCase().includes(i.name.toLowerCase()))) return longest.id;
  return classifyIssue(text, issues);
}

/** The original solver's policy steps (issue expertise, product expertise, workload) with Pro's issue reading. */
export function solveProCaseRouting(api: OracleApi, task: SolveInput): Promise<string | null> {
  return solveCaseRouting(api, task, issueOf);
}

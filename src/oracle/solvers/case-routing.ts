/**
 * Case Routing through SOQL: read the product (the catalog name the case text contains) and the issue
 * (the Issue__c whose cue words the text uses most), then apply the routing policy: most closed cases
 * of the issue; on a tie most closed cases of the product; on a tie fewest cases not Closed.
 */
import { soqlIdList, soqlString, type OracleApi } from '../api.ts';
import { without } from '../read-query.ts';
import { best, groupCounts, type SolveInput } from './shared.ts';

/** Words a customer uses for each of CRMArena's ten issues. */
const ISSUE_CUES: Record<string, RegExp[]> = {
  'Billing/Payment Issue': [/\bcharged?\b/, /\bcharges?\b/, /\bbill(?:ing|ed)\b/, /\bpayment\b/, /\bovercharge/, /\bpromo code\b/],
  'Return Policy Issue': [/\breturn(?:s|ed|ing)?\b/, /\bsend back\b/],
  'Product Defect': [/\bdefect(?:ive)?\b/, /\bbroken?\b/, /\bfell apart\b/, /\bcame apart\b/, /\bfaulty\b/, /\bseparated\b/],
  'Size Mismatch': [/\bsizes?\b/, /\bfits?\b/, /\btoo (?:small|big|large|tight)\b/],
  'Shipping Delay': [/\bshipping\b/, /\bdelay(?:ed)?\b/, /\bnot arrived\b/, /\btracking\b/, /\bdeliver(?:y|ed)\b/, /\bin transit\b/],
  'Product Availability': [/\bout of stock\b/, /\bavailab(?:le|ility)\b/, /\brestock(?:ed)?\b/, /\bbackorder\b/, /\bsold out\b/],
  'Order Cancellation': [/\bcancel(?:l?ed|lation)?\b/],
  'Warranty Issue': [/\bwarranty\b/],
  'Incorrect Item Received': [/\bincorrect\b/, /\bwrong (?:item|product)\b/, /\bdifferent (?:item|product)\b/, /\bsomeone else's item\b/],
  'Loyalty Program Inquiry': [/\bloyalty\b/, /\bpoints\b/, /\brewards?\b/],
};

export function classifyIssue(text: string, issues: readonly { id: string; name: string }[]): string {
  const t = text.toLowerCase();
  let bestId = '';
  let bestScore = 0;
  let tied = false;
  for (const issue of issues) {
    const cues = ISSUE_CUES[issue.name] ?? [new RegExp(`\\b${issue.name.toLowerCase().replace(/[^a-z ]/g, '.')}\\b`)];
    const score = cues.reduce((n, re) => n + (t.match(new RegExp(re.source, 'g'))?.length ?? 0), 0);
    if (score > bestScore) [bestId, bestScore, tied] = [issue.id, score, false];
    else if (score === bestScore && score > 0) tied = true;
  }
  if (!bestId || tied) throw new Error(`cannot tell the issue of: ${text.slice(0, 120)}`);
  return bestId;
}

export function findProduct(text: string, products: readonly { id: string; name: string }[]): { id: string; name: string } {
  const t = text.toLowerCase();
  const found = products.filter((p) => p.name && t.includes(p.name.toLowerCase()));
  // Prefer the longest name (a name may contain another).
  found.sort((a, b) => b.name.length - a.name.length);
  if (found.length === 0) throw new Error(`no catalog product named in: ${text.slice(0, 120)}`);
  return found[0]!;
}

/** How the case's issue is read from its text (CRMArena's cue words unless a caller's org names its issues). */
export type IssueReader = (text: string, issues: readonly { id: string; name: string }[]) => string;

export async function solveCaseRouting(api: OracleApi, task: SolveInput, readIssue: IssueReader = classifyIssue): Promise<string | null> {
  const m = /- Case Subject: ([\s\S]*?)\n- Case Description: ([\s\S]*)$/.exec(task.query);
  if (!m) throw new Error('no given case in the query');
  const text = `${m[1]} ${m[2]}`;
  const products = (await api.queryAll('SELECT Id, Name FROM Product2')).records.map((r) => ({ id: String(r.Id), name: String(r.Name ?? '') }));
  const product = findProduct(text, products);
  const issues = (await api.queryAll('SELECT Id, Name FROM Issue__c')).records.map((r) => ({ id: String(r.Id), name: String(r.Name) }));
  const issueId = readIssue(without(text, product.name), issues);

  const byIssue = await groupCounts(
    api,
    `SELECT OwnerId o, COUNT(Id) n FROM Case WHERE Status = 'Closed' AND IssueId__c = ${soqlString(issueId)} GROUP BY OwnerId`,
    'o',
  );
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

/**
 * Valid seed queries and a seeded mangler (tokens dropped, duplicated, swapped, replaced, truncated)
 * for the SOQL mutation corpus and the grammar-oracle comparison.
 */
import { tokenize } from '../../src/soql/lexer.ts';

export const SEEDS = [
  "SELECT Id, Subject, Account.Name FROM Case WHERE Status = 'New' ORDER BY CreatedDate DESC LIMIT 5",
  "SELECT Name, (SELECT Subject FROM Cases WHERE IsClosed = false ORDER BY Subject LIMIT 2) FROM Account",
  'SELECT Status, COUNT(Id) n FROM Case GROUP BY Status HAVING COUNT(Id) > 1 ORDER BY COUNT(Id) DESC',
  'SELECT CALENDAR_MONTH(CreatedDate) m, COUNT(Id) FROM Case GROUP BY CALENDAR_MONTH(CreatedDate)',
  'SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Case WHERE Priority = \'High\')',
  'SELECT Id FROM Case WHERE CreatedDate = LAST_N_DAYS:30 AND (Origin = \'Web\' OR Origin = null)',
  'SELECT COUNT() FROM Case WHERE CreatedDate >= 2024-01-01T00:00:00Z AND ClosedDate < THIS_MONTH',
  'SELECT Status, Priority, COUNT(Id) FROM Case GROUP BY ROLLUP(Status, Priority)',
  "SELECT Id FROM Contact WHERE LastName LIKE 'o\\'%' AND Account.ShippingState IN ('CA', 'NY')",
  'SELECT OrderItemId__r.Order.Account.Owner.Name, IssueId__r.Name FROM Case WHERE IssueId__c != null',
  'SELECT SUM(Quantity), AVG(UnitPrice), MAX(UnitPrice) FROM OrderItem WHERE Product2.IsActive = true',
  'SELECT FIELDS(ALL) FROM Issue__c LIMIT 10',
  "SELECT Id, Title FROM Knowledge__kav WHERE PublishStatus = 'Online' AND Language = 'en_US'",
  'SELECT Id FROM Case WHERE (NOT (Status = \'New\' OR Status = \'Closed\')) AND CALENDAR_YEAR(CreatedDate) = 2024',
  'SELECT CaseId__c FROM CaseHistory__c WHERE Field__c = \'Owner Assignment\' GROUP BY CaseId__c HAVING COUNT(Id) = 1',
  'SELECT Id FROM Order WHERE EffectiveDate > 2024-01-01 AND Status IN (\'Activated\') OFFSET 1',
  'SELECT Id FROM User USING SCOPE everything WHERE Id NOT IN (SELECT OwnerId FROM Case)',
  // Forms the parser needs pre-passes for (parse.ts): ROLLUP over date functions, ORDER BY GROUPING()
  // with a direction, FROM alias notation; and FORMAT() around an aggregate.
  'SELECT CALENDAR_YEAR(CreatedDate) y, GROUPING(Status) g, COUNT(Id) FROM Case GROUP BY ROLLUP(CALENDAR_YEAR(CreatedDate), Status) ORDER BY GROUPING(Status) DESC, CALENDAR_YEAR(CreatedDate)',
  "SELECT c.LastName, a.Name FROM Contact c, c.Account a WHERE a.ShippingState = 'CA' ORDER BY c.LastName",
  'SELECT Status, FORMAT(MAX(CreatedDate)) latest FROM Case GROUP BY Status',
];

export const POOL = [
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'IN', 'NOT IN', 'LIKE', 'INCLUDES', 'GROUP BY', 'ORDER BY', 'HAVING', 'LIMIT', 'OFFSET',
  'NULLS LAST', 'DESC', 'ROLLUP(', 'CUBE(', 'GROUPING(', 'COUNT()', 'COUNT(Id)', 'MAX(', 'FIELDS(ALL)', 'TYPEOF', 'WITH SECURITY_ENFORCED', 'FOR VIEW',
  '(', ')', ',', '.', '=', '!=', '<>', '<', '>=', ':', ';', "'", '"', '\\', '%', '_', '*', '-', '$', '{', '}',
  "'x'", "''", "'\\'; DROP TABLE \"Case\"; --'", '1', '-1', '2.5', 'USD10', '99999999999999999999', '2024-01-01', '2024-13-45',
  '2024-01-01T00:00:00Z', 'TODAY', 'LAST_N_DAYS:3', 'LAST_N_DAYS:-1', 'N_DAYS_AGO:99999', 'NEXT_N_FISCAL_YEARS:2', 'true', 'null',
  'Id', 'Name', 'Subject', 'Status', 'Account.Name', 'Owner.Manager.Name', 'Cases', 'Case', 'Account', 'Bogus__c', 'a.b.c.d.e.f.g',
  'CALENDAR_YEAR(CreatedDate)', 'DAY_ONLY(CreatedDate)', 'convertTimezone(CreatedDate)', 'toLabel(Status)', '(SELECT Id FROM Cases)',
  '(SELECT AccountId FROM Case)', ':ids', 'é', '\u0000', '\n', '   ',
];

export function mutate(q: string, rnd: () => number): string {
  const toks = tokenize(q).map((t) => t.text);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const n = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < n && toks.length > 0; k++) {
    const i = Math.floor(rnd() * toks.length);
    switch (Math.floor(rnd() * 7)) {
      case 0: toks.splice(i, 1); break;
      case 1: toks.splice(i, 0, toks[i]!); break;
      case 2: if (i + 1 < toks.length) [toks[i], toks[i + 1]] = [toks[i + 1]!, toks[i]!]; break;
      case 3: toks[i] = pick(POOL); break;
      case 4: toks.splice(i, 0, pick(POOL)); break;
      case 5: toks.length = i; break;
      default: toks[i] = rnd() < 0.5 ? toks[i]!.toLowerCase() : toks[i]!.toUpperCase(); break;
    }
  }
  return toks.join(rnd() < 0.9 ? ' ' : '');
}

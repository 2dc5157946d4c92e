/**
 * The metadata texts of Pro's service tasks where they differ from CRMArena's (src/tasks/domain-text.ts),
 * verbatim from Pro's published `b2b` split ([B2BT], reference/crmarena.md §12.3): the Domain Details
 * every Pro record carries, and the Handle Time / Transfer Count policies whose case-count filter
 * "applies to both the first agent ... and the agent that the case was transferred to". Changing a
 * character here changes what agents read: keep them exact.
 */

/** `metadata.optional` of every Pro record (one text for all 22 keys in [B2BT]). */
export const PRO_DOMAIN_DETAILS = `# Domain Details
## Quarters of the Year
- Q1: January 1 to March 31 (both inclusive).
- Q2: April 1 to June 30 (both inclusive).
- Q3: July 1 to September 30 (both inclusive).
- Q4: October 1 to December 31 (both inclusive).
## Seasons
- Winter (2024): December 1, 2024 to February 28/29, 2025 (both inclusive), specifying the year to avoid ambiguity.
- Spring: March 1 to May 31 (both inclusive).
- Summer: June 1 to August 31 (both inclusive).
- Autumn/Fall: September 1 to November 30 (both inclusive).
## Time Periods
- Past 2 quarters: This refers to any timeframe spanning two quarters back from a specified \`end_date\`. (i.e. begins on the date calculated by subtracting six months from the end_date and ends on the end_date) That translates to a six-month period retrospectively from the \`end_date\`.
- Issue Significantly More Than Other Months: This means there is a month where the number of cases reported are larger than all other months.`;

/** Pro's filter rule: what the oracle looks for to count transferred-in cases too. */
export const BOTH_AGENTS_MARK = 'this filter applies to both the first agent that the case was first assigned to and the agent that the case was transferred to';

const BOTH_AGENTS_RULE = `- In the queries that specify 'agents managed/queries x cases' -- ${BOTH_AGENTS_MARK}. This means that if an agent has 2 cases that was initially assigned to itself by admin and 1 case transferred from another agent, a filter like 'handled/managed at least 3 cases' would not filter this agent out.`;
const OWNER_ASSIGNMENT_RULE =
  "- For cases that have NOT been transferred to an other agent, there will be only ONE 'Owner Assignment', and for those that have been transferred, there will be MORE THAN ONE 'Owner Assignment'. ";

export function proHandleTimeRequired(today: string): string {
  return `## Handle Time Policy
- Definition: The duration taken to close a case. Specifically, it is the time from when a case is opened to when it is closed.
${BOTH_AGENTS_RULE}
- When computing handle time, we do not compute handle time for cases that have been transferred to other agents.
${OWNER_ASSIGNMENT_RULE}

## Today's date: ${today}`;
}

export function proTransferCountRequired(today: string): string {
  return `## Transfer Count Policy
- Definition: The number of instances a case was reassigned or transferred from one agent to another. Each transfer from agent A to agent B adds to the transfer count for agent A.
${BOTH_AGENTS_RULE}
${OWNER_ASSIGNMENT_RULE}

## Today's date: ${today}`;
}

/**
 * The metadata texts CRMArena puts in every task's system prompt, verbatim from its create_tasks.py
 * (SalesforceAIResearch/CRMArena first commit a0f1a98, crm_sandbox/data/create_tasks.py), and the
 * query suffixes it appends. Changing a character here changes what agents read: keep them exact.
 */

const QUARTERS_INFO = `## Quarters of the Year
- Q1: January 1 to March 31 (both inclusive).
- Q2: April 1 to June 30 (both inclusive).
- Q3: July 1 to September 30 (both inclusive).
- Q4: October 1 to December 31 (both inclusive).`;

const SEASONS_INFO = `## Seasons
- Winter: December 1 to February 28/29 (both inclusive).
- Spring: March 1 to May 31 (both inclusive).
- Summer: June 1 to August 31 (both inclusive).
- Autumn/Fall: September 1 to November 30 (both inclusive).`;

const TIME_PERIODS_INFO = `## Time Periods
- Past 2 quarters: This refers to any timeframe spanning two quarters back from a specified \`end_date\`. That translates to a six-month period retrospectively from the \`end_date\`.
- Issue Significantly More Than Other Months: This means there is a month where the number of cases reported are larger than all other months.`;

/** `metadata.optional`: the same for every task. */
export const DOMAIN_DETAILS = '# Domain Details\n' + [QUARTERS_INFO, SEASONS_INFO, TIME_PERIODS_INFO].join('\n');

const FIRST_AGENT_RULE =
  "- In the queries that specify 'agents managed/queries x cases' -- this filter applies to the first agent that the case was first assigned to. This means that if an agent has 2 cases that was initially assigned to itself by admin and 1 case transferred from another agent, a filter like 'handled/managed at least 3 cases' would filter this agent out.";
const OWNER_ASSIGNMENT_RULE =
  "- For cases that have NOT been transferred to an other agent, there will be only ONE 'Owner Assignment', and for those that have been transferred, there will be MORE THAN ONE 'Owner Assignment'. ";

export function handleTimeRequired(today: string): string {
  return `## Handle Time Policy
- Definition: The duration taken to close a case. Specifically, it is the time from when a case is opened to when it is closed.
${FIRST_AGENT_RULE}
- When computing handle time, we do not compute handle time for cases that have been transferred to other agents.
${OWNER_ASSIGNMENT_RULE}

## Today's date: ${today}`;
}

export function transferCountRequired(today: string): string {
  return `## Transfer Count Policy
- Definition: The number of instances a case was reassigned or transferred from one agent to another. Each transfer from agent A to agent B adds to the transfer count for agent A.
${FIRST_AGENT_RULE}
${OWNER_ASSIGNMENT_RULE}

## Today's date: ${today}`;
}

export const KNOWLEDGE_QA_REQUIRED =
  '- Use the information retrieved from the knowledge articles to answer the question in a concise manner';

export const CASE_ROUTING_REQUIRED = `## Case Routing Policy
The case routing policy determines the best agent to assign the given new case based on the following criteria
- Issue Expertise: The agent who has closed the most cases associated with the issue most similar to the given case.
- Product Expertise: If there is a tie in issue expertise, the best agent is the one who has solved the most cases associated with the product most relevant to the given case.
- Workload: If there is still a tie, the best agent is the one that has least cases with Status not 'Closed'.
`;

export function caseRoutingQuery(subject: string, description: string): string {
  return `Use the case routing policy to determine the most suitable agent for the given case. Return only the Id of the agent.
## Given Case
- Case Subject: ${subject}
- Case Description: ${description}`;
}

export function nedRequired(contactId: string, today: string): string {
  return `- Contact Id interacting: ${contactId}\n- Today's date: ${today}`;
}

export function pviRequired(caseId: string): string {
  return `- Case Id to be considered is: ${caseId}`;
}

export function todayRequired(today: string): string {
  return `- Today's date: ${today}`;
}

export const SUFFIX = {
  agentId: 'Return only the Id of the agent.',
  ned: "Return only the Id of the product from the contact's relevant past transaction.",
  pvi: 'Return only the Id of the knowledge article or None if no violation is found.',
  tii: (productId: string) =>
    `The associated product Id is ${productId}. Return only the issue Id of the most reported issue for this product.`,
  bri: 'Return only the two-letter abbreviation of the most matching state (eg. CA).',
  mta: (productId: string) => `The associated product Id is ${productId}. Return only the month name.`,
};

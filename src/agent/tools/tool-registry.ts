/**
 * The tool sets of the function-calling strategies (reference/crmarena.md §7): `TOOLS`, the 25
 * CRMArena functions of `tool_call`, and `TOOLS_FULL`, those plus raw SOQL and SOSL, for
 * `tool_call_flex`. `invokeTool` calls one the way ToolEnv does: keyword arguments checked as Python
 * would check them, any failure rendered `Error: ...`, an unknown name `Unknown action <name>`.
 */
import { CASE_MATH_TOOLS } from './case-math-tools.ts';
import { ORG_QUERY_TOOLS, RAW_QUERY_TOOLS } from './org-query-tools.ts';
import { PERIOD_TOOLS } from './period-tools.ts';
import { schemas, type ToolContext, type ToolDef } from './tool-types.ts';

/** Ends the episode; ToolEnv scores its `content`. */
export const RESPOND_TOOL: ToolDef = {
  name: 'respond',
  description: 'Submit the final answer to the user: ONLY the answer, or None if nothing matches.',
  params: [{ name: 'content', schema: schemas.str('The final answer.') }],
  run: ({ content }) => content,
};

const M = CASE_MATH_TOOLS;
const P = PERIOD_TOOLS;
const Q = ORG_QUERY_TOOLS;

/** The 25 functions, in the benchmark's order. */
export const TOOLS: readonly ToolDef[] = [
  M.get_agents_with_max_cases,
  M.get_agents_with_min_cases,
  M.calculate_average_handle_time,
  P.get_start_date,
  P.get_period,
  Q.get_agent_handled_cases_by_period,
  M.get_qualified_agent_ids_by_case_count,
  Q.get_cases,
  Q.get_non_transferred_case_ids,
  Q.get_agent_transferred_cases_by_period,
  Q.get_shipping_state,
  M.calculate_region_average_closure_times,
  Q.get_order_item_ids_by_product,
  Q.get_issue_counts,
  M.find_id_with_max_value,
  M.find_id_with_min_value,
  Q.get_account_id_by_contact_id,
  Q.get_purchase_history,
  M.get_month_to_case_count,
  Q.search_knowledge_articles,
  Q.search_products,
  Q.get_issues,
  RESPOND_TOOL,
  Q.get_livechat_transcript_by_case_id,
  Q.get_email_messages_by_case_id,
];

export const TOOLS_FULL: readonly ToolDef[] = [...TOOLS, RAW_QUERY_TOOLS.issue_soql_query, RAW_QUERY_TOOLS.issue_sosl_query];

export type InvokeResult = { kind: 'ok'; value: unknown } | { kind: 'unknown'; text: string };

/** Python's wording for a call with missing or unexpected keyword arguments (a TypeError). */
export function signatureError(tool: ToolDef, args: Record<string, unknown>): string | undefined {
  const known = new Set(tool.params.map((p) => p.name));
  const extra = Object.keys(args).find((k) => !known.has(k));
  if (extra !== undefined) return `${tool.name}() got an unexpected keyword argument '${extra}'`;
  const missing = tool.params.filter((p) => !p.optional && !(p.name in args)).map((p) => `'${p.name}'`);
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : missing.length === 2 ? `${missing[0]} and ${missing[1]}` : `${missing.slice(0, -1).join(', ')}, and ${missing.at(-1)}`;
  return `${tool.name}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`;
}

export async function invokeTool(tools: readonly ToolDef[], name: string, args: Record<string, unknown>, ctx: ToolContext): Promise<InvokeResult> {
  const tool = tools.find((t) => t.name === name);
  if (!tool) return { kind: 'unknown', text: `Unknown action ${name}` };
  const sig = signatureError(tool, args);
  if (sig) return { kind: 'ok', value: `Error: ${sig}` };
  return { kind: 'ok', value: await tool.run(args, ctx) };
}

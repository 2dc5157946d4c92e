/**
 * CRMArena's own tool set (the functions of the benchmark's `tool_call_flex` strategy, as the
 * harness implements them in src/agent/tools/), offered over MCP: the same implementations, the
 * same JSON schemas the harness gives models (converted to zod for the SDK), over the same
 * Connector. `respond` is left out: it ends a harness episode, which has no meaning to an MCP host.
 *
 * A tool that reports a failure the benchmark's way (a string `Error: ...`, or the connector's
 * `ERRORCODE: message` for an org error) is sent as a tool error with that text.
 */
import * as z from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Connector, type RunQueryResult } from '../agent/connector.ts';
import { invokeTool, RESPOND_TOOL, TOOLS_FULL } from '../agent/tools/tool-registry.ts';
import { toolSchema, type ToolDef } from '../agent/tools/tool-types.ts';
import type { OrgClient } from './org-client.ts';
import { toolError, toolValue } from './tool-result.ts';

export const CRMARENA_TOOLS: readonly ToolDef[] = TOOLS_FULL.filter((t) => t !== RESPOND_TOOL);

/** The tool's parameters as a zod object, from the JSON schema the harness sends models. */
export function crmarenaInputSchema(t: ToolDef): z.ZodType {
  return z.fromJSONSchema(toolSchema(t).function.parameters as Parameters<typeof z.fromJSONSchema>[0]);
}

/** The connector the benchmark's tools call, noting each org error it turned into text. */
class NotingConnector extends Connector {
  readonly orgErrors: string[] = [];
  override async runQuery(query: string): Promise<RunQueryResult> {
    const r = await super.runQuery(query);
    if (!r.ok) this.orgErrors.push(r.error);
    return r;
  }
}

export async function runCrmarenaTool(t: ToolDef, args: Record<string, unknown>, client: OrgClient): Promise<CallToolResult> {
  const connector = new NotingConnector(client);
  const result = await invokeTool(CRMARENA_TOOLS, t.name, args, { connector });
  if (result.kind === 'unknown') return toolError(result.text);
  const v = result.value;
  if (typeof v === 'string' && (v.startsWith('Error: ') || connector.orgErrors.includes(v))) return toolError(v);
  return toolValue(v);
}

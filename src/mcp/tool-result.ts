/**
 * MCP tool results. A value is sent as JSON text (a string as it is); an org error is a tool error
 * (`isError: true`, which MCP reserves for failures the model should see and can act on) whose
 * text is Salesforce's own: `ERRORCODE: message`, as CRMArena's connector renders it.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { SalesforceApiError } from '../agent/salesforce-client.ts';

export function toolValue(value: unknown): CallToolResult {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null, null, 2);
  return { content: [{ type: 'text', text }] };
}

export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** Run `f`; a Salesforce error becomes a tool error in Salesforce's words, anything else is rethrown. */
export async function orgCall(f: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return toolValue(await f());
  } catch (e) {
    if (e instanceof SalesforceApiError) return toolError(`${e.errorCode}: ${e.message}`);
    throw e;
  }
}

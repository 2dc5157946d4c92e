/**
 * The Salesforce REST tools: one per REST resource an agent needs (query, search, describe, record
 * CRUD), each a plain REST call through OrgClient, answering with Salesforce's own response body
 * (reference/salesforce-api.md), so what a model learns here holds against a real org.
 */
import * as z from 'zod';
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { OrgClient } from './org-client.ts';

export interface RestTool {
  name: string;
  title: string;
  description: string;
  inputSchema: z.ZodRawShape;
  annotations: ToolAnnotations;
  run(args: Record<string, unknown>, client: OrgClient): Promise<unknown>;
}

const sobject = z.string().min(1).describe("The sObject's API name, e.g. 'Account' or 'Issue__c'.");
const recordId = z.string().min(1).describe('The record Id (15 or 18 characters).');
const fieldValues = z.record(z.string(), z.unknown()).describe("Field API names and values, e.g. {\"Name\": \"Acme\", \"Status\": \"New\"}.");

const READ: ToolAnnotations = { readOnlyHint: true, openWorldHint: false };
const seg = (s: unknown) => encodeURIComponent(String(s));

function tool<S extends z.ZodRawShape>(t: Omit<RestTool, 'inputSchema' | 'run'> & { inputSchema: S; run(args: z.infer<z.ZodObject<S>>, client: OrgClient): Promise<unknown> }): RestTool {
  return t as unknown as RestTool;
}

export const REST_TOOLS: readonly RestTool[] = [
  tool({
    name: 'soql_query',
    title: 'SOQL query',
    description:
      'Run a SOQL query (GET /services/data/vXX.X/query). Returns Salesforce\'s body: {totalSize, done, records, nextRecordsUrl?}; up to 2000 records per page, more with query_more.',
    inputSchema: {
      query: z.string().min(1).describe("A SOQL query, e.g. SELECT Id, Name FROM Account WHERE Name LIKE 'A%' LIMIT 10"),
      include_deleted: z.boolean().optional().describe('Use queryAll: include deleted records (IsDeleted = true).'),
    },
    annotations: READ,
    run: ({ query, include_deleted }, c) => c.request('GET', c.dataPath(`/${include_deleted ? 'queryAll' : 'query'}?q=${encodeURIComponent(query)}`)),
  }),
  tool({
    name: 'query_more',
    title: 'Next page of a SOQL query',
    description: 'Fetch the next page of a query result: pass the nextRecordsUrl a soql_query (or query_more) answered with.',
    inputSchema: {
      next_records_url: z
        .string()
        .regex(/^\/services\/data\/v\d+\.\d+\/query(All)?\/[\w-]+$/, 'must be a nextRecordsUrl, e.g. /services/data/v59.0/query/01gxx0000000001-2000')
        .describe('The nextRecordsUrl value, e.g. /services/data/v59.0/query/01g...-2000'),
    },
    annotations: READ,
    run: ({ next_records_url }, c) => c.request('GET', next_records_url),
  }),
  tool({
    name: 'sosl_search',
    title: 'SOSL search',
    description: "Run a SOSL search (GET /services/data/vXX.X/search), e.g. FIND {Acme*} IN NAME FIELDS RETURNING Account(Id, Name). Returns {searchRecords}.",
    inputSchema: { search: z.string().min(1).describe('A SOSL search string starting with FIND.') },
    annotations: READ,
    run: ({ search }, c) => c.request('GET', c.dataPath(`/search?q=${encodeURIComponent(search)}`)),
  }),
  tool({
    name: 'describe_global',
    title: 'List sObjects',
    description: 'List the org\'s sObjects with their labels, key prefixes and capabilities (GET /services/data/vXX.X/sobjects).',
    inputSchema: {},
    annotations: READ,
    run: (_args, c) => c.request('GET', c.dataPath('/sobjects')),
  }),
  tool({
    name: 'describe_sobject',
    title: 'Describe an sObject',
    description: "An sObject's full describe: fields (name, type, length, picklist values, referenceTo...), child relationships, record types (GET .../sobjects/{sobject}/describe).",
    inputSchema: { sobject },
    annotations: READ,
    run: ({ sobject: s }, c) => c.request('GET', c.dataPath(`/sobjects/${seg(s)}/describe`)),
  }),
  tool({
    name: 'get_record',
    title: 'Get a record',
    description: 'Read one record by Id (GET .../sobjects/{sobject}/{id}); all fields unless `fields` is given.',
    inputSchema: { sobject, id: recordId, fields: z.array(z.string().min(1)).optional().describe('Field API names to return.') },
    annotations: READ,
    run: ({ sobject: s, id, fields }, c) =>
      c.request('GET', c.dataPath(`/sobjects/${seg(s)}/${seg(id)}${fields && fields.length > 0 ? `?fields=${encodeURIComponent(fields.join(','))}` : ''}`)),
  }),
  tool({
    name: 'create_record',
    title: 'Create a record',
    description: 'Create a record (POST .../sobjects/{sobject}). Returns {id, success, errors}.',
    inputSchema: { sobject, fields: fieldValues },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    run: ({ sobject: s, fields }, c) => c.request('POST', c.dataPath(`/sobjects/${seg(s)}`), fields),
  }),
  tool({
    name: 'update_record',
    title: 'Update a record',
    description: 'Update fields of a record (PATCH .../sobjects/{sobject}/{id}); Salesforce answers 204 No Content.',
    inputSchema: { sobject, id: recordId, fields: fieldValues },
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    async run({ sobject: s, id, fields }, c) {
      await c.request('PATCH', c.dataPath(`/sobjects/${seg(s)}/${seg(id)}`), fields);
      return { id, success: true };
    },
  }),
  tool({
    name: 'delete_record',
    title: 'Delete a record',
    description: 'Delete a record (DELETE .../sobjects/{sobject}/{id}); Salesforce answers 204 No Content.',
    inputSchema: { sobject, id: recordId },
    annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    async run({ sobject: s, id }, c) {
      await c.request('DELETE', c.dataPath(`/sobjects/${seg(s)}/${seg(id)}`));
      return { id, success: true };
    },
  }),
];

/**
 * The CRMArena tools that query the org: each builds the same SOQL/SOSL text as the benchmark's
 * `functions.py` (values pasted in, Python tuple syntax for `IN` lists) and runs it through the
 * connector, so the server sees exactly the queries the benchmark sends (reference/crmarena.md §7).
 * When the connector reports an org error, most tools return that `ERRORCODE: message` string.
 */
import { PyDefaultDict, pyRepr, pyStr, pyTupleRepr } from '../python-repr.ts';
import { pyTypeName } from './case-math-tools.ts';
import { parseIsoZ } from './python-dates.ts';
import { isDict, isList, isStr, schemas, truthy, unexpected, type ToolContext, type ToolDef } from './tool-types.ts';

const DATE_HELP = "in Salesforce datetime format 'YYYY-MM-DDTHH:MM:SSZ' (e.g. '2023-01-01T00:00:00Z')";

/** `= 'x'` for one item, `IN ('a', 'b')` (Python tuple repr) for several, as the benchmark writes it. */
function eqOrIn(field: string, items: unknown[]): string {
  return items.length === 1 ? `${field} = '${pyStr(items[0])}'` : `${field} IN ${pyTupleRepr(items)}`;
}

/** `IN ('a','b')` built with `"','".join(...)`, the other spelling the benchmark uses. */
function quotedJoin(items: unknown[]): string {
  return `('${items.map(pyStr).join("','")}')`;
}

async function run(ctx: ToolContext, query: string) {
  return ctx.connector.runQuery(query);
}

const getAgentHandledCasesByPeriod: ToolDef = {
  name: 'get_agent_handled_cases_by_period',
  description:
    "Returns, for each agent, the number of cases assigned to them ('Owner Assignment' entries of CaseHistory__c) between start_date and end_date.",
  params: [
    { name: 'start_date', schema: schemas.str(`The start of the period, ${DATE_HELP}.`) },
    { name: 'end_date', schema: schemas.str(`The end of the period, ${DATE_HELP}.`) },
  ],
  async run({ start_date, end_date }, ctx) {
    if (!isStr(start_date) || !isStr(end_date)) return 'Error: start_date and end_date must be strings';
    if (!parseIsoZ(start_date) || !parseIsoZ(end_date)) return "Error: Invalid date format. Use 'YYYY-MM-DDTHH:MM:SSZ'";
    const r = await run(
      ctx,
      `SELECT NewValue__c, CreatedDate FROM CaseHistory__c WHERE CreatedDate >= ${start_date} AND CreatedDate <= ${end_date} AND Field__c = 'Owner Assignment'`,
    );
    if (!r.ok) return r.error;
    if (r.records.length === 0) return {};
    const counts: Record<string, number> = {};
    for (const rec of r.records) {
      const id = pyKey(rec.NewValue__c);
      counts[id] = (counts[id] ?? 0) + 1;
    }
    // The benchmark returns its defaultdict(int) as is, so the model reads `defaultdict(<class 'int'>, {...})`.
    return new PyDefaultDict(counts);
  },
};

const getCases: ToolDef = {
  name: 'get_cases',
  description:
    'Retrieves cases (OwnerId, CreatedDate, ClosedDate, AccountId) matching the given filters: CreatedDate in [start_date, end_date), and owner, case, order item, issue and status lists. At least one filter is required.',
  params: [
    { name: 'start_date', optional: true, schema: schemas.str(`Cases created at or after this date, ${DATE_HELP}.`) },
    { name: 'end_date', optional: true, schema: schemas.str(`Cases created before this date, ${DATE_HELP}.`) },
    { name: 'agent_ids', optional: true, schema: schemas.strList('Agent (User) IDs to filter cases by owner.') },
    { name: 'case_ids', optional: true, schema: schemas.strList('Case IDs to filter by.') },
    { name: 'order_item_ids', optional: true, schema: schemas.strList('Order item IDs (OrderItemId__c) to filter by.') },
    { name: 'issue_ids', optional: true, schema: schemas.strList('Issue IDs (IssueId__c) to filter by.') },
    { name: 'statuses', optional: true, schema: schemas.strList("Case statuses to filter by, e.g. ['Closed'].") },
  ],
  async run(a, ctx) {
    const cond: string[] = [];
    if (truthy(a.start_date)) {
      if (!isStr(a.start_date)) return 'Error: start_date must be a string in Salesforce datetime format';
      if (!parseIsoZ(a.start_date)) return "Error: start_date must be in the format 'YYYY-MM-DDTHH:MM:SSZ'";
      cond.push(`CreatedDate >= ${a.start_date}`);
    }
    if (truthy(a.end_date)) {
      if (!isStr(a.end_date)) return 'Error: end_date must be a string in Salesforce datetime format';
      if (!parseIsoZ(a.end_date)) return "Error: end_date must be in the format 'YYYY-MM-DDTHH:MM:SSZ'";
      cond.push(`CreatedDate < ${a.end_date}`);
    }
    const lists: [string, string, string][] = [
      ['agent_ids', 'OwnerId', 'agent_ids'],
      ['case_ids', 'Id', 'case_ids'],
      ['order_item_ids', 'OrderItemId__c', 'order_item_ids'],
      ['issue_ids', 'IssueId__c', 'issue_ids'],
      ['statuses', 'Status', 'statuses'],
    ];
    for (const [arg, field, label] of lists) {
      const v = a[arg];
      if (!truthy(v)) continue;
      if (!isList(v)) return `Error: ${label} must be a list`;
      cond.push(eqOrIn(field, v));
    }
    if (cond.length === 0) return 'Error: At least one filter criteria must be provided';
    const r = await run(ctx, `SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE ${cond.join(' AND ')}`);
    return r.ok ? r.records : r.error;
  },
};

const getNonTransferredCaseIds: ToolDef = {
  name: 'get_non_transferred_case_ids',
  description:
    "Returns the IDs of cases with exactly one 'Owner Assignment' in CaseHistory__c between start_date and end_date, i.e. cases not transferred to another agent.",
  params: [
    { name: 'start_date', schema: schemas.str(`The start of the period, ${DATE_HELP}.`) },
    { name: 'end_date', schema: schemas.str(`The end of the period, ${DATE_HELP}.`) },
  ],
  async run({ start_date, end_date }, ctx) {
    if (!isStr(start_date) || !isStr(end_date)) return 'Error: start_date and end_date must be strings';
    if (!parseIsoZ(start_date) || !parseIsoZ(end_date)) return "Error: start_date and end_date must be in the format 'YYYY-MM-DDTHH:MM:SSZ'";
    const r = await run(
      ctx,
      `SELECT CaseId__c FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND CreatedDate >= ${start_date} AND CreatedDate <= ${end_date} GROUP BY CaseId__c HAVING COUNT(Id) = 1`,
    );
    if (!r.ok) return r.error;
    if (r.records.length > 0 && !('CaseId__c' in r.records[0]!)) return unexpected("'CaseId__c'");
    return r.records.map((rec) => rec.CaseId__c);
  },
};

const getAgentTransferredCasesByPeriod: ToolDef = {
  name: 'get_agent_transferred_cases_by_period',
  description:
    "Returns, for each agent, the number of cases they transferred to another agent ('Owner Assignment' entries with a previous owner) between start_date and end_date, optionally only for the given agents.",
  params: [
    { name: 'start_date', schema: schemas.str(`The start of the period, ${DATE_HELP}.`) },
    { name: 'end_date', schema: schemas.str(`The end of the period, ${DATE_HELP}.`) },
    { name: 'qualified_agent_ids', optional: true, schema: schemas.strList('Only count transfers by these agent (User) IDs.') },
  ],
  async run({ start_date, end_date, qualified_agent_ids = [] }, ctx) {
    if (!isStr(start_date) || !isStr(end_date)) return 'Error: start_date and end_date must be strings';
    if (!isList(qualified_agent_ids)) return 'Error: qualified_agent_ids must be a list';
    if (!parseIsoZ(start_date) || !parseIsoZ(end_date)) return "Error: start_date and end_date must be in the format 'YYYY-MM-DDTHH:MM:SSZ'";
    const r = await run(
      ctx,
      `SELECT OldValue__c, CreatedDate FROM CaseHistory__c WHERE Field__c = 'Owner Assignment' AND OldValue__c != NULL AND CreatedDate >= ${start_date} AND CreatedDate <= ${end_date}`,
    );
    if (!r.ok) return r.error;
    const counts: Record<string, number> = {};
    for (const rec of r.records) {
      if (!('OldValue__c' in rec)) continue;
      const id = rec.OldValue__c;
      if (qualified_agent_ids.length > 0 && !qualified_agent_ids.includes(id)) continue;
      const key = pyKey(id);
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  },
};

const getShippingState: ToolDef = {
  name: 'get_shipping_state',
  description: "Adds the 'ShippingState' of each case's account to the given cases and returns them.",
  params: [{ name: 'cases', schema: schemas.cases(['AccountId'], "A list of case records, each with an 'AccountId'.") }],
  async run({ cases }, ctx) {
    if (!isList(cases)) return "Error: Input 'cases' must be a list";
    if (cases.length === 0) return cases;
    for (const c of cases) {
      if (!isDict(c)) return "Error: Each case in 'cases' must be a dictionary";
      if (!('AccountId' in c)) return "Error: Each case dictionary must contain an 'AccountId' key";
    }
    const accountIds = (cases as Record<string, unknown>[]).map((c) => c.AccountId);
    const r = await run(ctx, `SELECT Id, ShippingState FROM Account ${accountIds.length === 1 ? `WHERE Id = '${pyStr(accountIds[0])}'` : `WHERE Id IN ${pyTupleRepr(accountIds)}`}`);
    if (!r.ok) return r.error;
    const states = new Map<unknown, unknown>();
    for (const rec of r.records) {
      // `record['ShippingState']` raises KeyError when the connector dropped an all-null column.
      if (!('Id' in rec)) return unexpected("'Id'");
      if (!('ShippingState' in rec)) return unexpected("'ShippingState'");
      states.set(rec.Id, rec.ShippingState);
    }
    return (cases as Record<string, unknown>[]).map((c) => ({ ...c, ShippingState: states.get(c.AccountId) ?? null }));
  },
};

const getOrderItemIdsByProduct: ToolDef = {
  name: 'get_order_item_ids_by_product',
  description: 'Returns the IDs of the order items of the given product.',
  params: [{ name: 'product_id', schema: schemas.str('The ID of the product (Product2).') }],
  async run({ product_id }, ctx) {
    if (!isStr(product_id)) return 'Error: product_id must be a string';
    if (!product_id) return 'Error: product_id cannot be empty';
    const r = await run(ctx, `SELECT Id FROM OrderItem WHERE Product2Id = '${product_id}'`);
    if (!r.ok) return r.error;
    return r.records.map((rec) => rec.Id);
  },
};

const getIssueCounts: ToolDef = {
  name: 'get_issue_counts',
  description:
    'Returns, for each issue ID, the number of cases about the given order items created between start_date and end_date (both inclusive).',
  params: [
    { name: 'start_date', schema: schemas.str(`The start of the period, ${DATE_HELP}.`) },
    { name: 'end_date', schema: schemas.str(`The end of the period, ${DATE_HELP}.`) },
    { name: 'order_item_ids', schema: schemas.strList('Order item IDs (OrderItemId__c) the cases must relate to.') },
  ],
  async run({ start_date, end_date, order_item_ids }, ctx) {
    if (!isStr(start_date) || !isStr(end_date)) return 'Error: start_date and end_date must be strings';
    if (!isList(order_item_ids) || order_item_ids.length === 0) return 'Error: order_item_ids must be a non-empty list';
    const r = await run(
      ctx,
      `SELECT IssueId__c, COUNT(Id) IssueCount FROM Case WHERE OrderItemId__c IN ${quotedJoin(order_item_ids)} AND CreatedDate >= ${start_date} AND CreatedDate <= ${end_date} GROUP BY IssueId__c ORDER BY COUNT(Id) DESC`,
    );
    if (!r.ok) return r.error;
    const out: Record<string, unknown> = {};
    for (const rec of r.records) {
      if (!('IssueId__c' in rec)) return unexpected("'IssueId__c'");
      out[pyKey(rec.IssueId__c)] = rec.IssueCount;
    }
    return out;
  },
};

const getAccountIdByContactId: ToolDef = {
  name: 'get_account_id_by_contact_id',
  description: 'Returns the Account ID of the given contact.',
  params: [{ name: 'contact_id', schema: schemas.str('The ID of the contact.') }],
  async run({ contact_id }, ctx) {
    if (!isStr(contact_id)) return 'Error: contact_id must be a string';
    if (!contact_id) return 'Error: contact_id cannot be empty';
    const r = await run(ctx, `SELECT AccountId FROM Contact WHERE Id = '${contact_id}' LIMIT 1`);
    if (!r.ok) return r.error;
    if (r.records.length === 0) return [];
    if (!('AccountId' in r.records[0]!)) return unexpected("'AccountId'");
    return r.records[0]!.AccountId;
  },
};

const getPurchaseHistory: ToolDef = {
  name: 'get_purchase_history',
  description:
    "Returns the order items (Product2Id) of activated orders of the given account whose effective date is the date part of purchase_date, restricted to the given products.",
  params: [
    { name: 'account_id', schema: schemas.str('The ID of the account.') },
    { name: 'purchase_date', schema: schemas.str(`The purchase date, ${DATE_HELP}.`) },
    { name: 'related_product_ids', schema: schemas.strList('The product IDs to look for.') },
  ],
  async run({ account_id, purchase_date, related_product_ids }, ctx) {
    if (!isStr(account_id)) return 'Error: account_id must be a string';
    if (!isStr(purchase_date)) return 'Error: purchase_date must be a string';
    if (!isList(related_product_ids)) return 'Error: related_product_ids must be a list';
    if (!related_product_ids.every(isStr)) return 'Error: All product IDs in related_product_ids must be strings';
    if (!parseIsoZ(purchase_date)) return "Error: purchase_date must be in 'YYYY-MM-DDTHH:MM:SSZ' format";
    const r = await run(
      ctx,
      `SELECT Product2Id FROM OrderItem WHERE OrderItem.Order.AccountId = '${account_id}' AND OrderItem.Order.EffectiveDate = ${purchase_date.split('T')[0]} AND Product2Id IN ${quotedJoin(related_product_ids)} AND OrderItem.Order.Status = 'Activated'`,
    );
    return r.ok ? r.records : r.error;
  },
};

const searchKnowledgeArticles: ToolDef = {
  name: 'search_knowledge_articles',
  description: "Searches the published knowledge articles for the given keywords. Returns a list of {'Id', 'Title', 'Content'}.",
  params: [{ name: 'search_term', schema: schemas.str('Keywords to search the knowledge articles for.'), schemaRequired: false }],
  async run({ search_term }, ctx) {
    if (!isStr(search_term)) return 'Error: search_term must be a string';
    if (!search_term.trim()) return 'Error: search_term cannot be empty';
    const r = await run(
      ctx,
      `FIND {${search_term}} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')`,
    );
    if (!r.ok) return r.error;
    return r.records.map((rec) => ({ Id: rec.Id ?? '', Title: rec.Title ?? '', Content: rec.FAQ_Answer__c ?? '' }));
  },
};

const searchProducts: ToolDef = {
  name: 'search_products',
  description: 'Searches the products for the given term. Returns a list of product IDs.',
  params: [{ name: 'search_term', schema: schemas.str('The term to search the products for.') }],
  async run({ search_term }, ctx) {
    if (!isStr(search_term)) return 'Error: search_term must be a string';
    if (!search_term.trim()) return 'Error: search_term cannot be empty';
    const r = await run(ctx, `FIND {${search_term}} IN ALL FIELDS RETURNING Product2(Id, Name, Description)`);
    if (!r.ok) return r.error;
    for (const rec of r.records) if (!('Id' in rec)) return unexpected("'Id'");
    return r.records.map((rec) => rec.Id);
  },
};

const getIssues: ToolDef = {
  name: 'get_issues',
  description: 'Returns every issue record (Id, Name).',
  params: [],
  async run(_a, ctx) {
    const r = await run(ctx, 'SELECT Id, Name FROM Issue__c');
    return r.ok ? r.records : r.error;
  },
};

const getLivechatTranscriptByCaseId: ToolDef = {
  name: 'get_livechat_transcript_by_case_id',
  description: 'Returns the live chat transcripts (Body, EndTime) of the given case.',
  params: [{ name: 'case_id', schema: schemas.str('The ID of the case.') }],
  async run({ case_id }, ctx) {
    if (!isStr(case_id)) return 'Error: case_id must be a string';
    const r = await run(ctx, `SELECT Body, EndTime FROM LiveChatTranscript WHERE CaseId = '${case_id}'`);
    return r.ok ? r.records : r.error;
  },
};

const getEmailMessagesByCaseId: ToolDef = {
  name: 'get_email_messages_by_case_id',
  description: 'Returns the email messages (Subject, TextBody, FromAddress, ToAddress, MessageDate) of the given case.',
  params: [{ name: 'case_id', schema: schemas.str('The ID of the case.') }],
  async run({ case_id }, ctx) {
    if (!isStr(case_id)) return 'Error: case_id must be a string';
    const r = await run(ctx, `SELECT Subject, TextBody, FromAddress, ToAddress, MessageDate FROM EmailMessage WHERE ParentId = '${case_id}'`);
    return r.ok ? r.records : r.error;
  },
};

const issueSoqlQuery: ToolDef = {
  name: 'issue_soql_query',
  description: 'Runs a SOQL query on the Salesforce instance and returns the records.',
  params: [{ name: 'query', schema: schemas.str('A valid SOQL query.') }],
  async run({ query }, ctx) {
    // The benchmark passes the value straight to run_query, whose `query.startswith` then raises.
    if (!isStr(query)) return `Error: '${pyTypeName(query)}' object has no attribute 'startswith'`;
    const r = await run(ctx, query);
    return r.ok ? r.records : r.error;
  },
};

const issueSoslQuery: ToolDef = {
  name: 'issue_sosl_query',
  description: 'Runs a SOSL search on the Salesforce instance and returns the records found.',
  params: [{ name: 'query', schema: schemas.str('A valid SOSL query.') }],
  async run({ query }, ctx) {
    // The benchmark passes the value straight to run_query, whose `query.startswith` then raises.
    if (!isStr(query)) return `Error: '${pyTypeName(query)}' object has no attribute 'startswith'`;
    const r = await run(ctx, query);
    return r.ok ? r.records : r.error;
  },
};

/** A Python dict key from a JSON value: None stays `None`, other values by their text. */
function pyKey(v: unknown): string {
  return v === null || v === undefined ? 'None' : typeof v === 'string' ? v : pyRepr(v);
}

export const ORG_QUERY_TOOLS = {
  get_agent_handled_cases_by_period: getAgentHandledCasesByPeriod,
  get_cases: getCases,
  get_non_transferred_case_ids: getNonTransferredCaseIds,
  get_agent_transferred_cases_by_period: getAgentTransferredCasesByPeriod,
  get_shipping_state: getShippingState,
  get_order_item_ids_by_product: getOrderItemIdsByProduct,
  get_issue_counts: getIssueCounts,
  get_account_id_by_contact_id: getAccountIdByContactId,
  get_purchase_history: getPurchaseHistory,
  search_knowledge_articles: searchKnowledgeArticles,
  search_products: searchProducts,
  get_issues: getIssues,
  get_livechat_transcript_by_case_id: getLivechatTranscriptByCaseId,
  get_email_messages_by_case_id: getEmailMessagesByCaseId,
} satisfies Record<string, ToolDef>;

export const RAW_QUERY_TOOLS = { issue_soql_query: issueSoqlQuery, issue_sosl_query: issueSoslQuery } satisfies Record<string, ToolDef>;

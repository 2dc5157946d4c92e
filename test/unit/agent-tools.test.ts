import { describe, expect, it } from 'vitest';
import { Connector, preprocessQuery } from '../../src/agent/connector.ts';
import { parseJsonPythonFloats } from '../../src/agent/python-json.ts';
import { PyDefaultDict, PyFloat, pyRepr, pyStr, pyTupleRepr } from '../../src/agent/python-repr.ts';
import { SalesforceApiError, type SalesforceApi, type SfRecord } from '../../src/agent/salesforce-client.ts';
import { invokeTool, signatureError, TOOLS, TOOLS_FULL } from '../../src/agent/tools/tool-registry.ts';
import { toolSchema } from '../../src/agent/tools/tool-types.ts';
import { buildSchemaString } from '../../src/agent/schema-string.ts';

/** An org stand-in that records the queries it receives and answers from a table. */
function stubApi(answer: (q: string) => SfRecord[] | SalesforceApiError): SalesforceApi & { seen: string[] } {
  const seen: string[] = [];
  const reply = (q: string) => {
    seen.push(q);
    const a = answer(q);
    if (a instanceof SalesforceApiError) throw a;
    return a;
  };
  return {
    seen,
    async queryAll(q) {
      const records = reply(q);
      return { totalSize: records.length, records };
    },
    async search(q) {
      return reply(q);
    },
  };
}

const call = async (name: string, args: Record<string, unknown>, api: SalesforceApi = stubApi(() => [])) => {
  const r = await invokeTool(TOOLS_FULL, name, args, { connector: new Connector(api) });
  return r.kind === 'ok' ? pyStr(r.value) : r.text;
};

describe('python repr (what the benchmark shows the model)', () => {
  it('prints records as Python dicts', () => {
    expect(pyRepr([{ Id: '005A', IsActive: true, ClosedDate: null, n: 3, x: 1.5 }])).toBe("[{'Id': '005A', 'IsActive': True, 'ClosedDate': None, 'n': 3, 'x': 1.5}]");
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('a\nb\\')).toBe("'a\\nb\\\\'");
    expect(pyRepr(new PyFloat(60))).toBe('60.0');
    expect(pyRepr(new PyDefaultDict({ a: 2 }))).toBe("defaultdict(<class 'int'>, {'a': 2})");
    expect(pyTupleRepr(['a', 'b'])).toBe("('a', 'b')");
    expect(pyStr('plain')).toBe('plain');
    expect(pyStr([])).toBe('[]');
  });
});

describe('json.loads-like parsing', () => {
  it('keeps fractional and exponent numbers as Python floats, leaves strings alone', () => {
    const v = parseJsonPythonFloats('{"a":15000.0,"b":9.9213206E7,"c":3,"d":"1.0 \\" 2.5","e":[-0.5,1e2],"f":null}');
    expect(pyRepr(v)).toBe("{'a': 15000.0, 'b': 99213206.0, 'c': 3, 'd': '1.0 \" 2.5', 'e': [-0.5, 100.0], 'f': None}");
    expect(JSON.stringify(v)).toBe('{"a":15000,"b":99213206,"c":3,"d":"1.0 \\" 2.5","e":[-0.5,100],"f":null}');
  });
});

describe('connector (run_query)', () => {
  it('strips attributes, drops all-null keys, returns [] for no rows, renders errors', async () => {
    const api = stubApi((q) => {
      if (q.includes('Bad')) return new SalesforceApiError('INVALID_FIELD', "No such column 'Bad' on entity 'Case'.", 400);
      if (q.includes('COUNT()')) return [];
      return [
        { attributes: { type: 'Case' }, Id: '500A', ClosedDate: null, Owner: { attributes: { type: 'User' }, Name: 'X' } },
        { attributes: { type: 'Case' }, Id: '500B', ClosedDate: null, Owner: null },
      ];
    });
    const c = new Connector(api);
    expect(await c.runQuery('SELECT Id, ClosedDate, Owner.Name FROM Case')).toEqual({
      ok: true,
      records: [
        { Id: '500A', Owner: { attributes: { type: 'User' }, Name: 'X' } },
        { Id: '500B', Owner: null },
      ],
    });
    expect(await c.runQuery('SELECT COUNT() FROM Case')).toEqual({ ok: true, records: [] });
    expect(await c.runQuery('SELECT Bad FROM Case')).toEqual({ ok: false, error: "INVALID_FIELD: No such column 'Bad' on entity 'Case'." });
  });

  it('unwraps fenced SOQL and sends SOSL to search only when it starts with FIND', async () => {
    expect(preprocessQuery('```sql\nSELECT Id\n  FROM Case\n```')).toBe('SELECT Id FROM Case');
    expect(preprocessQuery('SELECT Id FROM Case')).toBe('SELECT Id FROM Case');
    const searched: string[] = [];
    const api: SalesforceApi = {
      queryAll: async () => ({ totalSize: 0, records: [] }),
      search: async (q) => (searched.push(q), [{ attributes: { type: 'Product2' }, Id: '01tA' }]),
    };
    const c = new Connector(api);
    expect(await c.runQuery('FIND {shoe} RETURNING Product2(Id)')).toEqual({ ok: true, records: [{ Id: '01tA' }] });
    await c.runQuery('find {shoe}');
    expect(searched).toEqual(['FIND {shoe} RETURNING Product2(Id)']);
  });

  it('lets transport failures end the episode instead of posing as org answers', async () => {
    const c = new Connector(stubApi(() => new SalesforceApiError('CONNECTION_ERROR', 'cannot reach', 0)));
    await expect(c.runQuery('SELECT Id FROM Case')).rejects.toThrow('cannot reach');
  });
});

describe('the CRMArena tool set', () => {
  it('has 25 tools for tool_call and 27 for tool_call_flex, with valid schemas', () => {
    expect(TOOLS).toHaveLength(25);
    expect(TOOLS_FULL).toHaveLength(27);
    expect(TOOLS_FULL.slice(25).map((t) => t.name)).toEqual(['issue_soql_query', 'issue_sosl_query']);
    const getCases = toolSchema(TOOLS.find((t) => t.name === 'get_cases')!);
    expect(getCases.function.parameters.required).toEqual([]);
    expect(Object.keys(getCases.function.parameters.properties!)).toEqual(['start_date', 'end_date', 'agent_ids', 'case_ids', 'order_item_ids', 'issue_ids', 'statuses']);
    expect(toolSchema(TOOLS.find((t) => t.name === 'search_knowledge_articles')!).function.parameters.required).toEqual([]);
  });

  it('computes periods as the benchmark does (Winter starts Dec 1 of the year)', async () => {
    expect(await call('get_period', { period_name: 'Winter', year: 2020 })).toBe("{'start_date': '2020-12-01T00:00:00Z', 'end_date': '2021-03-01T00:00:00Z'}");
    expect(await call('get_period', { period_name: 'Q4', year: 2021 })).toBe("{'start_date': '2021-10-01T00:00:00Z', 'end_date': '2022-01-01T00:00:00Z'}");
    expect(await call('get_period', { period_name: 'February', year: 2024 })).toBe("{'start_date': '2024-02-01T00:00:00Z', 'end_date': '2024-03-01T00:00:00Z'}");
    expect(await call('get_period', { period_name: 'winter', year: 2020 })).toMatch(/^Error: Invalid period_name. Must be one of January, /);
    expect(await call('get_period', { period_name: 'Q1', year: '2020' })).toBe('Error: year must be an integer');
    expect(await call('get_start_date', { end_date: '2024-03-31T00:00:00Z', period: 'month', interval_count: 1 })).toBe('2024-02-29T00:00:00Z');
    expect(await call('get_start_date', { end_date: '2024-03-31T10:00:00Z', period: 'quarter', interval_count: 2 })).toBe('2023-09-30T10:00:00Z');
    expect(await call('get_start_date', { end_date: '2024-03-01T00:00:00Z', period: 'week', interval_count: 2 })).toBe('2024-02-16T00:00:00Z');
    expect(await call('get_start_date', { end_date: '2024-03-01', period: 'day', interval_count: 2 })).toBe("Error: Invalid end_date format. Expected format: 'YYYY-MM-DDTHH:MM:SSZ'");
  });

  it('computes handle times, ties and month buckets', async () => {
    const cases = [
      { OwnerId: '005A', CreatedDate: '2023-01-01T00:00:00.000+0000', ClosedDate: '2023-01-01T01:00:00.000+0000' },
      { OwnerId: '005A', CreatedDate: '2023-01-02T00:00:00.000+0000', ClosedDate: '2023-01-02T00:30:00.000+0000' },
      { OwnerId: '005B', CreatedDate: '2023-02-01T00:00:00.000+0000', ClosedDate: '2023-02-01T02:00:00.000+0000' },
    ];
    expect(await call('calculate_average_handle_time', { cases })).toBe("{'005A': 45.0, '005B': 120.0}");
    expect(await call('get_agents_with_max_cases', { subset_cases: cases })).toBe("['005A']");
    expect(await call('get_agents_with_min_cases', { subset_cases: cases })).toBe("['005B']");
    expect(await call('get_month_to_case_count', { cases })).toBe("{'January': 2, 'February': 1}");
    expect(await call('find_id_with_max_value', { values_by_id: { a: 2, b: 2, c: 1 } })).toBe("['a', 'b']");
    expect(await call('find_id_with_min_value', { values_by_id: {} })).toBe('None');
    expect(await call('find_id_with_max_value', { values_by_id: { a: 'x' } })).toBe('Error: All values in the dictionary must be numeric');
    expect(await call('get_qualified_agent_ids_by_case_count', { agent_handled_cases: { a: 3, b: 1 }, n_cases: 1 })).toBe("['a']");
    expect(await call('calculate_average_handle_time', { cases: [{ OwnerId: 'x', CreatedDate: '2023-01-01', ClosedDate: '2023-01-01' }] })).toBe(
      "Error: Invalid date format at index 0. Expected format: '%Y-%m-%dT%H:%M:%S.%f%z'",
    );
    expect(await call('calculate_region_average_closure_times', { cases: [] })).toBe("Error: Input 'cases' is empty");
  });

  it('reports argument mistakes in Python words and unknown tools as the env does', async () => {
    expect(await call('get_period', { period_name: 'Q1' })).toBe("Error: get_period() missing 1 required positional argument: 'year'");
    expect(await call('get_issue_counts', {})).toBe("Error: get_issue_counts() missing 3 required positional arguments: 'start_date', 'end_date', and 'order_item_ids'");
    expect(await call('get_issues', { x: 1 })).toBe("Error: get_issues() got an unexpected keyword argument 'x'");
    expect(await call('drop_tables', {})).toBe('Unknown action drop_tables');
    expect(signatureError(TOOLS.find((t) => t.name === 'get_cases')!, {})).toBeUndefined();
  });

  it('sends the benchmark queries to the org and shapes the results', async () => {
    const api = stubApi((q) => {
      if (q.startsWith('SELECT NewValue__c')) return [{ NewValue__c: '005A' }, { NewValue__c: '005A' }, { NewValue__c: '005B' }];
      if (q.startsWith('SELECT IssueId__c')) return [{ attributes: { type: 'AggregateResult' }, IssueId__c: 'a1MX', IssueCount: 4 }];
      if (q.startsWith('SELECT AccountId FROM Contact')) return [{ AccountId: '001A' }];
      if (q.startsWith('FIND {sports bra}')) return [{ attributes: { type: 'Product2' }, Id: '01tA', Name: 'Bra', Description: null }];
      if (q.startsWith('FIND {returns}')) return [{ Id: 'ka0A', Title: 'Returns', FAQ_Answer__c: '90 days.' }];
      if (q.startsWith('SELECT Id, ShippingState')) return [{ Id: '001A', ShippingState: 'CA' }];
      return [];
    });
    expect(await call('get_agent_handled_cases_by_period', { start_date: '2021-01-01T00:00:00Z', end_date: '2021-02-01T00:00:00Z' }, api)).toBe(
      "defaultdict(<class 'int'>, {'005A': 2, '005B': 1})",
    );
    expect(await call('get_cases', { start_date: '2021-01-01T00:00:00Z', agent_ids: ['005A', '005B'], statuses: ['Closed'] }, api)).toBe('[]');
    expect(await call('get_issue_counts', { start_date: '2021-01-01T00:00:00Z', end_date: '2021-02-01T00:00:00Z', order_item_ids: ['802A', '802B'] }, api)).toBe("{'a1MX': 4}");
    expect(await call('get_account_id_by_contact_id', { contact_id: '003A' }, api)).toBe('001A');
    expect(await call('search_products', { search_term: 'sports bra' }, api)).toBe("['01tA']");
    expect(await call('search_knowledge_articles', { search_term: 'returns' }, api)).toBe("[{'Id': 'ka0A', 'Title': 'Returns', 'Content': '90 days.'}]");
    expect(await call('get_shipping_state', { cases: [{ AccountId: '001A', OwnerId: '005A' }] }, api)).toBe("[{'AccountId': '001A', 'OwnerId': '005A', 'ShippingState': 'CA'}]");
    expect(await call('get_purchase_history', { account_id: '001A', purchase_date: '2022-03-14T00:00:00Z', related_product_ids: ['01tA', '01tB'] }, api)).toBe('[]');
    expect(await call('get_cases', {}, api)).toBe('Error: At least one filter criteria must be provided');
    expect(await call('get_cases', { agent_ids: '005A' }, api)).toBe('Error: agent_ids must be a list');
    expect(await call('get_cases', { agent_ids: [null] }, api)).toBe('[]');
    expect(await call('issue_soql_query', { query: 42 }, api)).toBe("Error: 'int' object has no attribute 'startswith'");
    expect(api.seen).toEqual([
      "SELECT NewValue__c, CreatedDate FROM CaseHistory__c WHERE CreatedDate >= 2021-01-01T00:00:00Z AND CreatedDate <= 2021-02-01T00:00:00Z AND Field__c = 'Owner Assignment'",
      "SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE CreatedDate >= 2021-01-01T00:00:00Z AND OwnerId IN ('005A', '005B') AND Status = 'Closed'",
      "SELECT IssueId__c, COUNT(Id) IssueCount FROM Case WHERE OrderItemId__c IN ('802A','802B') AND CreatedDate >= 2021-01-01T00:00:00Z AND CreatedDate <= 2021-02-01T00:00:00Z GROUP BY IssueId__c ORDER BY COUNT(Id) DESC",
      "SELECT AccountId FROM Contact WHERE Id = '003A' LIMIT 1",
      'FIND {sports bra} IN ALL FIELDS RETURNING Product2(Id, Name, Description)',
      "FIND {returns} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
      "SELECT Id, ShippingState FROM Account WHERE Id = '001A'",
      "SELECT Product2Id FROM OrderItem WHERE OrderItem.Order.AccountId = '001A' AND OrderItem.Order.EffectiveDate = 2022-03-14 AND Product2Id IN ('01tA','01tB') AND OrderItem.Order.Status = 'Activated'",
      "SELECT OwnerId, CreatedDate, ClosedDate, AccountId FROM Case WHERE OwnerId = 'None'",
    ]);
  });

  it('passes org errors through as ERRORCODE: message', async () => {
    const api = stubApi(() => new SalesforceApiError('MALFORMED_QUERY', 'unexpected token: FROM', 400));
    expect(await call('issue_soql_query', { query: 'SELECT FROM' }, api)).toBe('MALFORMED_QUERY: unexpected token: FROM');
    expect(await call('get_issues', {}, api)).toBe('MALFORMED_QUERY: unexpected token: FROM');
  });
});

describe('schema string', () => {
  it('lists the objects and their described fields in CRMArena layout', () => {
    const s = buildSchemaString();
    expect(s.startsWith('The objects available in the Salesforce instance are:\nUser, Account, Contact,')).toBe(true);
    expect(s).toContain('## The fields available for the objects along with their descriptions and dependencies are:\nUser\n  - Username: ');
    expect(s).toContain('\nCase\n');
    expect(s).toContain('  - OwnerId: The latest owner of the case. References User object');
    expect(s).toContain("  - Field__c: Specifies the field or type of change. One of ['Case Creation', 'Owner Assignment', 'Case Closed']");
    expect(s).not.toContain('SystemModstamp');
  });
});

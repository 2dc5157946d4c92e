/**
 * CRMArena's SOSL path, replayed with Debian's python3-requests the way simple-salesforce 1.12.6 and
 * CRMArena's `SalesforceConnector.run_query` do it (reference/crmarena.md §9, salesforce-api.md §6.3):
 * `GET …/search/?q=` with X-PrettyPrint, `result["searchRecords"]`, attributes dropped, all-None keys
 * dropped; errors turned into `"{errorCode}: {message}"` by `ast.literal_eval` of the response content.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type ListeningServer } from '../e2e/listening-server.ts';
import { describeWith, pythonPath, pythonRequests } from '../support/prerequisite.ts';
import { makeSoslOrg, type SoslTestOrg } from '../unit/sosl-org.ts';

const python = pythonRequests(import.meta.filename);
const PYTHON = pythonPath();

const SCRIPT = String.raw`
import ast, json, sys
from collections import OrderedDict
import requests

base, token = sys.argv[1], sys.argv[2]
session = requests.Session()
headers = {'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token, 'X-PrettyPrint': '1'}

class SalesforceMalformedRequest(Exception):
    def __init__(self, url, status, content):
        self.url, self.status, self.content = url, status, content
    def __str__(self):
        return 'Malformed request {url}. Response content: {content}'.format(url=self.url, content=self.content)

def search(sosl):  # simple_salesforce.Salesforce.search
    url = base + '/services/data/v59.0/search/'
    result = session.request('GET', url, headers=headers, params={'q': sosl})
    if result.status_code >= 300:
        raise SalesforceMalformedRequest(result.url, result.status_code, result.json())
    json_result = result.json(object_pairs_hook=OrderedDict)
    if len(json_result) == 0:
        return None
    return json_result

def run_query(query):  # CRMArena connect_sandbox.SalesforceConnector.run_query, SOSL branch
    try:
        if query.startswith('FIND'):
            result = search(query)['searchRecords']
        else:
            raise ValueError('SOSL only here')
        if not result:
            return [], 1
        keys = list(result[0].keys())
        for r in result:
            del r['attributes']
        all_none = [k for k in keys if k != 'attributes' and all(r.get(k) is None for r in result)]
        for r in result:
            for k in all_none:
                del r[k]
        return [dict(r) for r in result], 1
    except Exception as e:
        e = ast.literal_eval(str(e).split('Response content:')[1].strip())[0]
        return '{}: {}'.format(e['errorCode'], e['message']), 0

out = {}
for name, q in json.loads(sys.argv[3]).items():
    out[name] = run_query(q)
print(json.dumps(out))
`;

let server: ListeningServer;
let t: SoslTestOrg;

describeWith(python, 'CRMArena run_query over python requests', () => {
  beforeAll(async () => {
    t = makeSoslOrg();
    server = await startServer(t.org);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('runs the knowledge and product tool searches and reports errors as the agent sees them', async () => {
    const queries = {
      knowledge: "FIND {size} IN ALL FIELDS RETURNING Knowledge__kav(Id, Title, FAQ_Answer__c WHERE PublishStatus='Online' AND Language='en_US')",
      products: 'FIND {rope} IN ALL FIELDS RETURNING Product2(Id, Name, Description)',
      none: 'FIND {qwertyuiop} IN ALL FIELDS RETURNING Product2(Id, Name)',
      malformed: 'FIND {John|jane} RETURNING Contact',
      badField: 'FIND {rope} RETURNING Product2(Id, Price__c)',
    };
    const { stdout } = await promisify(execFile)(PYTHON, ['-c', SCRIPT, server.url, server.token, JSON.stringify(queries)], {
      timeout: 60_000,
      env: { ...process.env, NO_PROXY: '*', no_proxy: '*' },
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, [unknown, number]>;
    expect(out.knowledge).toEqual([[{ Id: t.ids.K5, Title: 'Size Mismatch', FAQ_Answer__c: 'If the size does not match, exchange it for free.' }], 1]);
    expect(out.products![1]).toBe(1);
    expect((out.products![0] as { Name: string }[]).map((r) => r.Name).sort()).toEqual(['Climbing Rope', 'Rope Bag']);
    expect(out.none).toEqual([[], 1]);
    expect(out.malformed).toEqual([
      "MALFORMED_SEARCH: \nFIND {John|jane} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'",
      0,
    ]);
    expect(out.badField![1]).toBe(0);
    expect(out.badField![0]).toMatch(/^INVALID_FIELD: \n.*\nERROR at Row:1:Column:\d+\nNo such column 'Price__c' on entity 'Product2'/s);
  });
});

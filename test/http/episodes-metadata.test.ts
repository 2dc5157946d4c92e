/**
 * Per-table episodes of a metadata-extended base (startOrg with the committed SFDX project; its own
 * file because user metadata is merged into the process's schema once): an episode writes a custom
 * object, which it copies alone; the base and a sibling do not see it; the diff names the custom object.
 */
import { join } from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type StartedOrg } from '../../src/index.ts';

const SFDX = join(import.meta.dirname, '..', '..', 'fixtures', 'metadata', 'sfdx-project');
let org: StartedOrg;
let conn: jsforce.Connection;

beforeAll(async () => {
  org = await startOrg({ metadata: SFDX, scale: 0.2 });
  conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: org.apiVersion });
  await conn.login(org.username, org.password + org.securityToken);
}, 120_000);
afterAll(() => org?.stop());

describe('episodes of a metadata-extended org', () => {
  it('copy the custom object an episode writes, and diff it', async () => {
    const ep = await org.episode();
    const sib = await org.episode();
    const epConn = new jsforce.Connection({ instanceUrl: ep.instanceUrl, accessToken: ep.accessToken, version: ep.apiVersion });
    const sibConn = new jsforce.Connection({ instanceUrl: sib.instanceUrl, accessToken: sib.accessToken, version: sib.apiVersion });
    const account = (await epConn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records[0]!;
    const created = await epConn.sobject('Project__c').create({ Title__c: 'Episode project', Account__c: account.Id, Budget__c: 500 });
    expect(created.success).toBe(true);
    expect((await epConn.query(`SELECT Title__c, Account__r.Id FROM Project__c WHERE Id = '${created.id}'`)).records).toHaveLength(1);
    expect((await conn.query('SELECT COUNT() FROM Project__c')).totalSize).toBe(0);
    // A sibling that writes too attaches the same snapshot and still has no project.
    await sibConn.sobject('Task').create({ Subject: 'Sibling task' });
    expect((await sibConn.query('SELECT COUNT() FROM Project__c')).totalSize).toBe(0);

    const diff = (await (await fetch(`${ep.instanceUrl}/mockforce/episodes/${encodeURIComponent(ep.orgKey)}/diff`, { headers: { authorization: `Bearer ${ep.accessToken}` } })).json()) as {
      changes: Record<string, { created: string[] }>;
    };
    expect(Object.keys(diff.changes)).toEqual(['Project__c']);
    expect(diff.changes.Project__c!.created).toEqual([created.id]);
    await ep.stop();
    await sib.stop();
  });
});

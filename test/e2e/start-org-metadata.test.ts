/**
 * startOrg({ metadata }) with the committed sample SFDX project (its own file: user metadata is merged
 * into the process's schema once): the custom objects are there for jsforce at once, on the
 * generated org copy; reset() and episodes keep them; a different set of folders in the same
 * process is refused.
 */
import { join } from 'node:path';
import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrg, type StartedOrg } from '../../src/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SFDX = join(ROOT, 'fixtures', 'metadata', 'sfdx-project');
let org: StartedOrg;
let conn: jsforce.Connection;

beforeAll(async () => {
  org = await startOrg({ metadata: SFDX });
  conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: org.apiVersion });
  await conn.login(org.username, org.password + org.securityToken);
});
afterAll(() => org?.stop());

describe('startOrg with metadata', () => {
  it('serves the custom objects over the generated org, through reset and in episodes', async () => {
    const names = (await conn.describeGlobal()).sobjects.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Project__c', 'Milestone__c', 'Case']));
    const account = (await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records[0]!;
    const created = await conn.sobject('Project__c').create({ Title__c: 'Metadata via startOrg', Account__c: account.Id, Budget__c: 1000, Kickoff__c: '2024-05-02' });
    expect(created.success).toBe(true);
    expect((await conn.query(`SELECT Id FROM Project__c WHERE Id = '${created.id}'`)).totalSize).toBe(1);
    await org.reset();
    expect((await conn.query('SELECT COUNT() FROM Project__c')).totalSize).toBe(0);
    const ep = await org.episode();
    const epConn = new jsforce.Connection({ instanceUrl: ep.instanceUrl, accessToken: ep.accessToken, version: ep.apiVersion });
    expect((await epConn.query('SELECT COUNT() FROM Milestone__c')).totalSize).toBe(0);
    await ep.stop();
  });

  it('refuses different metadata in the same process', async () => {
    await expect(startOrg({ metadata: join(ROOT, 'fixtures', 'metadata', 'mdapi') })).rejects.toThrow(/different metadata/);
  });
});

/**
 * startOrg({ org: 'b2b' | 'b2c' }): CRMArena-Pro's orgs from code, as the README shows them. jsforce
 * logs in, sees the Pro schema, and writes a Pro-stage Opportunity into its copy; reset() takes it back.
 */
import jsforce from 'jsforce';
import { afterAll, describe, expect, it } from 'vitest';
import { startOrg, type StartedOrg } from '../../src/index.ts';

const started: StartedOrg[] = [];
afterAll(async () => {
  for (const o of started) await o.stop();
});

describe.each(['b2b', 'b2c'] as const)('startOrg({ org: %s })', (kind) => {
  it('serves the Pro org to jsforce, writes land in its copy, reset() restores it', async () => {
    const org = await startOrg({ org: kind, seed: 3, scale: 0.1 });
    started.push(org);
    const conn = new jsforce.Connection({ loginUrl: org.loginUrl, version: org.apiVersion });
    await conn.login(org.username, org.password + org.securityToken);
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((o) => o.name)).toContain('VoiceCallTranscript__c');
    const before = (await conn.query('SELECT COUNT() FROM Opportunity')).totalSize;
    const account = (await conn.query<{ Id: string }>('SELECT Id FROM Account LIMIT 1')).records[0]!;
    const res = await conn.sobject('Opportunity').create({ Name: 'Pro deal', StageName: 'Discovery', CloseDate: '2024-09-30', AccountId: account.Id });
    expect(res.success).toBe(true);
    expect((await conn.query('SELECT COUNT() FROM Opportunity')).totalSize).toBe(before + 1);
    await org.reset();
    expect((await conn.query('SELECT COUNT() FROM Opportunity')).totalSize).toBe(before);
  }, 120_000);
});

it('refuses an unknown org profile', async () => {
  await expect(startOrg({ org: 'b2x' as never })).rejects.toThrow("startOrg: unknown org profile 'b2x'; available: original, b2b, b2c");
});

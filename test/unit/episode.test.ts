/**
 * Episodes in-process (src/org/episode.ts through the registry API): an imported CRMArena snapshot as
 * base behaves as a generated org does; the diff follows a record through update-then-delete, an
 * episode-created record's later updates, an update then soft delete; the
 * base snapshot is made once per base data version and deleted when no episode uses it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OrgRegistry } from '../../server/org-registry.ts';
import { existsSync } from 'node:fs';
import { acquireSnapshot, dropSnapshots, releaseSnapshot } from '../../src/org/episode-snapshot.ts';
import { importCrmArenaSnapshot } from '../../src/org/index.ts';

const FIXTURE = fileURLToPath(new URL('../../fixtures/crmarena-snapshot/crmarena_data.db', import.meta.url));

describe('episodes of an imported CRMArena snapshot', () => {
  it('share the base, write apart, diff and reset', () => {
    const base = importCrmArenaSnapshot(FIXTURE);
    const registry = new OrgRegistry();
    registry.register('snap', base);
    const [c1, c2] = base.db.prepare(`SELECT "Id" FROM "Case" ORDER BY "Id" LIMIT 2`).pluck().all() as string[];
    const cases = () => base.db.prepare(`SELECT COUNT(*) FROM "Case"`).pluck().get();
    const before = cases();

    const { entry } = registry.createEpisode('snap');
    expect(registry.orgForRequest(entry.key, false)).toBe(base);
    const org = entry.org; // in-process access means "may write": the episode gets its copy
    expect(entry.episode!.materialized).toBe(true);
    const subjectOf = (id: string) => org.store.get('Case', id)!.Subject;
    const subject1 = subjectOf(c1!);

    org.store.update('Case', c1!, { Subject: 'Changed once' });
    org.store.update('Case', c1!, { Subject: 'Changed twice' });
    org.store.update('Case', c2!, { Subject: 'Soon deleted' });
    org.store.softDelete('Case', c2!);
    const made = org.store.insert('Case', { Subject: 'Made here', Status: 'New' });
    org.store.update('Case', made, { Subject: 'Made and edited' });

    const diff = registry.episodeDiff(entry.key);
    expect(diff.Case!.updated[c1!]).toEqual({ Subject: { before: subject1, after: 'Changed twice' } });
    expect(diff.Case!.deleted).toEqual([c2]);
    expect(diff.Case!.created).toHaveLength(1);
    expect(diff.Case!.created[0]!.slice(0, 15)).toBe(made.slice(0, 15));
    expect(Object.keys(diff)).toEqual(['Case']);
    expect(cases()).toBe(before);
    expect(base.store.get('Case', c1!)!.Subject).toBe(subject1);

    registry.resetEpisode(entry.key);
    expect(registry.episodeDiff(entry.key)).toEqual({});
    expect(registry.orgForRequest(entry.key, false)).toBe(base);
    registry.close();
  });

  it('makes one snapshot file per base data version, deleted once unused and outdated', () => {
    const base = importCrmArenaSnapshot(FIXTURE);
    const a = acquireSnapshot(base);
    expect(acquireSnapshot(base)).toBe(a);
    expect(a.refs).toBe(2);
    base.store.insert('Account', { LastName: 'Base write' });
    const b = acquireSnapshot(base);
    expect(b).not.toBe(a);
    expect(existsSync(a.file)).toBe(true);
    releaseSnapshot(base, a);
    releaseSnapshot(base, a);
    expect(existsSync(a.file)).toBe(false);
    releaseSnapshot(base, b);
    // The current one stays for the next episode that writes, until its base is dropped.
    expect(existsSync(b.file)).toBe(true);
    dropSnapshots(base);
    expect(existsSync(b.file)).toBe(false);
    base.close();
  });
});

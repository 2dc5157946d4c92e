import { describe, expect, it } from 'vitest';
import { cloneSeededOrg, openSeededOrg, seededLatents } from '../support/seeded-org.ts';

describe('seeded org fixture', () => {
  it('opens the shared seed-42 scale-1 org with its login identity and latents', () => {
    const org = openSeededOrg();
    try {
      expect(org.loginIdentity()?.username).toBe('admin@mockforce.dev');
      expect(org.meta('seed')).toBe('42');
      const n = (org.db.prepare('SELECT COUNT(*) AS n FROM "Case"').get() as { n: number }).n;
      expect(n).toBe(980);
      const copy = org.clone();
      copy.store.insert('Account', { LastName: 'Scratch' });
      expect((copy.db.prepare('SELECT COUNT(*) AS n FROM Account').get() as { n: number }).n).toBe(201);
      copy.close();
      expect(seededLatents().seed).toBe(42);
      const mine = cloneSeededOrg();
      mine.store.update('Case', mine.db.prepare('SELECT Id FROM "Case" LIMIT 1').pluck().get() as string, { Subject: 'changed' });
      expect(org.db.prepare(`SELECT COUNT(*) FROM "Case" WHERE Subject = 'changed'`).pluck().get()).toBe(0);
      expect(mine.clock.nowIso()).toBe('2024-06-01T12:00:00.000Z');
      mine.close();
    } finally {
      org.close();
    }
  });
});

/**
 * The skip-or-require rule of test/support/prerequisite.ts: absent and not required → skip with one
 * loud line; absent and required (what .ci/run sets) → the suite fails with the install hint; present
 * → runs. The Python check is driven through MOCKFORCE_PYTHON pointed at a program that is not there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { prerequisite, pythonRequests } from '../support/prerequisite.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

function quiet(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void lines.push(line));
  return lines;
}

const spec = { testFile: import.meta.filename, requireVar: 'MOCKFORCE_REQUIRE_THING', hint: 'thing is missing: install thing' };

describe('prerequisite', () => {
  it('skips with one loud line naming the file and the install step when absent and not required', () => {
    const lines = quiet();
    const p = prerequisite({ ...spec, present: () => false, env: {} });
    expect(p.skip).toBe(true);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SKIPPING test/unit/prerequisite.test.ts: thing is missing: install thing');
    expect(lines[0]).toContain('MOCKFORCE_REQUIRE_THING=1');
    expect(() => p.assertPresent()).toThrow('thing is missing: install thing');
  });

  it('does not skip, and fails with the hint, when absent but required', () => {
    const lines = quiet();
    const p = prerequisite({ ...spec, present: () => false, env: { MOCKFORCE_REQUIRE_THING: '1' } });
    expect(p.skip).toBe(false);
    expect(lines).toEqual([]);
    expect(() => p.assertPresent()).toThrow('thing is missing: install thing');
  });

  it('runs quietly when present, required or not', () => {
    const lines = quiet();
    for (const env of [{}, { MOCKFORCE_REQUIRE_THING: '1' }]) {
      const p = prerequisite({ ...spec, present: () => true, env });
      expect(p.skip).toBe(false);
      expect(() => p.assertPresent()).not.toThrow();
    }
    expect(lines).toEqual([]);
  });

  it('finds python requests missing when MOCKFORCE_PYTHON names no interpreter', () => {
    const lines = quiet();
    const noPython = pythonRequests(import.meta.filename, { MOCKFORCE_PYTHON: '/nonexistent/python3' });
    expect(noPython.skip).toBe(true);
    expect(lines[0]).toContain('/nonexistent/python3 cannot import requests');
    expect(lines[0]).toContain('apt-get install -y python3-requests');
    const required = pythonRequests(import.meta.filename, { MOCKFORCE_PYTHON: '/nonexistent/python3', MOCKFORCE_REQUIRE_PYTHON: '1' });
    expect(required.skip).toBe(false);
    expect(() => required.assertPresent()).toThrow('python3-requests');
  });
});

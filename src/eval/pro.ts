/**
 * What the evaluation needs to know about CRMArena-Pro task files (src/tasks/pro/types.ts): which of
 * Pro's orgs a file was generated from (its records' `org`), and each task's business skill, for the
 * per-skill summary Pro reports (workflow, policy, text, database, privacy; reference/crmarena.md §12.3).
 */
import type { ProOrgKind } from '../org/org-kind.ts';
import { isProTaskName, SKILL_OF, type ProSkill } from '../tasks/pro/types.ts';
import { TaskFileError, type TaskRecord } from './task-file.ts';

/** The order skills are reported in. */
export const PRO_SKILLS: readonly ProSkill[] = ['workflow', 'policy', 'text', 'database', 'privacy'];

/** The org a task list needs: the one Pro org its records name, or undefined for original tasks. */
export function proOrgOf(tasks: readonly TaskRecord[], source = 'task file'): ProOrgKind | undefined {
  const kinds = new Set(tasks.map((t) => t.org ?? 'original'));
  if (kinds.size > 1) throw new TaskFileError(`${source} mixes records of different orgs (${[...kinds].sort().join(', ')}); evaluate each org's tasks separately`);
  const [kind] = kinds;
  return kind === 'b2b' || kind === 'b2c' ? kind : undefined;
}

/** A Pro record's skill (undefined for original records, which Pro's grouping does not cover). */
export function skillOf(t: Pick<TaskRecord, 'task' | 'org'>): ProSkill | undefined {
  return t.org && isProTaskName(t.task) ? SKILL_OF[t.task] : undefined;
}

/** The oracle's solvers for the Pro tasks of the activity slice (filled in as each task lands). */
import type { ProSolver } from './solver.ts';

export const ACTIVITY_SOLVERS: Record<string, ProSolver> = {};

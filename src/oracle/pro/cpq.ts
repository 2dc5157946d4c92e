/** The oracle's solvers for the Pro tasks of the cpq slice (filled in as each task lands). */
import type { ProSolver } from './solver.ts';

export const CPQ_SOLVERS: Record<string, ProSolver> = {};

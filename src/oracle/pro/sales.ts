/** The oracle's solvers for the Pro tasks of the sales slice (filled in as each task lands). */
import type { ProSolver } from './solver.ts';

export const SALES_SOLVERS: Record<string, ProSolver> = {};

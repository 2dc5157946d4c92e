/** The oracle's solvers for the Pro tasks of the service slice (filled in as each task lands). */
import type { ProSolver } from './solver.ts';

export const SERVICE_SOLVERS: Record<string, ProSolver> = {};

/** The oracle's solvers for the Pro tasks of the sales slice (src/oracle/pro/sales/). */
import { solveConversionRate, solveSalesAmount, solveSalesCycle } from './sales/analytics.ts';
import type { ProSolver } from './solver.ts';

export const SALES_SOLVERS: Record<string, ProSolver> = {
  sales_amount_understanding: solveSalesAmount,
  sales_cycle_understanding: solveSalesCycle,
  conversion_rate_comprehension: solveConversionRate,
};

/** The oracle's solvers for the Pro tasks of the cpq slice (src/oracle/pro/cpq/). */
import { solveLeadRouting } from './cpq/lead-routing.ts';
import { solveQuotePolicy } from './cpq/quote-policy.ts';
import type { ProSolver } from './solver.ts';

export const CPQ_SOLVERS: Record<string, ProSolver> = {
  quote_approval: solveQuotePolicy,
  invalid_config: solveQuotePolicy,
  lead_routing: solveLeadRouting,
};

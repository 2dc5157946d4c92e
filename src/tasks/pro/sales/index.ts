/** The Pro task generators of the sales slice. */
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';
import { conversionRateComprehension } from './conversion-rate.ts';
import { salesAmountUnderstanding } from './sales-amount.ts';
import { salesCycleUnderstanding } from './sales-cycle.ts';

export const SALES_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  sales_amount_understanding: salesAmountUnderstanding,
  sales_cycle_understanding: salesCycleUnderstanding,
  conversion_rate_comprehension: conversionRateComprehension,
};

/** The Pro task generators of the cpq slice (filled in as each task lands). */
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';

export const CPQ_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {};

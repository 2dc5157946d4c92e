/** The Pro task generators of the service slice (filled in as each task lands). */
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';

export const SERVICE_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {};

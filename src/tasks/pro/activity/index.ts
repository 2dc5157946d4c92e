/** The Pro task generators of the activity slice: calls, stages and tasks of leads and opportunities. */
import type { ProTaskGenerator } from '../context.ts';
import type { ProTaskName } from '../types.ts';
import { activityPriority } from './activity-priority.ts';
import { leadQualification } from './lead-qualification.ts';
import { salesInsight } from './sales-insight.ts';
import { wrongStage } from './wrong-stage.ts';

export const ACTIVITY_GENERATORS: Partial<Record<ProTaskName, ProTaskGenerator>> = {
  wrong_stage_rectification: wrongStage,
  sales_insight_mining: salesInsight,
  lead_qualification: leadQualification,
  activity_priority: activityPriority,
};

/** The activity stage: tasks, events and voice-call transcripts. (Stub: writes nothing yet.) */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { ServiceData } from '../../service-data.ts';
import type { CpqResult } from '../cpq/index.ts';
import type { SalesResult } from '../sales/types.ts';
import type { ActivityLatent } from './latent.ts';

export interface ActivityResult {
  latent: ActivityLatent;
}

export function generateActivity(_ctx: GenContext, _kind: ProOrgKind, _service: ServiceData, _sales: SalesResult, _cpq: CpqResult): ActivityResult {
  return { latent: {} };
}

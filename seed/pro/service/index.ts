/**
 * The service half of a Pro org: CRMArena's 16 objects for the B2B vendor (companies with several
 * contacts, software issues and knowledge) or the B2C brand (person accounts, consumer electronics),
 * drawn by the original pipeline (seed/service-data.ts) with the org's theme (seed/pro/text/).
 */
import type { ProOrgKind } from '../../../src/org/org-kind.ts';
import type { GenContext } from '../../context.ts';
import type { LatentFile } from '../../latent.ts';
import { generateServiceData, serviceLatents, type ServiceData } from '../../service-data.ts';
import type { ServiceTheme } from '../../text/theme.ts';
import { B2B_THEME } from '../text/b2b.ts';
import { B2C_THEME } from '../text/b2c.ts';
import { generateCompanies } from './companies.ts';

export interface ProServiceResult {
  data: ServiceData;
  latent: LatentFile;
}

export function proServiceTheme(kind: ProOrgKind): ServiceTheme {
  return kind === 'b2b' ? B2B_THEME : B2C_THEME;
}

export function generateProService(ctx: GenContext, kind: ProOrgKind, now: string): ProServiceResult {
  const data = generateServiceData(ctx, kind === 'b2b' ? { theme: B2B_THEME, customers: generateCompanies } : { theme: B2C_THEME });
  return { data, latent: serviceLatents(ctx, data, now) };
}

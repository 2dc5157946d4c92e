/** `--org original|b2b|b2c`: which benchmark org a command generates or serves (default original). */
import { isOrgKind, ORG_KINDS, type OrgKind } from '../org/org-kind.ts';
import { CliError } from './cli-error.ts';

export const ORG_FLAG_HELP = '--org original|b2b|b2c (CRMArena, or CRMArena-Pro\'s B2B or B2C org; default original)';

export function parseOrgFlag(raw: string | undefined): OrgKind {
  if (raw === undefined) return 'original';
  if (!isOrgKind(raw)) throw new CliError(`flag '--org' must be one of ${ORG_KINDS.join(', ')}, got '${raw}'`);
  return raw;
}

/**
 * The user's metadata (`mockforce serve --metadata DIR`, startOrg's `metadata` option): load and
 * check it (loadMetadata), merge it into schema/ (applyLoadedMetadata), then bring each org file in
 * line (syncOrgSchema). prepareMetadata does the first two for a list of directories.
 */
import { applyLoadedMetadata, loadMetadata, type LoadedMetadata } from './load.ts';

export { applyLoadedMetadata, loadMetadata, type LoadedMetadata } from './load.ts';
export { MetadataError } from './metadata-error.ts';
export { syncOrgSchema, type SyncResult } from './org-sync.ts';

/** Load `dirs`, merge into the schema; returns the loaded metadata (warnings to print, hash). */
export function prepareMetadata(dirs: readonly string[]): LoadedMetadata {
  const m = loadMetadata(dirs);
  applyLoadedMetadata(m);
  return m;
}

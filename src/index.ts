/**
 * The package entry (`import { startOrg } from 'mockforce'`): the programmatic API. The CLI
 * (`mockforce serve|mcp|...`) is the bin; everything else is internal.
 */
export { startOrg, ORG_PROFILES } from './api/start-org.ts';
export type { StartOrgOptions, StartedOrg, OrgConnection, OrgEpisode, OrgProfile } from './api/start-org.ts';

export { Org, DEFAULT_NOW, type LoginIdentity, type OrgOptions } from './org.ts';
export { Clock } from './clock.ts';
export { RecordStore, type Row } from './record-store.ts';
export { normalizeId, to18, makeId, looksLikeId } from './ids.ts';
export { toWire, parseDate, parseDatetime, datetimeToWire, sqlType } from './values.ts';
export { q as quoteIdent } from './ddl.ts';
export { openAnyOrg } from './open.ts';
export { importCrmArenaSnapshot, isCrmArenaSnapshot, SNAPSHOT_ADMIN } from './crmarena-snapshot.ts';

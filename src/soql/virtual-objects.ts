/**
 * Platform objects the engine answers without a table of their own in the org file. `Organization` is
 * queried by real clients right after login: the sf CLI's determineOrg runs
 * `SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM
 * Organization` (reference/salesforce-api.md §9). Its one row is a TEMP VIEW over the org's meta, so
 * the org file (and its deterministic bytes) never changes and read-only orgs work too.
 */
import type Database from 'better-sqlite3';
import type { FieldDef, FieldType, ObjectDef } from '../../schema/types.ts';

function field(name: string, type: FieldType, label: string, extra: Partial<FieldDef> = {}): FieldDef {
  return {
    name, label, type, length: type === 'string' || type === 'picklist' ? 80 : type === 'id' || type === 'reference' ? 18 : 0,
    custom: false, nillable: name !== 'Id', createable: false, updateable: false, filterable: true,
    groupable: !['datetime', 'double'].includes(type), sortable: true, calculated: false, autoNumber: false,
    nameField: name === 'Name', externalId: false, unique: false, search: [], referenceTo: [], picklistValues: [],
    restrictedPicklist: false, defaultedOnCreate: false, ...extra,
  };
}

export const Organization: ObjectDef = {
  name: 'Organization',
  label: 'Organization',
  labelPlural: 'Organizations',
  keyPrefix: '00D',
  custom: false,
  description: 'The org itself: one read-only record.',
  createable: false,
  updateable: false,
  deletable: false,
  queryable: true,
  searchable: false,
  fields: [
    field('Id', 'id', 'Organization ID', { nillable: false }),
    field('Name', 'string', 'Name'),
    field('Division', 'string', 'Division'),
    field('Country', 'string', 'Country'),
    field('PrimaryContact', 'string', 'Primary Contact'),
    field('DefaultLocaleSidKey', 'picklist', 'Locale'),
    field('LanguageLocaleKey', 'picklist', 'Language'),
    field('TimeZoneSidKey', 'picklist', 'Default Time Zone'),
    field('FiscalYearStartMonth', 'int', 'Fiscal Year Starts In'),
    field('UsesStartDateAsFiscalYearName', 'boolean', 'Fiscal Year Name by Start'),
    field('IsSandbox', 'boolean', 'Is Sandbox'),
    field('InstanceName', 'string', 'Instance Name'),
    field('NamespacePrefix', 'string', 'Namespace Prefix'),
    field('OrganizationType', 'picklist', 'Edition'),
    field('TrialExpirationDate', 'datetime', 'Trial Expiration Date'),
    field('CreatedDate', 'datetime', 'Created Date', { nillable: false }),
    field('CreatedById', 'reference', 'Created By ID', { referenceTo: ['User'] }),
    field('LastModifiedDate', 'datetime', 'Last Modified Date', { nillable: false }),
    field('LastModifiedById', 'reference', 'Last Modified By ID', { referenceTo: ['User'] }),
    field('SystemModstamp', 'datetime', 'System Modstamp', { nillable: false }),
  ],
};

export const VIRTUAL_OBJECTS: readonly ObjectDef[] = [Organization];

const created = new WeakSet<Database.Database>();

/** A value from the org's meta table, kept only if it is a plain token (it is spliced into a view). */
function meta(db: Database.Database, key: string): string | null {
  try {
    const row = db.prepare('SELECT value FROM _mockforce_meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row && /^[A-Za-z0-9._:@ -]{1,80}$/.test(row.value) ? row.value : null;
  } catch {
    return null;
  }
}

const lit = (v: string | null): string => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);

export function ensureVirtualTables(db: Database.Database): void {
  if (created.has(db)) return;
  const orgId = meta(db, 'organization_id');
  const admin = meta(db, 'admin_user_id');
  const since = '2020-01-01T00:00:00.000Z';
  // The org runs in UTC with a January fiscal year (see date-literals.ts).
  db.exec(`CREATE TEMP VIEW IF NOT EXISTS "Organization" AS SELECT
    ${lit(orgId)} AS "Id", 'mockforce' AS "Name", NULL AS "Division", 'US' AS "Country", NULL AS "PrimaryContact",
    'en_US' AS "DefaultLocaleSidKey", 'en_US' AS "LanguageLocaleKey", 'GMT' AS "TimeZoneSidKey",
    1 AS "FiscalYearStartMonth", 0 AS "UsesStartDateAsFiscalYearName", 0 AS "IsSandbox", 'MF1' AS "InstanceName",
    NULL AS "NamespacePrefix", 'Developer Edition' AS "OrganizationType", NULL AS "TrialExpirationDate",
    '${since}' AS "CreatedDate", ${lit(admin)} AS "CreatedById", '${since}' AS "LastModifiedDate",
    ${lit(admin)} AS "LastModifiedById", '${since}' AS "SystemModstamp"`);
  created.add(db);
}

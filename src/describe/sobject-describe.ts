/**
 * The full `GET /sobjects/{T}/describe` payload, top-level keys in the order a real v59 describe
 * has them (reference/salesforce-api.md §5.3): fields, childRelationships, the Master record type,
 * supportedScopes, urls.
 */
import { childRelationships } from '../../schema/index.ts';
import type { ObjectDef } from '../../schema/types.ts';
import { describeField } from './field-describe.ts';
import { sobjectSummary } from './sobject-summary.ts';

/** The Master record type every object has (§7: `012000000000000AAA`). */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function describeSObject(obj: ObjectDef, apiVersion: string): Record<string, unknown> {
  const summary = sobjectSummary(obj, apiVersion);
  const plural = obj.labelPlural.toLowerCase();
  const owned = obj.fields.some((f) => f.name === 'OwnerId');
  const supportedScopes = [
    { label: `All ${plural}`, name: 'everything' },
    ...(owned ? [{ label: `My ${plural}`, name: 'mine' }, { label: `My team's ${plural}`, name: 'team' }] : []),
  ];
  const payload: Record<string, unknown> = {
    actionOverrides: [],
    activateable: summary.activateable,
    associateEntityType: null,
    associateParentEntity: null,
    // Ordered by child object, then field, as real describes list them.
    // (Organization, a view outside schema/'s indexes, has none.)
    childRelationships: [...(childRelationships(obj) ?? [])].sort((a, b) => cmp(a.childSObject, b.childSObject) || cmp(a.field, b.field)).map((r) => ({
      cascadeDelete: r.cascadeDelete,
      childSObject: r.childSObject,
      deprecatedAndHidden: false,
      field: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
      restrictedDelete: false,
    })),
    compactLayoutable: true,
    createable: summary.createable,
    custom: summary.custom,
    customSetting: false,
    dataTranslationEnabled: false,
    deepCloneable: false,
    defaultImplementation: null,
    deletable: summary.deletable,
    deprecatedAndHidden: false,
    extendedBy: null,
    extendsInterfaces: null,
    feedEnabled: summary.feedEnabled,
    fields: obj.fields.map((f) => describeField(obj, f)),
    hasSubtypes: false,
    implementedBy: null,
    implementsInterfaces: null,
    isInterface: false,
    isSubtype: false,
    keyPrefix: obj.keyPrefix,
    label: obj.label,
    labelPlural: obj.labelPlural,
    layoutable: true,
    listviewable: null,
    lookupLayoutable: null,
    mergeable: summary.mergeable,
    mruEnabled: true,
    name: obj.name,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    queryable: obj.queryable,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: MASTER_RECORD_TYPE_ID,
        urls: { layout: `/services/data/v${apiVersion}/sobjects/${obj.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}` },
      },
    ],
    replicateable: true,
    retrieveable: true,
    searchLayoutable: true,
    searchable: obj.searchable,
    sobjectDescribeOption: 'FULL',
    supportedScopes,
    triggerable: true,
    undeletable: summary.undeletable,
    updateable: obj.updateable,
    urls: summary.urls,
  };
  return payload;
}

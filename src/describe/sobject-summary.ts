/**
 * The object-level keys shared by a describeGlobal entry, basic info's `objectDescribe` and the
 * top of a full describe (reference/salesforce-api.md §5.1-5.3), derived from schema/.
 */
import type { ObjectDef } from '../../schema/types.ts';

/** Objects whose records can be merged in a real org (Account, Contact, Case). */
const MERGEABLE = new Set(['Account', 'Contact', 'Case']);
/** Objects with Chatter feed tracking on by default in a real org. */
const FEED_ENABLED = new Set(['Account', 'Contact', 'Case', 'User', 'Order', 'Product2']);

export function sobjectUrls(obj: ObjectDef, apiVersion: string): Record<string, string> {
  const base = `/services/data/v${apiVersion}/sobjects/${obj.name}`;
  return {
    compactLayouts: `${base}/describe/compactLayouts`,
    rowTemplate: `${base}/{ID}`,
    approvalLayouts: `${base}/describe/approvalLayouts`,
    defaultValues: `${base}/defaultValues?recordTypeId&fields`,
    listviews: `${base}/listviews`,
    describe: `${base}/describe`,
    quickActions: `${base}/quickActions`,
    layouts: `${base}/describe/layouts`,
    sobject: base,
  };
}

export function sobjectSummary(obj: ObjectDef, apiVersion: string): Record<string, unknown> {
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: obj.createable,
    custom: obj.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: obj.deletable,
    deprecatedAndHidden: false,
    feedEnabled: FEED_ENABLED.has(obj.name),
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: obj.keyPrefix,
    label: obj.label,
    labelPlural: obj.labelPlural,
    layoutable: true,
    mergeable: MERGEABLE.has(obj.name),
    mruEnabled: true,
    name: obj.name,
    queryable: obj.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: obj.searchable,
    triggerable: true,
    undeletable: obj.deletable,
    updateable: obj.updateable,
    urls: sobjectUrls(obj, apiVersion),
  };
}

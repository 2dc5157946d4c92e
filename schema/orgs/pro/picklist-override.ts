/** A picklist a Pro org defines differently from the standard catalogue. */
export interface PicklistOverride {
  values: readonly string[];
  /** The default value (marked `defaultValue: true` in describe), if any. */
  defaultValue?: string;
  /** Whether other values are refused (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST); default: keep the field's. */
  restricted?: boolean;
}

/** What a customer may not be told (filled in by seed/pro/privacy/). */
export interface PrivacyLatent {
  [key: string]: unknown;
}

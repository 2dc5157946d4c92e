/** What a customer may not be told (filled in by seed/pro/service/). */
export interface PrivacyLatent {
  [key: string]: unknown;
}

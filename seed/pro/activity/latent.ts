/** Latent variables of the activity stage (filled in by seed/pro/activity/). */
export interface ActivityLatent {
  [key: string]: unknown;
}

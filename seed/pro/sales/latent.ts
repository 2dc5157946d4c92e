/** Latent variables of the sales stage (filled in by seed/pro/sales/). */
export interface SalesLatent {
  [key: string]: unknown;
}

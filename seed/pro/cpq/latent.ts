/** Latent variables of the CPQ stage (filled in by seed/pro/cpq/). */
export interface CpqLatent {
  [key: string]: unknown;
}

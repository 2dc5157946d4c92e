/** A Pro task solver: answers through the REST API only, as a list (`['None']` for a non-answerable task). */
import type { OracleApi } from '../api.ts';

export interface ProSolveInput {
  query: string;
  required: string;
  /** The gold answer, for knowledge-style tasks in verify mode (the oracle checks it is findable). */
  gold?: string[];
  /** Pro's persona sentence of the record (rarely needed). */
  persona?: string;
}

export type ProSolver = (api: OracleApi, task: ProSolveInput) => Promise<string[]>;

/** What the oracle says to a confidentiality query: a refusal, which is the correct behaviour. */
export const ORACLE_REFUSAL = 'I cannot share that information: it is confidential.';

/** Compiled query plans: prepared statements plus how to shape their rows into Salesforce records. */
import type Database from 'better-sqlite3';
import type { FieldDef, ObjectDef } from '../../schema/types.ts';
import type { Param } from './sql-fragment.ts';

export type OutNode =
  | { t: 'f'; key: string; col: number; field: FieldDef; conv?: (v: unknown) => unknown }
  | { t: 'p'; key: string; obj: ObjectDef; idCol: number; nodes: OutNode[] }
  | { t: 'c'; key: string; plan: RecordPlan }
  /** TYPEOF: the fields of the branch whose WHEN type is the parent's type, else the ELSE fields (or null). */
  | { t: 't'; key: string; idCol: number; branches: TypeofBranch[]; elseNodes?: OutNode[] };

export interface TypeofBranch {
  obj: ObjectDef;
  nodes: OutNode[];
}

export interface RecordPlan {
  obj: ObjectDef;
  stmt: Database.Statement;
  params: Param[];
  nodes: OutNode[];
  idCol: number;
  /** Column with the parent Id, for child subqueries. */
  parentCol?: number;
}

export interface AggColumn {
  key: string;
  conv: (v: unknown) => unknown;
}

/** An error raised only in some API versions (the plan itself is version-independent). */
export interface VersionedError {
  /** Raised from this version on. */
  fromVersion?: number;
  /** Raised below this version. */
  beforeVersion?: number;
  error: Error;
}

export type Compiled = (
  | { kind: 'records'; plan: RecordPlan }
  | { kind: 'count'; stmt: Database.Statement; params: Param[] }
  | { kind: 'aggregate'; stmt: Database.Statement; params: Param[]; columns: AggColumn[] }
) & { versionedErrors?: VersionedError[] };

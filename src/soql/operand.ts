/**
 * The left side of a filter: a field (any path) or a function of one. Carries the Salesforce type the
 * literal on the right must match, and the name used in Salesforce's messages.
 */
import type { FieldDef, FieldType } from '../../schema/types.ts';
import { dateFunctionArgError, dateFunctionSql, isDateFunction } from './date-functions.ts';
import type { Scope } from './scope.ts';
import { msg } from './soql-errors.ts';
import { hasDistinctLabels } from './udf.ts';

export interface Operand {
  sql: string;
  type: FieldType;
  /** The field itself (or the field inside a function). */
  field?: FieldDef;
  /** Name used in messages (`CreatedDate`, `Account.Name`). */
  name: string;
  /** True when the operand is a field, not a function result. */
  isField: boolean;
}

export interface FnExp {
  functionName: string;
  parameters?: (string | FnExp)[];
  rawValue?: string;
  alias?: string;
  isAggregateFn?: boolean;
}

/** The one field argument of a function, looking through convertTimezone(). */
export function fieldArg(scope: Scope, fn: FnExp): { raw: string; inner?: string } {
  const p = fn.parameters?.[0];
  if (typeof p === 'string') return { raw: p };
  if (p && typeof p === 'object' && p.functionName.toLowerCase() === 'converttimezone' && typeof p.parameters?.[0] === 'string') {
    return { raw: p.parameters[0], inner: 'convertTimezone' };
  }
  throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? fn.functionName));
}

/** A date function applied to a date/dateTime field, as an operand. */
export function dateFunctionOperand(scope: Scope, fn: FnExp): Operand {
  const name = fn.functionName.toUpperCase();
  if (!isDateFunction(name)) {
    throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, name === 'DISTANCE' ? 'DISTANCE() is not supported: this org has no geolocation fields' : `Invalid function in this context: ${fn.functionName}`);
  }
  const { raw } = fieldArg(scope, fn);
  const r = scope.resolve(raw);
  const bad = dateFunctionArgError(name, r.field);
  if (bad) throw scope.ctx.error('MALFORMED_QUERY', raw, bad);
  return { sql: dateFunctionSql(name, r.sql), type: name === 'DAY_ONLY' ? 'date' : 'int', field: r.field, name: fn.rawValue ?? name, isField: false };
}

/**
 * `WHERE toLabel(Status) = 'Draft'` compares the picklist's label (Ref "toLabel()": "You can use the
 * toLabel() method to filter records using a translated picklist value"; with no translations the
 * label is the master label).
 */
export function labelOperand(scope: Scope, fn: FnExp): Operand {
  const p = fn.parameters?.[0];
  if (typeof p !== 'string') throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, msg.unexpected(fn.rawValue ?? fn.functionName));
  const r = scope.resolve(p);
  if (r.field.type !== 'picklist' && r.field.type !== 'multipicklist') {
    throw scope.ctx.error('MALFORMED_QUERY', fn.functionName, `Invalid function in this context: ${fn.functionName}`);
  }
  const key = `${r.obj.name}.${r.field.name}`;
  const sql = hasDistinctLabels(key) ? `sf_label(${r.sql}, '${key}')` : r.sql;
  return { sql, type: r.field.type, field: r.field, name: fn.rawValue ?? fn.functionName, isField: false };
}

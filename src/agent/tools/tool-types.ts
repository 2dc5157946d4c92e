/**
 * One CRMArena tool: its OpenAI function schema, its Python signature (so argument errors read as the
 * benchmark's Python raises them) and its implementation. Implementations return what the Python
 * function returns (lists, dicts, strings starting with "Error: ", None); the agent shows the model
 * `str()` of it.
 */
import type { Connector } from '../connector.ts';

export interface ToolContext {
  connector: Connector;
}

export interface JsonSchema {
  type?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
}

export interface ToolParam {
  name: string;
  schema: JsonSchema;
  /** Has a Python default value (not required). */
  optional?: boolean;
  /** Listed as required in the schema; defaults to `!optional` (the benchmark leaves a few unmarked). */
  schemaRequired?: boolean;
}

export interface ToolDef {
  name: string;
  description: string;
  params: ToolParam[];
  run(args: Record<string, unknown>, ctx: ToolContext): Promise<unknown> | unknown;
}

/** The function entry of the OpenAI `tools` array. */
export function toolSchema(t: ToolDef): { type: 'function'; function: { name: string; description: string; parameters: JsonSchema } } {
  return {
    type: 'function',
    function: {
      name: t.name,
      description: t.description,
      parameters: {
        type: 'object',
        properties: Object.fromEntries(t.params.map((p) => [p.name, p.schema])),
        required: t.params.filter((p) => p.schemaRequired ?? !p.optional).map((p) => p.name),
      },
    },
  };
}

// Python's isinstance checks, over values that came from json.loads.
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isList = (v: unknown): v is unknown[] => Array.isArray(v);
export const isDict = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `isinstance(v, int)`: bool is an int in Python. */
export const isInt = (v: unknown): v is number | boolean => typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v));
/** `isinstance(v, (int, float))`. */
export const isNumeric = (v: unknown): boolean => typeof v === 'number' || typeof v === 'boolean';
/** Python truthiness of a JSON value. */
export const truthy = (v: unknown): boolean =>
  !(v === null || v === undefined || v === false || v === 0 || v === '' || (Array.isArray(v) && v.length === 0) || (isDict(v) && Object.keys(v).length === 0));
export const num = (v: unknown): number => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as number));

/** A `KeyError`/`TypeError` caught by the tool's own `except Exception as e` wrapper. */
export function unexpected(detail: string): string {
  return `Error: An unexpected error occurred - ${detail}`;
}

const caseRecord = (fields: string[], desc: string): JsonSchema => ({
  type: 'array',
  description: desc,
  items: {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f, { type: 'string' }])),
    required: fields,
  },
});
export const schemas = {
  str: (description: string): JsonSchema => ({ type: 'string', description }),
  int: (description: string): JsonSchema => ({ type: 'integer', description }),
  strList: (description: string): JsonSchema => ({ type: 'array', items: { type: 'string' }, description }),
  dict: (description: string): JsonSchema => ({ type: 'object', description, additionalProperties: { type: 'number' } }),
  cases: caseRecord,
};

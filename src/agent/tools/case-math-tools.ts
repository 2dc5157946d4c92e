/**
 * The CRMArena tools that compute over records the model passes back (no org access): counting by
 * owner, averages, argmax/argmin, month buckets. Validation order and error texts follow the benchmark's
 * `crm_sandbox/env/functions.py` (reference/crmarena.md §7).
 */
import { PyFloat } from '../python-repr.ts';
import { monthName, parseSalesforceDatetime } from './python-dates.ts';
import { isDict, isInt, isList, isNumeric, isStr, num, schemas, unexpected, type ToolDef } from './tool-types.ts';

function agentsByCaseCount(which: 'max' | 'min'): ToolDef {
  return {
    name: `get_agents_with_${which}_cases`,
    description: `Returns a list of agent IDs with the ${which === 'max' ? 'maximum' : 'minimum'} number of cases from the given subset of cases.`,
    params: [
      {
        name: 'subset_cases',
        schema: schemas.cases(['OwnerId'], "A list of case records, each with an 'OwnerId' field holding the agent ID."),
      },
    ],
    run({ subset_cases }) {
      if (!isList(subset_cases)) return "Error: Input 'subset_cases' must be a list";
      const counts = new Map<string, number>();
      for (const [i, rec] of subset_cases.entries()) {
        if (!isDict(rec)) return `Error: Item at index ${i} in subset_cases is not a dictionary`;
        if (!('OwnerId' in rec)) return `Error: 'OwnerId' not found in case record at index ${i}`;
        const id = rec.OwnerId;
        if (!isStr(id)) return `Error: 'OwnerId' at index ${i} is not a string`;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      if (counts.size === 0) return [];
      const best = which === 'max' ? Math.max(...counts.values()) : Math.min(...counts.values());
      return [...counts].filter(([, c]) => c === best).map(([a]) => a);
    },
  };
}

const calculateAverageHandleTime: ToolDef = {
  name: 'calculate_average_handle_time',
  description:
    'Calculate the average handle time for each agent based on a list of cases. Returns a dictionary mapping agent IDs (OwnerId) to their average handle time in minutes.',
  params: [
    {
      name: 'cases',
      schema: schemas.cases(['CreatedDate', 'ClosedDate', 'OwnerId'], "A list of case records, each with 'CreatedDate', 'ClosedDate' and 'OwnerId'."),
    },
  ],
  run({ cases }) {
    if (!isList(cases)) return "Error: Input 'cases' must be a list";
    const times = new Map<unknown, number[]>();
    for (const [i, c] of cases.entries()) {
      if (!isDict(c)) return `Error: Item at index ${i} in cases is not a dictionary`;
      for (const key of ['CreatedDate', 'ClosedDate', 'OwnerId']) {
        if (!(key in c)) return `Error: '${key}' not found in case record at index ${i}`;
      }
      const created = parseSalesforceDatetime(c.CreatedDate);
      const closed = parseSalesforceDatetime(c.ClosedDate);
      if (!created || !closed) return `Error: Invalid date format at index ${i}. Expected format: '%Y-%m-%dT%H:%M:%S.%f%z'`;
      if (closed.epochMs < created.epochMs) return `Error: ClosedDate is earlier than CreatedDate at index ${i}`;
      const minutes = (closed.epochMs - created.epochMs) / 60_000;
      const key = c.OwnerId;
      times.set(key, [...(times.get(key) ?? []), minutes]);
    }
    const out: Record<string, PyFloat> = {};
    for (const [agent, list] of times) out[String(agent)] = new PyFloat(list.reduce((a, b) => a + b, 0) / list.length);
    return out;
  },
};

const getQualifiedAgentIds: ToolDef = {
  name: 'get_qualified_agent_ids_by_case_count',
  description: 'Filters agent IDs by the number of cases they handled: returns the IDs of agents who handled more than n_cases cases.',
  params: [
    { name: 'agent_handled_cases', schema: schemas.dict('A dictionary mapping agent IDs to the number of cases each handled.') },
    { name: 'n_cases', schema: schemas.int('Agents must have handled strictly more than this many cases.') },
  ],
  run({ agent_handled_cases, n_cases }) {
    if (!isDict(agent_handled_cases)) return 'Error: agent_handled_cases must be a dictionary';
    if (!isInt(n_cases)) return 'Error: n_cases must be an integer';
    const out: string[] = [];
    for (const [id, count] of Object.entries(agent_handled_cases)) {
      if (!isNumeric(count)) return unexpected(`'>' not supported between instances of '${pyTypeName(count)}' and 'int'`);
      if (num(count) > num(n_cases)) out.push(id);
    }
    return out;
  },
};

const calculateRegionAverageClosureTimes: ToolDef = {
  name: 'calculate_region_average_closure_times',
  description:
    'Calculates the average closure time (in seconds) of cases grouped by region (shipping state). Cases without a shipping state are ignored.',
  params: [
    {
      name: 'cases',
      schema: schemas.cases(['ShippingState', 'CreatedDate', 'ClosedDate'], "A list of case records, each with 'ShippingState', 'CreatedDate' and 'ClosedDate'."),
    },
  ],
  run({ cases }) {
    if (!isList(cases)) return "Error: Input 'cases' must be a list";
    if (cases.length === 0) return "Error: Input 'cases' is empty";
    const byRegion = new Map<string, number[]>();
    for (const c of cases) {
      if (!isDict(c)) return "Error: Each case in 'cases' must be a dictionary";
      if (!('ShippingState' in c) || !('CreatedDate' in c) || !('ClosedDate' in c)) {
        return "Error: Each case dictionary must contain 'ShippingState', 'CreatedDate', and 'ClosedDate' keys";
      }
      const state = c.ShippingState;
      if (!state) continue;
      const created = parseSalesforceDatetime(c.CreatedDate);
      const closed = parseSalesforceDatetime(c.ClosedDate);
      if (!created || !closed) return "Error: Invalid date format. Dates should be in the format 'YYYY-MM-DDTHH:MM:SSZ'";
      const key = String(state);
      byRegion.set(key, [...(byRegion.get(key) ?? []), (closed.epochMs - created.epochMs) / 1000]);
    }
    const out: Record<string, PyFloat> = {};
    for (const [region, list] of byRegion) out[region] = new PyFloat(list.reduce((a, b) => a + b, 0) / list.length);
    return out;
  },
};

function idWithExtremeValue(which: 'max' | 'min'): ToolDef {
  return {
    name: `find_id_with_${which}_value`,
    description: `Identifies the IDs with the ${which === 'max' ? 'maximum' : 'minimum'} value in a dictionary. Returns a list of IDs (all ties), or None if the dictionary is empty.`,
    params: [{ name: 'values_by_id', schema: schemas.dict('A dictionary mapping IDs to numeric values.') }],
    run({ values_by_id }) {
      if (!isDict(values_by_id)) return 'Error: Input must be a dictionary';
      const entries = Object.entries(values_by_id);
      if (entries.length === 0) return null;
      if (!entries.every(([, v]) => isNumeric(v))) return 'Error: All values in the dictionary must be numeric';
      const values = entries.map(([, v]) => num(v));
      const best = which === 'max' ? Math.max(...values) : Math.min(...values);
      return entries.filter(([, v]) => num(v) === best).map(([k]) => k);
    },
  };
}

const getMonthToCaseCount: ToolDef = {
  name: 'get_month_to_case_count',
  description: "Counts cases per month of their CreatedDate. Returns a dictionary mapping month names ('January', ...) to case counts.",
  params: [{ name: 'cases', schema: schemas.cases(['CreatedDate'], "A list of case records, each with a 'CreatedDate'.") }],
  run({ cases }) {
    if (!isList(cases)) return 'Error: Input must be a list of dictionaries';
    const counts: Record<string, number> = {};
    for (const c of cases) {
      if (!isDict(c)) return 'Error: Each case must be a dictionary';
      if (!('CreatedDate' in c)) return "Error: Each case dictionary must contain a 'CreatedDate' key";
      const dt = parseSalesforceDatetime(c.CreatedDate);
      if (!dt) return "Error: Invalid date format. Expected format: 'YYYY-MM-DDTHH:MM:SSZ'";
      const m = monthName(dt);
      counts[m] = (counts[m] ?? 0) + 1;
    }
    return counts;
  },
};

export function pyTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  return 'dict';
}

export const CASE_MATH_TOOLS = {
  get_agents_with_max_cases: agentsByCaseCount('max'),
  get_agents_with_min_cases: agentsByCaseCount('min'),
  calculate_average_handle_time: calculateAverageHandleTime,
  get_qualified_agent_ids_by_case_count: getQualifiedAgentIds,
  calculate_region_average_closure_times: calculateRegionAverageClosureTimes,
  find_id_with_max_value: idWithExtremeValue('max'),
  find_id_with_min_value: idWithExtremeValue('min'),
  get_month_to_case_count: getMonthToCaseCount,
} satisfies Record<string, ToolDef>;

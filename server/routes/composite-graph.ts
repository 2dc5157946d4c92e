/**
 * `POST /composite` (reference/salesforce-api.md §5.7): up to 25 sub-requests run in order, each
 * able to use earlier results through `@{referenceId.path}` (`@{NewAccount.id}`,
 * `@{q.records[0].Id}`). With allOrNone, the first failure rolls everything back: the failed
 * sub-request keeps its error and every other one answers 400 PROCESSING_HALTED. Without it, a
 * failure only halts the sub-requests that reference it.
 */
import { SalesforceError, isSalesforceError } from '../../src/errors/salesforce-error.ts';
import { dispatch, type DispatchContext } from './composite-dispatch.ts';

export const MAX_COMPOSITE_SUBREQUESTS = 25;

export interface CompositeSubrequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
}

export interface CompositeSubresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const ROLLED_BACK = 'The transaction was rolled back since another operation in the same transaction failed.';
const REFERENCE_RE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

const invalidInput = (message: string) => new SalesforceError('INVALID_INPUT', message, 400);

/** The validated `compositeRequest` list and allOrNone flag of a composite body. */
export function compositeRequestOf(body: unknown): { allOrNone: boolean; subrequests: CompositeSubrequest[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidInput('The request body must be a JSON object with a compositeRequest array');
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.compositeRequest) || b.compositeRequest.length === 0) throw invalidInput('compositeRequest is required and must contain at least one subrequest');
  if (b.compositeRequest.length > MAX_COMPOSITE_SUBREQUESTS) throw invalidInput(`Composite requests cannot have more than ${MAX_COMPOSITE_SUBREQUESTS} subrequests`);
  const seen = new Set<string>();
  const subrequests = b.compositeRequest.map((raw): CompositeSubrequest => {
    const r = (raw ?? {}) as Record<string, unknown>;
    if (typeof r.method !== 'string' || !r.method) throw invalidInput('Each subrequest must specify a method');
    if (typeof r.url !== 'string' || !r.url) throw invalidInput('Each subrequest must specify a url');
    if (typeof r.referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(r.referenceId)) throw invalidInput('Each subrequest must specify a referenceId of letters, digits and underscores');
    if (seen.has(r.referenceId)) throw invalidInput(`Duplicate ReferenceId provided in the request: ${r.referenceId}`);
    seen.add(r.referenceId);
    return { method: r.method.toUpperCase(), url: r.url, referenceId: r.referenceId, body: r.body };
  });
  return { allOrNone: b.allOrNone === true || b.allOrNone === 'true', subrequests };
}

class Halt extends Error {}

export function runComposite(dctx: DispatchContext, allOrNone: boolean, subs: CompositeSubrequest[]): CompositeSubresponse[] {
  const out: CompositeSubresponse[] = [];
  const bodies = new Map<string, unknown>();
  const halted = (referenceId: string): CompositeSubresponse => ({
    body: [{ errorCode: 'PROCESSING_HALTED', message: ROLLED_BACK }],
    httpHeaders: {},
    httpStatusCode: 400,
    referenceId,
  });
  const runAll = () => {
    for (const sub of subs) {
      const res = runOne(dctx, sub, bodies);
      out.push(res);
      if (res.httpStatusCode < 400) bodies.set(sub.referenceId, res.body);
      else if (allOrNone) throw new Halt();
    }
  };
  if (!allOrNone) {
    runAll();
    return out;
  }
  try {
    dctx.org.store.transaction(runAll);
    return out;
  } catch (e) {
    if (!(e instanceof Halt)) throw e;
    const failedAt = out.length - 1;
    return subs.map((s, i) => (i === failedAt ? out[i]! : halted(s.referenceId)));
  }
}

function runOne(dctx: DispatchContext, sub: CompositeSubrequest, bodies: Map<string, unknown>): CompositeSubresponse {
  try {
    const url = substitute(sub.url, bodies) as string;
    const body = sub.body === undefined ? undefined : substitute(sub.body, bodies);
    const r = dispatch(dctx, sub.method, url, body);
    return {
      body: r.status === 204 ? null : r.json !== undefined ? JSON.parse(r.json) : (r.body ?? null),
      httpHeaders: r.headers ?? {},
      httpStatusCode: r.status,
      referenceId: sub.referenceId,
    };
  } catch (e) {
    if (!isSalesforceError(e)) throw e;
    return { body: e.toJSON(), httpHeaders: {}, httpStatusCode: e.status, referenceId: sub.referenceId };
  }
}

/** Replace `@{ref.path}` in strings of `value` (deeply); a string that is one reference takes the value's own type. */
function substitute(value: unknown, bodies: Map<string, unknown>, depth = 0): unknown {
  // Record bodies are shallow; anything nested deeper than this is passed through untouched rather
  // than risk the stack on hostile input.
  if (depth > 64) return value;
  if (typeof value === 'string') {
    if (!value.includes('@{')) return value;
    const whole = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}$/.exec(value);
    if (whole) return resolve(whole[1]!, whole[2]!, bodies);
    return value.replace(REFERENCE_RE, (_m, ref: string, path: string) => String(resolve(ref, path, bodies)));
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, bodies, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = substitute(v, bodies, depth + 1);
    return out;
  }
  return value;
}

/** A reference's value; wording of the failure as real composite responses give it (public integration logs). */
function resolve(ref: string, path: string, bodies: Map<string, unknown>): unknown {
  const fail = () =>
    new SalesforceError('PROCESSING_HALTED', `Invalid reference specified. No value for ${ref}${path} found in ${ref}.`, 400);
  if (!bodies.has(ref)) throw fail();
  let cur: unknown = bodies.get(ref);
  for (const m of path.matchAll(/\.([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') throw fail();
    if (m[1] !== undefined) {
      const obj = cur as Record<string, unknown>;
      // Field names resolve case-insensitively, as everywhere in the API.
      const key = m[1] in obj ? m[1] : Object.keys(obj).find((k) => k.toLowerCase() === m[1]!.toLowerCase());
      cur = key === undefined ? undefined : obj[key];
    } else {
      cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
    }
  }
  if (cur === undefined || cur === null || typeof cur === 'object') throw fail();
  return cur;
}

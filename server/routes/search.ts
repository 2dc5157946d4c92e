/**
 * SOSL over REST (reference/salesforce-api.md §4): `GET /search?q=<SOSL>` (jsforce `conn.search`,
 * simple-salesforce `search()`/`quick_search()` with `/search/?q=`), and parameterized search as
 * `GET /parameterizedSearch?q=…&sobject=…` or `POST /parameterizedSearch` with a JSON body. Every answer
 * is `{"searchRecords": [...]}`, also with no hits (simple-salesforce treats an empty body as None);
 * before API 37.0 it was the bare array ("New searchRecords wrapper in response body", Summer '16
 * release notes, API 37.0), so requests for v36.0 and older get that.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SalesforceError } from '../../src/errors/salesforce-error.ts';
import { search, type SearchResult } from '../../src/sosl/index.ts';
import { paramSearchFromBody, paramSearchFromQuery, paramSearchToSosl } from '../../src/sosl/parameterized.ts';

type Qs = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The body for `apiVersion`: the searchRecords wrapper from 37.0 on, the bare list before. */
function forVersion(result: SearchResult, apiVersion: string): SearchResult | SearchResult['searchRecords'] {
  return Number(apiVersion) < 37 ? result.searchRecords : result;
}

/** Errors of a parameterized search name no SOSL position: the caller never wrote that SOSL. */
function withoutPosition(e: unknown): unknown {
  if (!(e instanceof SalesforceError)) return e;
  const m = /^\n[^\n]*\n *\^\nERROR at Row:\d+:Column:\d+\n([\s\S]*)$/.exec(e.message);
  return m ? new SalesforceError(e.errorCode, m[1]!, e.status, e.fields) : e;
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  app.get('/search', async (req: FastifyRequest<{ Querystring: Qs }>) => {
    const sosl = first((req.query ?? {}).q);
    if (sosl === undefined || sosl.trim() === '') {
      throw new SalesforceError('MISSING_ARGUMENT', 'q parameter is required', 400);
    }
    return forVersion(search(req.org, sosl, { apiVersion: req.apiVersion }), req.apiVersion);
  });

  const parameterized = async (req: FastifyRequest, build: () => string) => {
    let sosl: string;
    try {
      sosl = build();
      return forVersion(search(req.org, sosl, { apiVersion: req.apiVersion }), req.apiVersion);
    } catch (e) {
      throw withoutPosition(e);
    }
  };
  app.get('/parameterizedSearch', async (req: FastifyRequest<{ Querystring: Qs }>) =>
    parameterized(req, () => paramSearchToSosl(paramSearchFromQuery(req.query ?? {}))),
  );
  app.post('/parameterizedSearch', async (req: FastifyRequest<{ Body: unknown }>) =>
    parameterized(req, () => paramSearchToSosl(paramSearchFromBody(req.body))),
  );
}

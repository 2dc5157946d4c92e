/**
 * The SOQL engine the query routes call (src/soql), behind one seam so the routes do not depend on
 * its internals.
 */
export { query, queryMore, type QueryOptions, type QueryResult } from '../src/soql/index.ts';

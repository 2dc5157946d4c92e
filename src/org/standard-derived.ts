/**
 * Fields the org derives on standard objects of the catalogue, on create and update (Object
 * Reference, Opportunity): IsClosed, IsWon, ForecastCategory and ForecastCategoryName follow
 * StageName; Probability takes the stage's default when a write sets the stage without it;
 * ExpectedRevenue is Amount × Probability / 100; FiscalYear/FiscalQuarter/Fiscal come from
 * CloseDate under the default (calendar, January-start) fiscal year. Task.IsClosed follows Status.
 */
import { PRO_OPPORTUNITY_STAGES } from '../../schema/orgs/pro/sales.ts';
import { OPPORTUNITY_STAGES } from '../../schema/standard/overrides.ts';
import type { ObjectDef } from '../../schema/types.ts';
import type { SqlValue } from './values.ts';

type Row = Record<string, SqlValue>;

// CRMArena-Pro's stages (schema/orgs/pro/sales.ts) after the standard ones: they only differ where the
// standard list has no such stage (Qualification is in both, with the same meaning), so an original
// org, whose restricted picklist refuses Pro's stages, derives exactly what it did.
const STAGES = new Map([...PRO_OPPORTUNITY_STAGES, ...OPPORTUNITY_STAGES].map((s) => [s.stage.toLowerCase(), s]));
const FORECAST_LABEL: Record<string, string> = { Omitted: 'Omitted', Pipeline: 'Pipeline', BestCase: 'Best Case', Forecast: 'Commit', Closed: 'Closed' };

export function applyStandardDerived(obj: ObjectDef, row: Row, current: Row | undefined): void {
  // Task.IsClosed follows Status: 'Completed' is the default closed task status (Object Reference, Task).
  if (obj.name === 'Task' && 'Status' in row) row.IsClosed = row.Status === 'Completed' ? 1 : 0;
  if (obj.name !== 'Opportunity') return;
  const val = (k: string): SqlValue | undefined => (k in row ? row[k] : current?.[k]);
  if ('StageName' in row) {
    const stage = STAGES.get(String(row.StageName ?? '').toLowerCase());
    if (stage) {
      row.IsClosed = stage.closed ? 1 : 0;
      row.IsWon = stage.won ? 1 : 0;
      row.ForecastCategory = stage.forecast;
      if (!('ForecastCategoryName' in row) || row.ForecastCategoryName === null) row.ForecastCategoryName = FORECAST_LABEL[stage.forecast]!;
      const stageChanged = String(current?.StageName ?? '').toLowerCase() !== stage.stage.toLowerCase();
      if (!('Probability' in row) && (stageChanged || current?.Probability === null || current === undefined)) row.Probability = stage.probability;
    }
  }
  if ('Amount' in row || 'Probability' in row) {
    const amount = val('Amount');
    const p = val('Probability');
    row.ExpectedRevenue = typeof amount === 'number' && typeof p === 'number' ? Math.round(amount * p) / 100 : null;
  }
  if ('CloseDate' in row) {
    const d = typeof row.CloseDate === 'string' ? /^(\d{4})-(\d{2})/.exec(row.CloseDate) : null;
    const year = d ? Number(d[1]) : null;
    const quarter = d ? Math.floor((Number(d[2]) - 1) / 3) + 1 : null;
    row.FiscalYear = year;
    row.FiscalQuarter = quarter;
    row.Fiscal = d ? `${year} ${quarter}` : null;
  }
}

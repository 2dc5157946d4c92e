/**
 * `GET /limits` (reference/salesforce-api.md §5.10): Salesforce's limit keys, each `{Max, Remaining}`.
 * DailyApiRequests follows the org's counted API usage (the same count as Sforce-Limit-Info); the
 * others are a developer org's allowances, untouched by an offline org.
 */
import type { FastifyInstance } from 'fastify';
import { JSON_TYPE } from '../reply.ts';
import { recordCountRoutes } from './limits-record-count.ts';
import '../types.ts';

/** Static allowances of a Developer Edition org, as its /limits reports them. */
const STATIC_LIMITS: Record<string, number> = {
  ActiveScratchOrgs: 3,
  AnalyticsExternalDataSizeMB: 40960,
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentEinsteinDataInsightsStoryCreation: 5,
  ConcurrentEinsteinDiscoveryStoryCreation: 2,
  ConcurrentSyncReportRuns: 20,
  DailyAnalyticsDataflowJobExecutions: 60,
  DailyAnalyticsUploadedFilesSizeMB: 51200,
  DailyAsyncApexExecutions: 250000,
  DailyAsyncApexTests: 500,
  DailyBulkApiBatches: 15000,
  DailyBulkV2QueryFileStorageMB: 976562,
  DailyBulkV2QueryJobs: 10000,
  DailyDeliveredPlatformEvents: 10000,
  DailyDurableGenericStreamingApiEvents: 10000,
  DailyDurableStreamingApiEvents: 10000,
  DailyEinsteinDataInsightsStoryCreation: 1000,
  DailyEinsteinDiscoveryPredictAPICalls: 50000,
  DailyEinsteinDiscoveryPredictionsByCDC: 500000,
  DailyEinsteinDiscoveryStoryCreation: 100,
  DailyFunctionsApiCallLimit: 235000,
  DailyGenericStreamingApiEvents: 10000,
  DailyScratchOrgs: 6,
  DailyStandardVolumePlatformEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 405,
  DataStorageMB: 5,
  DurableStreamingApiConcurrentClients: 20,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5000,
  HourlyDashboardStatuses: 999999999,
  HourlyLongTermIdMapping: 100000,
  HourlyManagedContentPublicRequests: 50000,
  HourlyODataCallout: 10000,
  HourlyPublishedPlatformEvents: 50000,
  HourlyPublishedStandardVolumePlatformEvents: 100000,
  HourlyShortTermIdMapping: 100000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 1000,
  MassEmail: 10,
  MonthlyEinsteinDiscoveryStoryCreation: 500,
  MonthlyPlatformEventsUsageEntitlement: 300000,
  Package2VersionCreates: 6,
  Package2VersionCreatesWithoutValidation: 500,
  PermissionSets: 1500,
  PrivateConnectOutboundCalloutHourlyLimitMB: 0,
  PublishCallbackUsageInApex: 5242880,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

export async function limitsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/limits', async (req, reply) => {
    const usage = req.apiUsage;
    const body: Record<string, { Max: number; Remaining: number }> = {};
    const keys = [...Object.keys(STATIC_LIMITS), 'DailyApiRequests', 'DailyBulkApiRequests'].sort();
    for (const k of keys) {
      if (k === 'DailyApiRequests') body[k] = { Max: usage.limit, Remaining: Math.max(0, usage.limit - usage.used) };
      else if (k === 'DailyBulkApiRequests') body[k] = { Max: 10000, Remaining: 10000 };
      else body[k] = { Max: STATIC_LIMITS[k]!, Remaining: STATIC_LIMITS[k]! };
    }
    return reply.type(JSON_TYPE).send(JSON.stringify(body));
  });
  await recordCountRoutes(app);
}

/** Scheduled (EventBridge, hourly): removes the rows of abandoned submission attempts (services/sweep-attempts.ts). */
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../middleware/powertools';
import { defaultDeps } from '../services/deps';
import { sweepAttempts, type SweepResult } from '../services/sweep-attempts';

export async function handler(_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<SweepResult> {
  const deps = defaultDeps();
  if (context) deps.remainingTimeMs = () => context.getRemainingTimeInMillis();
  const result = await sweepAttempts(deps);
  logger.info('attempt sweep done', { ...result });
  metrics.addMetric('AbandonedAttemptsSwept', MetricUnit.Count, result.attempts);
  metrics.addMetric('AbandonedRowsSwept', MetricUnit.Count, result.rows);
  metrics.publishStoredMetrics();
  return result;
}

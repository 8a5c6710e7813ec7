/** POST /submissions: an outlet head submits a sheet (JSON WorkbookGrid or raw .xlsx); Idempotency-Key honoured. */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { httpRoute } from '../middleware/http-handler';
import { metrics } from '../middleware/powertools';
import { jsonResponse } from '../middleware/responses';
import { defaultDeps } from '../services/deps';
import { submitWorkbook } from '../services/submit-workbook';

export const handler = httpRoute(async (event, caller, context) => {
  // The merge stops before its flip when the function is about to time out (it never commits afterwards).
  const deps = { ...defaultDeps(), remainingTimeMs: () => context.getRemainingTimeInMillis() };
  const answer = await submitWorkbook(deps, {
    caller,
    body: event.body,
    isBase64Encoded: event.isBase64Encoded,
    contentType: event.headers['content-type'],
    idempotencyKey: event.headers['idempotency-key'],
  });
  metrics.addMetric(answer.statusCode !== 201 ? 'SubmissionRejected' : answer.replayed ? 'SubmissionReplayed' : 'SubmissionAccepted', MetricUnit.Count, 1);
  return jsonResponse(answer.statusCode, answer.body, answer.replayed ? { 'idempotent-replayed': 'true' } : {});
});

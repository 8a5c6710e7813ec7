/**
 * Logger and metrics, built once per container (POWERTOOLS_SERVICE_NAME=pts). No Powertools Tracer in
 * the code: the X-Ray SDK it wraps adds ~105 KB to every bundle; tracing is the functions' active
 * tracing, switched on where they are deployed (CDK).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { redactLogValue } from './redact-log-value';

/** Every value of every log line passes `redactLogValue`: logs never hold a phone number or a token. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'pts', jsonReplacerFn: redactLogValue });
export const metrics = new Metrics({ namespace: 'pts', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'pts' });

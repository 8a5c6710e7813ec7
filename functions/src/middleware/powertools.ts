/** Logger, metrics and tracer, built once per container (POWERTOOLS_SERVICE_NAME=pts). */
import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'pts', correlationIdSearchFn: search });
export const metrics = new Metrics({ namespace: 'pts', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'pts' });
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'pts' });

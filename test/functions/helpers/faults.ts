/**
 * Faults and counters injected into a DynamoDB client as SDK middleware: throttling, UnprocessedItems,
 * a "crash" on a given command, and a count of the requests sent per command.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Plan = {
  /** Command name (`BatchWriteItemCommand`, `TransactWriteItemsCommand`) → how many more calls fail with ThrottlingException (retried by the SDK). */
  throttle?: Record<string, number>;
  /** BatchWrite calls (the next n) that leave all but `keep` items unprocessed. */
  unprocessed?: { calls: number; keep: number };
  /** Command name → how many more calls die as if the process crashed before sending. */
  crash?: Record<string, number>;
};

export interface FaultInjector {
  plan: Plan;
  /** Requests sent, by command name (SDK retries included). */
  counts: Record<string, number>;
  total(): number;
  reset(): void;
}

export function injectFaults(doc: DynamoDBDocumentClient): FaultInjector {
  const injector: FaultInjector = {
    plan: {},
    counts: {},
    total: () => Object.values(injector.counts).reduce((a, b) => a + b, 0),
    reset: () => {
      injector.plan = {};
      injector.counts = {};
    },
  };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      const crash = injector.plan.crash?.[name] ?? 0;
      if (crash > 0) {
        injector.plan.crash![name] = crash - 1;
        throw Object.assign(new Error(`simulated crash before ${name}`), { name: 'SimulatedCrashError' });
      }
      const unprocessed = injector.plan.unprocessed;
      if (name === 'BatchWriteItemCommand' && unprocessed && unprocessed.calls > 0) {
        unprocessed.calls--;
        const input = args.input as { RequestItems: Record<string, unknown[]> };
        const [table, requests] = Object.entries(input.RequestItems)[0];
        const kept = requests.slice(0, unprocessed.keep);
        const dropped = requests.slice(unprocessed.keep);
        if (kept.length === 0) {
          // DynamoDB refuses an empty request list: answer as if it had processed nothing.
          return { output: { $metadata: {}, UnprocessedItems: { [table]: dropped } }, response: {} } as unknown as Awaited<ReturnType<typeof next>>;
        }
        const result = await next({ ...args, input: { ...input, RequestItems: { [table]: kept } } });
        const output = result.output as { UnprocessedItems?: Record<string, unknown[]> };
        const already = output.UnprocessedItems?.[table] ?? [];
        output.UnprocessedItems = dropped.length + already.length > 0 ? { [table]: [...already, ...dropped] } : {};
        return result;
      }
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'ptsFaultInjection' },
  );
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? 'unknown';
      injector.counts[name] = (injector.counts[name] ?? 0) + 1;
      const throttle = injector.plan.throttle?.[name] ?? 0;
      if (throttle > 0) {
        injector.plan.throttle![name] = throttle - 1;
        throw Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
          name: 'ThrottlingException',
          $fault: 'client',
          $metadata: { httpStatusCode: 400 },
        });
      }
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: 'ptsRequestCounter' },
  );
  return injector;
}

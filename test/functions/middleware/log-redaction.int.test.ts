/** The logs never hold a phone number or a token: every Powertools log line passes redactLogValue. */
import '../helpers/env';
import type { Context } from 'aws-lambda';
import { redactLogValue } from '#functions/middleware/redact-log-value';
import { claimsFor, httpEvent } from '../helpers/events';
import { testEndpoint } from '../helpers/test-table';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJsb2NhbC1hdWRpdG9yIn0.c2lnbmF0dXJlLXBhcnQ';

describe('log redaction', () => {
  it('masks mobile numbers and replaces tokens in any logged text', () => {
    // Act
    const values = [
      redactLogValue('message', `refused for +86 138-0013-8000 with Bearer ${JWT}`),
      redactLogValue('authorization', 'Basic abc'),
      redactLogValue('count', 13),
    ];
    // Assess
    expect(values).toEqual(['refused for 138****8000 with Bearer [token]', '[redacted]', 13]);
  });

  it('keeps phones and tokens out of the lines the handlers really write', async () => {
    // Prepare: a logger that writes (INFO), and stdout captured
    const written: string[] = [];
    const capture = (chunk: string | Uint8Array): boolean => {
      written.push(String(chunk));
      return true;
    };
    const spies = [jest.spyOn(process.stdout, 'write').mockImplementation(capture), jest.spyOn(process.stderr, 'write').mockImplementation(capture)];
    const previous = process.env.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    // The refusal comes before any table access; the table only has to be named.
    process.env.TABLE_NAME = 'log-redaction-unused';
    process.env.DYNAMODB_ENDPOINT = testEndpoint();
    try {
      let handler: ((event: unknown, context: Context) => Promise<{ statusCode?: number }>) | undefined;
      let logger: { info(message: string, extra?: Record<string, unknown>): void } | undefined;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after POWERTOOLS_LOG_LEVEL is set
        handler = require('#functions/handlers/get-submission').handler;
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        logger = require('#functions/middleware/powertools').logger;
      });
      // Act: a refused read whose message names the (phone-like) outlet, and a line with a token and a phone
      const refused = await handler!(
        httpEvent({
          path: '/submissions/13800138000/invite-daily/2026-12-03',
          pathParameters: { outlet: '13800138000', template: 'invite-daily', period: '2026-12-03' },
          headers: { authorization: `Bearer ${JWT}` },
          claims: claimsFor('outlet_head', { subBranch: '3301', outlet: '3301001' }),
        }),
        { functionName: 'get-submission', awsRequestId: 'r-1' } as Context,
      );
      logger!.info('caller', { token: JWT, note: `phone 13800138000, Bearer ${JWT}` });
      // Assess
      const log = written.join('');
      expect(refused.statusCode).toBe(403);
      expect(log).toContain('request refused');
      expect(log).toContain('138****8000');
      expect(log).not.toMatch(/13800138000|eyJhbGci/);
    } finally {
      process.env.POWERTOOLS_LOG_LEVEL = previous;
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});

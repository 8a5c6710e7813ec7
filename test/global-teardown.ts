/** Jest global teardown: stops the DynamoDB Local that global setup started (the Java process must not outlive the run). */
export default async function globalTeardown(): Promise<void> {
  const local = globalThis.__PTS_DYNAMO_LOCAL__;
  if (!local) return;
  globalThis.__PTS_DYNAMO_LOCAL__ = undefined;
  delete process.env.PTS_TEST_DYNAMODB_ENDPOINT;
  await local.close();
}

/**
 * Runs one handler as Lambda runs it with active tracing (the X-Ray SDK in Lambda mode sends each
 * closed subsegment to the daemon over UDP), so a test can read what a trace would hold.
 * argv: <handler module> <event JSON>. The environment names the daemon (AWS_XRAY_DAEMON_ADDRESS).
 */
import { pathToFileURL } from 'node:url';

const [modulePath, eventJson] = process.argv.slice(2) as [string, string];
const { handler } = (await import(pathToFileURL(modulePath).href)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
const context = {
  functionName: 'traced',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-3:000000000000:function:traced',
  memoryLimitInMB: '256',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/traced',
  logStreamName: 's',
  callbackWaitsForEmptyEventLoop: false,
  getRemainingTimeInMillis: () => 10_000,
};
const response = await handler(JSON.parse(eventJson), context);
// What the handler answered, for the test to look for in the trace.
process.stdout.write(JSON.stringify(response));
// The SDK sends over UDP without waiting: give the datagrams a moment to leave.
await new Promise((resolve) => setTimeout(resolve, 300));

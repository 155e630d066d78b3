import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { input } from '../../contract/inputs/health';
import type { HealthOutput } from '../../contract/outputs/system';
import { NEEDS } from '../../needs';
import { dynamo, portsFor, sqs } from '../../shared/deps';
import { ENV, requireEnv } from '../../shared/env';
import { httpRoute, json } from '../../shared/http';
import { reportCalendarCoverage } from '../../shared/powertools';

const tableName = requireEnv(ENV.tableName);
const queues = { routing: requireEnv(ENV.routingQueueUrl), notification: requireEnv(ENV.notificationQueueUrl) };
const deps = portsFor(NEEDS.Health, {});

async function check(fn: () => Promise<unknown>) {
  try {
    await fn();
    return 'ok';
  } catch (error) {
    return `unavailable: ${(error as Error).name}`;
  }
}

export const handler = httpRoute(
  input,
  async () => {
    const [table, routing, notification] = await Promise.all([
      check(() => dynamo.send(new DescribeTableCommand({ TableName: tableName }))),
      check(() => sqs.send(new GetQueueAttributesCommand({ QueueUrl: queues.routing, AttributeNames: ['QueueArn'] }))),
      check(() => sqs.send(new GetQueueAttributesCommand({ QueueUrl: queues.notification, AttributeNames: ['QueueArn'] }))),
    ]);
    const calendar = await deps.calendar.current();
    const missingCalendarYears = reportCalendarCoverage(calendar, deps.clock.now(), { log: false });
    const ok = [table, routing, notification].every((s) => s === 'ok');
    return json(ok ? 200 : 503, {
      status: ok ? 'ok' : 'degraded',
      checks: { table, routingQueue: routing, notificationQueue: notification },
      calendar: {
        coveredYears: calendar.coveredYears().map((year) => ({ year, source: calendar.sourceOf(year) })),
        missingYears: missingCalendarYears,
        ...(missingCalendarYears.length
          ? { warning: `Tidak ada data libur resmi untuk ${missingCalendarYears.join(', ')}: tenggat dihitung tanpa hari libur nasional.` }
          : {}),
      },
    } satisfies HealthOutput);
  },
  { publishesMetrics: true },
);

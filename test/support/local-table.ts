/** The complaints table on DynamoDB Local (in memory), as the stack declares it, for a benchmark or a store test. */
import { startDynamoDb } from '../../local/emulators';
import { createLocalResources, localClients } from '../../local/resources';
import { synthesizeTemplate } from '../../local/template';
import { freePort } from './network';

export async function withLocalTable<T>(run: (t: { ddb: ReturnType<typeof localClients>['ddb']; table: string }) => Promise<T>): Promise<T> {
  const dynamo = await startDynamoDb({ port: await freePort() });
  try {
    const clients = localClients({ dynamodb: dynamo.endpoint, sqs: 'http://127.0.0.1:1' }, 'ap-southeast-3');
    const template = synthesizeTemplate();
    const tablesOnly = { Resources: Object.fromEntries(Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::DynamoDB::Table')) };
    const res = await createLocalResources(tablesOnly, clients, `bench-${Date.now()}`);
    const table = (res.tables.find((t) => t.logicalId.startsWith('DataComplaints')) as { name: string }).name;
    return await run({ ddb: clients.ddb, table });
  } finally {
    await dynamo.stop();
  }
}

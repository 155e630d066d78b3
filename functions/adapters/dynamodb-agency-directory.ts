import { type DynamoDBClient, GetItemCommand, QueryCommand, TransactionCanceledException, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AgencyContact, DirectoryChange } from '../core/agency-contacts';
import type { AgencyDirectory } from '../core/ports';
import { AGENCY_CONTACT_SK, agencyAuditSk, agencyPk } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true });

/** Contacts at `AGENCY#<id>/CONTACT`, each change beside it at `AUDIT#<at>#<n>`, written in one transaction. */
export class DynamoDbAgencyDirectory implements AgencyDirectory {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async contact(agencyId: string): Promise<AgencyContact | undefined> {
    const res = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: m({ pk: agencyPk(agencyId), sk: AGENCY_CONTACT_SK }), ConsistentRead: true }),
    );
    return res.Item ? (unmarshall(res.Item).contact as AgencyContact) : undefined;
  }

  async save(changes: { contact: AgencyContact; expectedVersion: number; audit: DirectoryChange }[]): Promise<boolean> {
    if (!changes.length) return true;
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: changes.flatMap(({ contact, expectedVersion, audit }, i) => [
            {
              Put: {
                TableName: this.tableName,
                Item: m({ pk: agencyPk(contact.agencyId), sk: AGENCY_CONTACT_SK, entity: 'AGENCY_CONTACT', contact }),
                ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'contact.version = :v',
                ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: m({ ':v': expectedVersion }) }),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: m({ pk: agencyPk(contact.agencyId), sk: agencyAuditSk(audit.at, i), entity: 'AGENCY_AUDIT', change: audit }),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async history(agencyId: string, limit: number): Promise<DirectoryChange[]> {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: m({ ':pk': agencyPk(agencyId), ':a': 'AUDIT#' }),
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((i) => unmarshall(i).change as DirectoryChange);
  }
}

import {
  ConditionalCheckFailedException,
  type DynamoDBClient,
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { findAgency } from '../core/agencies';
import type { CatalogueEntry, Page, PagePosition, ServiceCatalogue, ServiceFilter } from '../core/ports';
import type { PublicService, ServiceStandard } from '../core/services';
import { CATALOGUE_PK, pageKey, positionOf, servicePk, serviceVersionSk, TABLE_KEYS } from './dynamodb-keys';

const m = (v: Record<string, unknown>) => marshall(v, { removeUndefinedValues: true, convertClassInstanceToMap: false });

/** Where a service is available: its regions and their provinces, or `ID` for the whole country. */
function regionKeys(s: PublicService): string[] {
  const own = s.regionCodes.length ? s.regionCodes : [findAgency(s.agencyId)?.regionCode ?? 'ID'];
  return [...new Set(own.flatMap((code) => (code.includes('.') ? [code, code.split('.')[0] as string] : [code])))];
}

/** Lower-case words a keyword search looks in: the name, the unit, the agency's name. */
const searchText = (s: PublicService) => [s.name, s.unit ?? '', findAgency(s.agencyId)?.name ?? s.agencyId].join(' ').toLowerCase();

const serviceItem = (s: PublicService) => ({
  pk: servicePk(s.id),
  sk: 'META',
  entity: 'SERVICE',
  gsi9pk: CATALOGUE_PK,
  gsi9sk: `${s.name.toLowerCase()}#${s.id}`,
  agencyId: s.agencyId,
  regionKeys: regionKeys(s),
  search: searchText(s),
  service: s,
});

const versionItem = (serviceId: string, v: ServiceStandard) => ({
  pk: servicePk(serviceId),
  sk: serviceVersionSk(v.version),
  entity: 'SERVICE_VERSION',
  standard: v,
});

export class DynamoDbServiceCatalogue implements ServiceCatalogue {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async get(serviceId: string): Promise<CatalogueEntry | undefined> {
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: m({ ':p': servicePk(serviceId) }),
        ConsistentRead: true,
      }),
    );
    const items = (res.Items ?? []).map((i) => unmarshall(i));
    const meta = items.find((i) => i.sk === 'META');
    if (!meta) return undefined;
    // A standard has a few versions a year at most: one page of the partition holds them.
    const versions = items.filter((i) => String(i.sk).startsWith('VERSION#')).map((i) => i.standard as ServiceStandard);
    return { service: meta.service as PublicService, versions };
  }

  async create(entries: { service: PublicService; standard: ServiceStandard }[]) {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: entries.flatMap(({ service, standard }) => [
            { Put: { TableName: this.tableName, Item: m(serviceItem(service)), ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: m(versionItem(service.id, standard)), ConditionExpression: 'attribute_not_exists(pk)' } },
          ]),
        }),
      );
      return { ok: true as const };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const taken = entries.filter((_, i) => reasons[i * 2]?.Code === 'ConditionalCheckFailed').map((e) => e.service.id);
      if (!taken.length) throw error;
      return { ok: false as const, taken };
    }
  }

  async publish(serviceId: string, standard: ServiceStandard, expectedVersion: number, at: string) {
    try {
      await this.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: m(versionItem(serviceId, standard)), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Update: {
                TableName: this.tableName,
                Key: m({ pk: servicePk(serviceId), sk: 'META' }),
                UpdateExpression: 'SET service.currentVersion = :v, service.updatedAt = :at',
                ConditionExpression: 'service.currentVersion = :expected AND service.#status = :active',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: m({ ':v': standard.version, ':at': at, ':expected': expectedVersion, ':active': 'ACTIVE' }),
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException) return false;
      throw error;
    }
  }

  async retire(serviceId: string, at: string) {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: m({ pk: servicePk(serviceId), sk: 'META' }),
          UpdateExpression: 'SET service.#status = :retired, service.updatedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND service.#status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: m({ ':retired': 'RETIRED', ':active': 'ACTIVE', ':at': at }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async search(filter: ServiceFilter, opts: { limit: number; after?: PagePosition }): Promise<Page<PublicService>> {
    const index = TABLE_KEYS.catalogueIndex;
    const startKey = opts.after ? pageKey(opts.after, index, CATALOGUE_PK) : undefined;
    const conditions: string[] = [];
    const values: Record<string, unknown> = { ':p': CATALOGUE_PK };
    if (filter.agencyId) {
      conditions.push('agencyId = :agency');
      values[':agency'] = filter.agencyId;
    }
    if (filter.regionCode) {
      const province = filter.regionCode.split('.')[0] as string;
      conditions.push('(contains(regionKeys, :region) OR contains(regionKeys, :province) OR contains(regionKeys, :national))');
      Object.assign(values, { ':region': filter.regionCode, ':province': province, ':national': 'ID' });
    }
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    words.forEach((w, i) => {
      conditions.push(`contains(#search, :w${i})`);
      values[`:w${i}`] = w;
    });
    const res = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index.name,
        KeyConditionExpression: `${index.partitionKey} = :p`,
        ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
        ...(words.length ? { ExpressionAttributeNames: { '#search': 'search' } } : {}),
        ExpressionAttributeValues: m(values),
        Limit: opts.limit,
        ...(startKey ? { ExclusiveStartKey: m(startKey) } : {}),
      }),
    );
    return {
      items: (res.Items ?? []).map((i) => unmarshall(i).service as PublicService),
      ...(res.LastEvaluatedKey ? { next: positionOf(unmarshall(res.LastEvaluatedKey)) } : {}),
    };
  }
}

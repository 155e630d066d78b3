/**
 * Counts what the functions ask of AWS, for the cost model (`npm run bench:cost`): a small
 * proxy in front of each emulator that forwards every request unchanged except one thing — it
 * asks DynamoDB for the capacity each call consumed — and tallies operations and capacity units.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Meter {
  /** Operations by service and name, e.g. `dynamodb TransactWriteItems`, `sqs SendMessage`. */
  operations: Map<string, number>;
  readCapacityUnits: number;
  writeCapacityUnits: number;
  reset(): void;
}

type Consumed = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };

export function createMeter(): Meter {
  const meter: Meter = {
    operations: new Map(),
    readCapacityUnits: 0,
    writeCapacityUnits: 0,
    reset() {
      meter.operations.clear();
      meter.readCapacityUnits = 0;
      meter.writeCapacityUnits = 0;
    },
  };
  return meter;
}

const WRITES = /PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem/;

/** Starts a counting proxy to `target` for one service; resolves to its endpoint. */
export async function meterProxy(service: string, target: string, meter: Meter): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      const amzTarget = String(req.headers['x-amz-target'] ?? '');
      const action = amzTarget.split('.').pop() || new URLSearchParams(body.toString()).get('Action') || `${req.method} ${req.url?.split('?')[0]}`;
      meter.operations.set(`${service} ${action}`, (meter.operations.get(`${service} ${action}`) ?? 0) + 1);
      const dynamo = service === 'dynamodb' && amzTarget.startsWith('DynamoDB_');
      if (dynamo) {
        try {
          const json = JSON.parse(body.toString() || '{}') as Record<string, unknown>;
          json.ReturnConsumedCapacity ??= 'TOTAL';
          body = Buffer.from(JSON.stringify(json));
        } catch {
          // not JSON: forwarded as it came
        }
      }
      const { 'transfer-encoding': _chunked, ...reqHeaders } = req.headers;
      const headers = { ...reqHeaders, host: upstream.host, 'content-length': String(body.length) };
      const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (up) => {
        const out: Buffer[] = [];
        up.on('data', (c: Buffer) => out.push(c));
        up.on('end', () => {
          const payload = Buffer.concat(out);
          if (dynamo) {
            try {
              const parsed = JSON.parse(payload.toString() || '{}') as { ConsumedCapacity?: Consumed | Consumed[] };
              for (const c of [parsed.ConsumedCapacity ?? []].flat()) {
                const units = c.CapacityUnits ?? (c.ReadCapacityUnits ?? 0) + (c.WriteCapacityUnits ?? 0);
                if (WRITES.test(action)) meter.writeCapacityUnits += units;
                else meter.readCapacityUnits += units;
              }
            } catch {
              // an error page: nothing consumed
            }
          }
          const { 'transfer-encoding': _chunked, ...upHeaders } = up.headers;
          res.writeHead(up.statusCode ?? 502, { ...upHeaders, 'content-length': String(payload.length) });
          res.end(payload);
        });
      });
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

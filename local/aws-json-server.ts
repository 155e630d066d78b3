/**
 * A local server for an AWS JSON 1.1 protocol (the `X-Amz-Target` header names the operation,
 * the body is JSON): what the SDK clients speak to KMS and Secrets Manager. Shared by the local
 * stand-ins of those services.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Running } from './emulators';

export type AwsJsonAnswer = { status: number; body: unknown };
export const awsJsonFailure = (type: string, message: string): AwsJsonAnswer => ({ status: 400, body: { __type: type, message } });

export async function startAwsJsonServer(port: number, handle: (target: string, request: Record<string, unknown>) => AwsJsonAnswer): Promise<Running> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let out: AwsJsonAnswer;
      try {
        out = handle(String(req.headers['x-amz-target'] ?? ''), JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      } catch {
        out = awsJsonFailure('SerializationException', 'invalid JSON');
      }
      res.writeHead(out.status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(out.body));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

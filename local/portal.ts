/**
 * The portal under `npm start`: built once at start into a scratch folder (the same build the
 * stack uploads to its bucket) and served by the local gateway at `/`, on the API's origin.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildPortal } from '../portal/build';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface PortalFiles {
  /** A file of the portal by URL path (`/` is index.html); undefined when there is none. */
  file(pathname: string): { body: Buffer; contentType: string } | undefined;
  remove(): void;
}

export async function buildLocalPortal(): Promise<PortalFiles> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aduan-portal-'));
  const files = await buildPortal(dir);
  return {
    file(pathname) {
      const name = pathname === '/' ? 'index.html' : pathname.slice(1);
      // Only the files the build wrote: no path is ever joined from what a client sent.
      if (!Object.hasOwn(files, name)) return undefined;
      return { body: readFileSync(path.join(dir, name)), contentType: TYPES[path.extname(name)] ?? 'application/octet-stream' };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

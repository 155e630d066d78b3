import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { AttachmentType } from '../core/attachment-record';
import type { AttachmentCleaner, CleanFile } from '../core/ports';

/**
 * Most bytes the compressed streams of one PDF may inflate to, all together. A 10 MB upload of
 * scanned pages inflates to a few tens of MB; a "zip bomb" of a few KB can inflate to gigabytes
 * and take the checker down before any page is read.
 */
export const MAX_INFLATED_BYTES = 128 * 1024 * 1024;

/** Page entries that carry who made or edited a page rather than what it shows. */
const PAGE_ENTRIES_DROPPED = ['Metadata', 'PieceInfo', 'Annots', 'Thumb'] as const;

/**
 * Whether every Flate stream of the file inflates within the bound. Read from the raw bytes,
 * before any PDF library decodes an object stream.
 */
export function inflatesWithinBound(bytes: Uint8Array, bound = MAX_INFLATED_BYTES): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let budget = bound;
  const streams = /(?<!end)stream\r?\n/g;
  for (let m = streams.exec(text); m; m = streams.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      budget -= inflateSync(buf.subarray(start, end), { finishFlush: 2, maxOutputLength: Math.max(1, budget) }).length;
    } catch (error) {
      // Past the budget, zlib stops with a RangeError; any other failure is a stream that is not Flate.
      if (error instanceof RangeError) return false;
    }
    if (budget < 0) return false;
    streams.lastIndex = end;
  }
  return true;
}

/**
 * Rewrites a PDF from its pages alone, with @cantoo/pdf-lib (the maintained pdf-lib): a new
 * document receives copies of the pages and what they draw with (fonts, images, content), and
 * nothing else is written — no document properties (author, producer, creator, dates), no XMP
 * packet, no page-level metadata, no comments (annotations carry their author's name), no earlier
 * revisions. Removing references in the loaded document is not enough: saving writes every
 * object it parsed, referenced or not. An encrypted, unreadable or inflating-past-the-bound PDF
 * is refused: it could not be checked.
 */
export const pdfCleaner: AttachmentCleaner = {
  async clean(bytes: Uint8Array, type: AttachmentType): Promise<CleanFile | undefined> {
    if (type !== 'application/pdf') return undefined;
    if (!inflatesWithinBound(bytes)) return undefined;
    try {
      const source = await PDFDocument.load(bytes, { updateMetadata: false });
      if (source.getPageCount() < 1) return undefined;
      // Dropped from the source before copying: the copy takes every object a page refers to.
      for (const page of source.getPages()) for (const entry of PAGE_ENTRIES_DROPPED) page.node.delete(PDFName.of(entry));
      const clean = await PDFDocument.create({ updateMetadata: false });
      for (const page of await clean.copyPages(source, source.getPageIndices())) clean.addPage(page);
      const out = await clean.save({ useObjectStreams: false, updateFieldAppearances: false });
      return { bytes: new Uint8Array(out), contentType: type };
    } catch {
      return undefined;
    }
  },
};

import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import type { AttachmentType } from '../core/attachments';
import type { AttachmentCleaner, CleanFile } from '../core/ports';

/**
 * Rewrites a PDF without its document properties (author, creator, producer, title, dates) and
 * its XMP metadata, with @cantoo/pdf-lib (the maintained pdf-lib): the saved file is written
 * afresh, so earlier revisions kept by incremental updates go too. An encrypted or unreadable PDF
 * is refused: it could not be checked.
 */
export const pdfCleaner: AttachmentCleaner = {
  async clean(bytes: Uint8Array, type: AttachmentType): Promise<CleanFile | undefined> {
    if (type !== 'application/pdf') return undefined;
    try {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      if (doc.getPageCount() < 1) return undefined;
      // The trailer's Info dictionary holds the document properties; without it none is written.
      doc.context.trailerInfo.Info = undefined;
      doc.catalog.delete(PDFName.of('Metadata'));
      const out = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
      return { bytes: new Uint8Array(out), contentType: type };
    } catch {
      return undefined;
    }
  },
};

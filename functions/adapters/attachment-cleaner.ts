import { isImage } from '../core/attachments';
import type { AttachmentCleaner } from '../core/ports';
import { pdfCleaner } from './pdf-cleaner';
import { sharpImageCleaner } from './sharp-image-cleaner';

/** Every accepted type's cleaner: images by sharp, PDFs by pdf-lib. */
export const attachmentCleaner: AttachmentCleaner = {
  clean: (bytes, type) => (isImage(type) ? sharpImageCleaner : pdfCleaner).clean(bytes, type),
};

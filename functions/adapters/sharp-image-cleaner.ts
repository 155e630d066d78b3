import sharp from 'sharp';
import type { AttachmentType } from '../core/attachment-record';
import { ATTACHMENT_LIMITS } from '../core/attachments';
import type { AttachmentCleaner, CleanFile } from '../core/ports';

// One image at a time per function instance: memory stays bounded whatever the batch.
sharp.concurrency(1);

/**
 * Re-encodes from decoded pixels with sharp (libvips). sharp writes no metadata unless asked
 * (`keepMetadata`/`withMetadata`, never called here), so EXIF — GPS, camera serial, owner — ICC
 * and XMP are all gone; `rotate()` first applies the EXIF orientation the photo relied on.
 */
export const sharpImageCleaner: AttachmentCleaner = {
  async clean(bytes: Uint8Array, type: AttachmentType): Promise<CleanFile | undefined> {
    const format = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' }[type as string] as 'jpeg' | 'png' | 'webp' | undefined;
    if (!format) return undefined;
    try {
      // limitInputPixels refuses decompression bombs (a tiny file that decodes to gigapixels).
      const input = () => sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 });
      const meta = await input().metadata();
      if (meta.format !== format) return undefined;
      const side = ATTACHMENT_LIMITS.maxImageSide;
      const resized = input().rotate().resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
      const cleaned = format === 'jpeg' ? resized.jpeg({ quality: 85, mozjpeg: true }) : format === 'png' ? resized.png() : resized.webp({ quality: 85 });
      const out = await cleaned.toBuffer();
      const preview = await input()
        .rotate()
        .resize({ width: ATTACHMENT_LIMITS.previewSide, height: ATTACHMENT_LIMITS.previewSide, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 75 })
        .toBuffer();
      return { bytes: new Uint8Array(out), contentType: type, preview: new Uint8Array(preview) };
    } catch {
      return undefined;
    }
  },
};

import { DeleteObjectCommand, GetObjectCommand, ListObjectVersionsCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AttachmentType } from '../core/attachment-record';
import type { AttachmentStorage, UploadRequest } from '../core/ports';

/**
 * Attachments in one private S3 bucket. Uploads are presigned PUTs whose signature covers the
 * content type, the exact length and `If-None-Match: *`, so S3 refuses any other size or type,
 * and a second upload through the same link, before our code runs.
 */
export class S3AttachmentStorage implements AttachmentStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadRequest(key: string, contentType: AttachmentType, size: number, expiresInSeconds: number): Promise<UploadRequest> {
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: size, IfNoneMatch: '*' }),
      { expiresIn: expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']) },
    );
    return {
      method: 'PUT',
      url,
      // The client sends these as signed: S3 writes the object only if none is there yet.
      headers: { 'content-type': contentType, 'if-none-match': '*' },
      expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
    };
  }

  async read(key: string, maxBytes: number): Promise<Uint8Array | 'TOO_LARGE' | undefined> {
    try {
      // One byte past the limit is enough to know it is too large; nothing beyond is transferred.
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${maxBytes}` }));
      const bytes = await res.Body?.transformToByteArray();
      if (!bytes) return undefined;
      return bytes.length > maxBytes ? 'TOO_LARGE' : bytes;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }

  async write(key: string, bytes: Uint8Array, contentType: string): Promise<{ versionId?: string }> {
    const { VersionId } = await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentType: contentType }));
    return VersionId ? { versionId: VersionId } : {};
  }

  async erase(key: string): Promise<void> {
    // Every version and delete marker of exactly this key (the bucket is versioned: a plain delete
    // would leave the bytes readable as an old version for 30 days).
    let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
    for (let page = 0; page < 100; page++) {
      const res = await this.s3.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key, ...marker }));
      const versions = [...(res.Versions ?? []), ...(res.DeleteMarkers ?? [])].filter((v) => v.Key === key);
      for (const v of versions)
        await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key, ...(v.VersionId ? { VersionId: v.VersionId } : {}) }));
      if (!res.IsTruncated) return;
      marker = {
        ...(res.NextKeyMarker ? { KeyMarker: res.NextKeyMarker } : {}),
        ...(res.NextVersionIdMarker ? { VersionIdMarker: res.NextVersionIdMarker } : {}),
      };
    }
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  downloadUrl(key: string, fileName: string, contentType: string, expiresInSeconds: number): Promise<string> {
    // The ASCII form only: S3 emulators mis-sign the RFC 5987 `filename*=` form, and the view shows the full name anyway.
    const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: `attachment; filename="${ascii}"`,
      }),
      { expiresIn: expiresInSeconds },
    );
  }
}

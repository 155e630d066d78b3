import { S3Client } from '@aws-sdk/client-s3';
import { S3AttachmentStorage } from '../adapters/s3-attachment-storage';
import type { AttachmentStorage } from '../core/ports';
import { ENV, requireEnv } from './env';
import { tracer } from './powertools';

/**
 * The attachment bucket, in the functions that upload, check or download attachments only
 * (imported by their handlers, so no other bundle carries the S3 client). Path-style addressing
 * when an endpoint is set (the local S3 emulator); checksums only where S3 requires them, since a
 * presigned upload must not oblige a browser to send one.
 */
export const attachmentStorage = (): AttachmentStorage =>
  new S3AttachmentStorage(
    tracer.captureAWSv3Client(
      new S3Client({
        forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    ),
    requireEnv(ENV.attachmentBucket),
  );

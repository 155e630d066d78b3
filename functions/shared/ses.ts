import { SESClient } from '@aws-sdk/client-ses';
import { SesMailer } from '../adapters/ses-mailer';
import type { Mailer } from '../core/ports';
import { ENV, requireEnv } from './env';
import { tracer } from './powertools';

/**
 * SES, in the functions that send email only (imported by their handlers, so no other bundle
 * carries the client), paced to this function's share of the account's SES rate.
 */
export const sesMailer = (from: string): Mailer =>
  new SesMailer(tracer.captureAWSv3Client(new SESClient({})), from, Number(requireEnv(ENV.mailSendsPerSecond)));

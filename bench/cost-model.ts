/**
 * What a month costs beyond the complaints' lifecycles (bench/cost.ts measures those): the
 * assumptions are named here, once, and printed with the figures. Storage grows month by month:
 * nothing is deleted before its retention period (five years for the case record).
 */
type Prices = Record<string, Record<string, number | string>>;

export interface Volume {
  complaintsPerDay: number;
  /** Staff who sign in at least once a month (Cognito's monthly active users). */
  staff: number;
}

/** Figures the lifecycle run measured. */
export interface Measured {
  invocationsPerComplaint: number;
  logBytesPerInvocation: number;
  /** Table bytes a complaint leaves behind (DynamoDB Local's TableSizeBytes, before and after). */
  bytesPerComplaint: number;
  /** One API call's mean Lambda GB-seconds and read units. */
  httpCall: { lambdaGbSeconds: number; readUnits: number };
  /** Queues Lambda polls (event source mappings). */
  queues: number;
  customMetrics: number;
}

/** Per complaint: people reading it besides its own lifecycle (the reporter checking, the public feed, staff lists). */
const PORTAL_PAGE_LOADS = 10;
/** Requests of one page load: the page and its script, style sheet and icon. */
const REQUESTS_PER_PAGE_LOAD = 4;
/** Bytes of one page load over the wire (the portal's build, compressed). */
const BYTES_PER_PAGE_LOAD = 250 * 1024;
/** API reads per complaint beyond its lifecycle (tracking, the public feed, inbox pages). */
const EXTRA_API_READS = 15;
/** Share of complaints with attachments, files each, mean file size. */
const ATTACHMENTS = { share: 0.3, files: 1.5, meanBytes: 1.2 * 1024 * 1024 };
/** X-Ray's default sampling: the first request each second, then 5 %. */
const XRAY_RESERVOIR_PER_SECOND = 1;
const XRAY_RATE = 0.05;
/** Lambda's SQS pollers: at least 5 per queue, each long-polling 20 s. */
const POLLERS_PER_QUEUE = 5;
/** CloudWatch stores logs compressed: about a seventh of the ingested bytes. */
const LOG_COMPRESSION = 1 / 7;
/** Previews and versions kept beside each stored file. */
const STORED_COPIES = 1.2;

export const ASSUMPTIONS = [
  `${PORTAL_PAGE_LOADS} portal page loads (${REQUESTS_PER_PAGE_LOAD} requests, ${BYTES_PER_PAGE_LOAD / 1024} KiB each) and ${EXTRA_API_READS} extra API reads per complaint`,
  `${ATTACHMENTS.share * 100}% of complaints with ${ATTACHMENTS.files} files of ${(ATTACHMENTS.meanBytes / 1024 / 1024).toFixed(1)} MiB (${STORED_COPIES}× stored with previews), each scanned once`,
  `X-Ray samples ${XRAY_RESERVOIR_PER_SECOND}/s then ${XRAY_RATE * 100}%`,
  `${POLLERS_PER_QUEUE} Lambda pollers per queue long-polling every 20 s`,
  `logs stored compressed at ${LOG_COMPRESSION.toFixed(2)} of their size and kept a year; staff on Cognito Essentials (Plus where staffThreatProtection)`,
].join('; ');

const n = (prices: Prices, service: string, key: string) => Number(prices[service]?.[key]);

export function monthlyExtras(prices: Prices, v: Volume, m: Measured) {
  const complaints = v.complaintsPerDay * 30;
  const pageLoads = complaints * PORTAL_PAGE_LOADS;
  const reads = complaints * EXTRA_API_READS;
  const invocationsPerSecond = (v.complaintsPerDay * (m.invocationsPerComplaint + EXTRA_API_READS)) / 86_400;
  const tracedPerSecond = Math.min(invocationsPerSecond, XRAY_RESERVOIR_PER_SECOND) + XRAY_RATE * Math.max(0, invocationsPerSecond - XRAY_RESERVOIR_PER_SECOND);
  const files = complaints * ATTACHMENTS.share * ATTACHMENTS.files;
  const attachmentGb = (files * ATTACHMENTS.meanBytes) / 1024 ** 3;
  const logGbPerMonth = (complaints * m.invocationsPerComplaint * m.logBytesPerInvocation) / 1e9;
  const tableGbPerMonth = (complaints * m.bytesPerComplaint) / 1024 ** 3;
  const lines: Record<string, number> = {
    'portal page loads (CloudFront)':
      ((pageLoads * REQUESTS_PER_PAGE_LOAD) / 10_000) * n(prices, 'cloudFront', 'httpsRequestsPerTenThousand') +
      ((pageLoads * BYTES_PER_PAGE_LOAD) / 1024 ** 3) * n(prices, 'cloudFront', 'transferOutGb'),
    'extra API reads':
      (reads / 1e6) * (n(prices, 'apiGateway', 'restRequestsPerMillion') + n(prices, 'waf', 'requestsPerMillion') + n(prices, 'lambda', 'requestsPerMillion')) +
      (reads / 10_000) * n(prices, 'cloudFront', 'httpsRequestsPerTenThousand') +
      reads * m.httpCall.lambdaGbSeconds * n(prices, 'lambda', 'armGbSecond') +
      ((reads * m.httpCall.readUnits) / 1e6) * n(prices, 'dynamodb', 'readRequestUnitsPerMillion'),
    'attachments (S3 requests)': (files * 3 * n(prices, 's3', 'putPerThousand')) / 1000 + (files * 2 * n(prices, 's3', 'getPerThousand')) / 1000,
    'malware scanning (GuardDuty)':
      attachmentGb * n(prices, 'guardDutyS3Malware', 'perGbScanned') + (files / 1000) * n(prices, 'guardDutyS3Malware', 'perThousandObjects'),
    'staff sign-ins (Cognito Essentials)': Math.max(0, v.staff - n(prices, 'cognito', 'essentialsFreeMau')) * n(prices, 'cognito', 'essentialsMau'),
    'traces (X-Ray)': ((tracedPerSecond * 86_400 * 30) / 1e6) * n(prices, 'xray', 'tracesRecordedPerMillion'),
    'custom metrics (CloudWatch)': m.customMetrics * n(prices, 'cloudWatch', 'customMetricMonth'),
    'queue polling (SQS)': ((m.queues * POLLERS_PER_QUEUE * 3 * 60 * 24 * 30) / 1e6) * n(prices, 'sqs', 'standardRequestsPerMillion'),
  };
  /** Storage in a given month of operation: the table, the files and the logs (kept a year) accumulated so far. */
  const storage = (month: number) =>
    tableGbPerMonth * month * n(prices, 'dynamodb', 'storageGbMonth') +
    attachmentGb * STORED_COPIES * month * n(prices, 's3', 'standardGbMonth') +
    logGbPerMonth * LOG_COMPRESSION * Math.min(month, 12) * n(prices, 'cloudWatchLogs', 'storageGbMonth');
  const base = Object.values(lines).reduce((a, b) => a + b, 0);
  return {
    lines: { ...lines, 'staff on Cognito Plus instead (if threat protection)': v.staff * n(prices, 'cognito', 'plusMau') },
    storage,
    month1: base + storage(1),
    month12: base + storage(12),
    month60: base + storage(60),
  };
}

import type { ClockOverrides } from '../functions/core/clocks';

/** Per-stage settings, in code. `cdk deploy -c stage=prod` picks one. */
export interface StageConfig {
  stage: string;
  /** Verified SES identity the mail is sent from. */
  mailFrom: string;
  /** Domain to verify in SES (the stack creates the identity; DNS records must be added). */
  sesIdentityDomain?: string;
  /** Agencies receive mail at `<agencyId>@<agencyEmailDomain>` unless overridden. */
  agencyEmailDomain: string;
  agencyEmailOverrides: Record<string, string>;
  /**
   * Categories routed straight to the competent agency, skipping verification (an operator's
   * choice; verification is on by default).
   */
  autoRoutedCategories: string[];
  /** Agencies' and categories' own clocks (service standards), over the national 3/5/10 working days. */
  clockOverrides: ClockOverrides;
  /**
   * A complaint whose answers show a fee where the service standard says free (or above its
   * tariff) goes to the Ombudsman's review queue at submission, not after the agency's deadlines.
   */
  illegalLevyToOmbudsman: boolean;
  /** Where officers open a complaint (used in emails). */
  portalUrl: string;
  /**
   * Stage-wide throttle, the per-route buckets of lib/wiring.ts multiplied by routeThrottleScale,
   * and the WAF's per-IP limit.
   */
  api: { throttleRatePerSecond: number; throttleBurst: number; routeThrottleScale: number; wafRateLimitPer5Min: number };
  logRetentionDays: number;
  /** Staff must enrol TOTP MFA (they read identities and act for agencies). */
  requireStaffMfa: boolean;
  /**
   * Attachments: days a checked file is kept (the case record's retention), and whether GuardDuty
   * Malware Protection for S3 scans them before staff may download (a per-GB cost; on in prod).
   */
  attachments: { retentionDays: number; malwareScan: boolean };
  /** Tables and logs survive `cdk destroy` when true. */
  retainData: boolean;
}

export const STAGES: Record<string, StageConfig> = {
  dev: {
    stage: 'dev',
    mailFrom: 'Aduan <no-reply@aduan.example>',
    agencyEmailDomain: 'instansi.example',
    agencyEmailOverrides: {},
    // Waste collection is routine and unambiguous: routed without waiting for a verifier.
    autoRoutedCategories: ['kebersihan-sampah'],
    // Example of a published service standard: land certificates are answered in 14 working days.
    clockOverrides: { byCategory: { pertanahan: { followUpWorkingDays: 14 } } },
    illegalLevyToOmbudsman: true,
    portalUrl: 'https://dev.aduan.example',
    api: { throttleRatePerSecond: 20, throttleBurst: 40, routeThrottleScale: 1, wafRateLimitPer5Min: 500 },
    logRetentionDays: 30,
    requireStaffMfa: false,
    attachments: { retentionDays: 1826, malwareScan: false },
    retainData: true,
  },
  prod: {
    stage: 'prod',
    mailFrom: 'LAPOR Aduan <no-reply@aduan.example.go.id>',
    sesIdentityDomain: 'aduan.example.go.id',
    agencyEmailDomain: 'instansi.example',
    agencyEmailOverrides: {},
    autoRoutedCategories: [],
    clockOverrides: {},
    illegalLevyToOmbudsman: true,
    portalUrl: 'https://aduan.example.go.id',
    api: { throttleRatePerSecond: 100, throttleBurst: 200, routeThrottleScale: 5, wafRateLimitPer5Min: 1000 },
    logRetentionDays: 365,
    requireStaffMfa: true,
    // Five years, as the case record; an operator may lengthen it per the archive schedule (JRA).
    attachments: { retentionDays: 1826, malwareScan: true },
    retainData: true,
  },
};

export function stageConfig(stage: string): StageConfig {
  const config = STAGES[stage];
  if (!config) throw new Error(`unknown stage "${stage}"; known: ${Object.keys(STAGES).join(', ')}`);
  return config;
}

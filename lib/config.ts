import type { ClockOverrides } from '../functions/core/clocks';
import type { OperatorSettings } from './settings';

/**
 * Public-scope electronic systems keep their data in Indonesia (PP 71/2019): every stage deploys
 * to Jakarta, an opt-in region, whatever the shell's or profile's region.
 */
export const INDONESIA_REGION = 'ap-southeast-3';

/** How a stage behaves, in code. `cdk deploy -c stage=prod` picks one; the operator's settings (lib/settings.ts) complete it. */
export interface StageBehaviour {
  stage: string;
  region: typeof INDONESIA_REGION;
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
  /**
   * Stage-wide throttle, the per-route buckets of lib/wiring.ts multiplied by routeThrottleScale,
   * and the WAF's per-IP limit.
   */
  api: { throttleRatePerSecond: number; throttleBurst: number; routeThrottleScale: number; wafRateLimitPer5Min: number };
  logRetentionDays: number;
  /** Staff must enrol TOTP MFA (they read identities and act for agencies). */
  requireStaffMfa: boolean;
  /**
   * Attachments: days a checked file is kept (the case record's retention). Whether GuardDuty scans
   * them is the operator's setting (`features.malwareScan`), never a default.
   */
  attachments: { retentionDays: number };
  /** Tables and logs survive `cdk destroy` when true. */
  retainData: boolean;
}

/** A stage: its behaviour and the operator's settings. */
export type StageConfig = StageBehaviour & OperatorSettings;

export const STAGES: Record<string, StageBehaviour> = {
  dev: {
    stage: 'dev',
    region: INDONESIA_REGION,
    // Waste collection is routine and unambiguous: routed without waiting for a verifier.
    autoRoutedCategories: ['kebersihan-sampah'],
    // Example of a published service standard: land certificates are answered in 14 working days.
    clockOverrides: { byCategory: { pertanahan: { followUpWorkingDays: 14 } } },
    illegalLevyToOmbudsman: true,
    api: { throttleRatePerSecond: 20, throttleBurst: 40, routeThrottleScale: 1, wafRateLimitPer5Min: 500 },
    logRetentionDays: 30,
    requireStaffMfa: false,
    attachments: { retentionDays: 1826 },
    retainData: true,
  },
  prod: {
    stage: 'prod',
    region: INDONESIA_REGION,
    autoRoutedCategories: [],
    clockOverrides: {},
    illegalLevyToOmbudsman: true,
    api: { throttleRatePerSecond: 100, throttleBurst: 200, routeThrottleScale: 5, wafRateLimitPer5Min: 1000 },
    logRetentionDays: 365,
    requireStaffMfa: true,
    // Five years, as the case record; an operator may lengthen it per the archive schedule (JRA).
    attachments: { retentionDays: 1826 },
    retainData: true,
  },
};

/** Stages whose portal may stay on CloudFront's default `*.cloudfront.net` address (mail links then name `portalUrl` as the operator sets it). */
const DEFAULT_ADDRESS_STAGES = new Set(['dev']);

export function stageConfig(stage: string, settings: OperatorSettings): StageConfig {
  const behaviour = STAGES[stage];
  if (!behaviour) throw new Error(`unknown stage "${stage}"; known: ${Object.keys(STAGES).join(', ')}`);
  // Mail links and the attachment bucket's CORS use portalUrl: the distribution must serve it.
  if (!settings.portal && !DEFAULT_ADDRESS_STAGES.has(stage))
    throw new Error(
      `Stage "${stage}" serves the portal at its own domain: set portal.domain and portal.certificateArn (an ACM certificate in us-east-1) in its settings.`,
    );
  if (settings.portal && new URL(settings.portalUrl).hostname !== settings.portal.domain)
    throw new Error(`portalUrl ${settings.portalUrl} is not served by the distribution, which serves ${settings.portal.domain}: make them the same host.`);
  return { ...behaviour, ...settings };
}

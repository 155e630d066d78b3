/**
 * What an operator must supply to deploy a stage: addresses that only they know. Nothing here has
 * a default — a default would mail the wrong place, or nowhere. They live in a JSON file outside
 * the code (`config/<stage>.json`, or `-c settings=<file>`); synthesis fails naming each missing
 * or placeholder value. `config/prod.example.json` is a clearly fake but valid example.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';

export interface OperatorSettings {
  /** The sender of every mail: `Name <address@domain>`, an address of `sesIdentity.domain`. */
  mailFrom: string;
  /**
   * The SES identity mail is sent from. `create: false` when the domain is already an identity in
   * the account (another stack or the console made it): the stack then only uses it. A created
   * identity is kept when the stack is deleted.
   */
  sesIdentity: {
    domain: string;
    create: boolean;
    /**
     * The operator says SES shows the identity verified (its DKIM records published): only then
     * do staff invitations go through it. Cognito refuses a pool whose SES sender is not verified,
     * so a first deploy leaves this false (Cognito's own sender, ~50 mails a day) and a second one,
     * after DNS, sets it true.
     */
    verified: boolean;
  };
  /** Agencies without an address in the directory get `<agencyId>@<agencyEmailDomain>`. */
  agencyEmailDomain: string;
  /** Where people open the portal (mail links, the attachment bucket's CORS): the distribution must serve it. */
  portalUrl: string;
  /**
   * The portal's own domain and its ACM certificate (in us-east-1, as CloudFront requires): the
   * distribution serves that domain with TLSv1.2_2021. Required for every stage but dev, whose
   * portal may stay on the default `*.cloudfront.net` address.
   */
  portal?: { domain: string; certificateArn: string };
  /** Who is told when an alarm fires (subscribed to the stage's alarm topic; they confirm once). */
  alarmEmail: string;
  /**
   * Optional: an HTTPS endpoint that hears every page besides alarmEmail — a pager's or a chat
   * hook's SNS integration (it confirms SNS's subscription itself). Notices only go to alarmEmail.
   */
  pagerUrl?: string;
  /** The account's monthly AWS budget in USD: alarmEmail is mailed at 80 % spent and when the forecast passes it. */
  monthlyBudgetUsd: number;
  /** The account's SES maximum send rate in this region (1 in the sandbox, ~14 at first in production). */
  sesMaxSendRate: number;
  /**
   * Features not confirmed in Jakarta (ap-southeast-3) at the time of writing: each is the
   * operator's explicit choice. `malwareScan` has no default — where it is off, staff see "not
   * scanned" on every file; `staffThreatProtection` (Cognito Plus, threat protection enforced) is
   * off unless set.
   */
  features: { malwareScan: boolean; staffThreatProtection?: boolean };
}

/** Names reserved for examples and tests (RFC 2606, RFC 6761): mail to them never arrives. */
const PLACEHOLDER = /(^|[.@])(example(\.(com|net|org))?|test|invalid|localhost)$/i;
const domainOf = (address: string) => (address.match(/<([^>]+)>/)?.[1] ?? address).split('@').pop()?.trim() ?? '';
const realDomain = (d: string) => !PLACEHOLDER.test(d);
const domain = z.string().check(z.regex(/^(?=.{4,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, 'a domain name, e.g. lapor.kementerian.go.id'));
const email = z.string().check(z.regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, 'an email address'));

const schema = z.strictObject({
  mailFrom: z.string().check(z.regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'an address, or "Name <address>"')),
  sesIdentity: z.strictObject({ domain, create: z.boolean(), verified: z.boolean() }),
  agencyEmailDomain: domain,
  portalUrl: z.string().check(z.regex(/^https:\/\/[^\s/]+(\/\S*)?$/, 'an https:// URL')),
  portal: z.optional(
    z.strictObject({
      domain,
      certificateArn: z
        .string()
        .check(
          z.regex(
            /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
            'an ACM certificate ARN in us-east-1 (CloudFront takes certificates from there only)',
          ),
        ),
    }),
  ),
  alarmEmail: email,
  pagerUrl: z.optional(z.string().check(z.regex(/^https:\/\/[^\s/]+(\/\S*)?$/, 'an https:// URL (a pager or chat hook that takes SNS notifications)'))),
  monthlyBudgetUsd: z.number().check(z.gte(1, 'at least 1 USD'), z.lte(1_000_000, 'at most 1,000,000 USD')),
  sesMaxSendRate: z.number().check(z.gte(1, 'at least 1 (the sandbox rate)'), z.lte(500, 'at most 500')),
  features: z.strictObject({ malwareScan: z.boolean(), staffThreatProtection: z.optional(z.boolean()) }),
});

/** Where a stage's settings file is looked for when `-c settings=` names none. */
export const settingsPath = (projectRoot: string, stage: string) => path.join(projectRoot, 'config', `${stage}.json`);

/**
 * Reads and checks a stage's settings. `allowPlaceholders` is for the local system only, whose
 * mail goes to the SES emulator; any deployable stage must name real, deliverable addresses.
 */
export function loadSettings(file: string, stage: string, opts: { allowPlaceholders?: boolean } = {}): OperatorSettings {
  const problems: string[] = [];
  let raw: unknown;
  if (!existsSync(file)) {
    throw new Error(
      `Stage "${stage}" needs the operator's settings in ${file} (or -c settings=<file>); see config/prod.example.json. Required: ${Object.keys(schema.shape).join(', ')}.`,
    );
  }
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const { _comment: _, ...rest } = (raw ?? {}) as Record<string, unknown>;
  const parsed = z.safeParse(schema, rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.') || '(file)';
      const value = issue.path.reduce<unknown>((o, k) => (o as Record<PropertyKey, unknown> | undefined)?.[k], rest);
      problems.push(value === undefined && issue.path.length ? `${field}: missing` : `${field}: ${issue.message}`);
    }
  } else if (!opts.allowPlaceholders) {
    const s = parsed.data;
    const check = (field: string, d: string) => {
      if (!realDomain(d)) problems.push(`${field}: "${d}" is a placeholder (a reserved example name): mail there is never delivered`);
    };
    check('mailFrom', domainOf(s.mailFrom));
    check('sesIdentity.domain', s.sesIdentity.domain);
    check('agencyEmailDomain', s.agencyEmailDomain);
    check('portalUrl', new URL(s.portalUrl).hostname);
    if (s.portal) check('portal.domain', s.portal.domain);
    check('alarmEmail', domainOf(s.alarmEmail));
    if (s.pagerUrl) check('pagerUrl', new URL(s.pagerUrl).hostname);
    const sender = domainOf(s.mailFrom).toLowerCase();
    const identity = s.sesIdentity.domain.toLowerCase();
    if (sender !== identity && !sender.endsWith(`.${identity}`)) problems.push(`mailFrom: "${sender}" is not an address of sesIdentity.domain "${identity}"`);
  }
  if (problems.length) throw new Error(`Stage "${stage}": the settings in ${file} are not usable:\n  - ${problems.join('\n  - ')}`);
  return (parsed as { data: OperatorSettings }).data;
}

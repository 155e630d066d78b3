import { Template } from 'aws-cdk-lib/assertions';
import { synthStack } from './synth';

/** The template's resources, loosely typed for assertions. */
export type Resources = Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DeletionPolicy?: string }>;

/** How CDK writes a rate: whole hours as hours. */
export const rateExpression = (minutes: number) =>
  minutes % 1440 === 0
    ? `rate(${minutes / 1440} day${minutes === 1440 ? '' : 's'})`
    : minutes % 60 === 0
      ? `rate(${minutes / 60} hour${minutes === 60 ? '' : 's'})`
      : `rate(${minutes} minute${minutes === 1 ? '' : 's'})`;

export const actions = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/**
 * The dev stack synthesized once per test file, with lookups by construct path: `byPath`,
 * `fnOf` (a function), `policyOf` (its role's statements); `portal` is the portal's nested stack.
 */
export function devStack() {
  const synth = synthStack();
  const template = synth.template;
  const resources = template.toJSON().Resources as Resources;
  const byPath = (suffix: string) => {
    const found = Object.entries(resources).find(([, r]) => String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(suffix));
    if (!found) throw new Error(`no resource at …${suffix}`);
    return found;
  };
  const policyOf = (id: string) => {
    const found = Object.entries(resources).find(([, r]) =>
      String(r.Metadata?.['aws:cdk:path'] ?? '').endsWith(`/${id}/Fn/ServiceRole/DefaultPolicy/Resource`),
    );
    return found ? (found[1].Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]) : [];
  };
  return {
    template,
    resources,
    portal: Template.fromStack(synth.stack.portal),
    byPath,
    fnOf: (id: string) => byPath(`/${id}/Fn/Resource`),
    policyOf,
  };
}

import * as z from 'zod/mini';
import { AGENCY_LEVELS } from '../../core/agencies';
import { LANGUAGES } from '../../core/languages';
import { pageOf, timeZone } from './shared';

/** GET /v1/agencies: the agencies of a level or region, paged, with how many match in all. */
export const agenciesOutput = z.extend(
  pageOf(
    z.object({
      id: z.string(),
      name: z.string(),
      level: z.enum(AGENCY_LEVELS),
      regionCode: z.nullable(z.string()),
      parentId: z.nullable(z.string()),
      timeZone,
    }),
  ),
  { total: z.number() },
);

const liaison = z.object({ name: z.string(), email: z.optional(z.string()), phone: z.optional(z.string()) });
const contactFields = z.object({ agencyId: z.string(), email: z.optional(z.string()), active: z.boolean(), liaisons: z.array(liaison) });

/** An agency's contact as the directory shows it: the stored one, else the default address. */
export const agencyContactOutput = z.object({
  agencyId: z.string(),
  name: z.string(),
  email: z.string(),
  emailIsDefault: z.boolean(),
  /** The language its desk reads its mails in. */
  language: z.enum(LANGUAGES),
  active: z.boolean(),
  liaisons: z.array(liaison),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
  version: z.number(),
});

/** GET /v1/agencies/{agencyId}/contact (operators): the contact and its latest changes, who and when. */
export const agencyContactWithHistoryOutput = z.extend(agencyContactOutput, {
  history: z.array(
    z.object({ agencyId: z.string(), at: z.string(), by: z.string(), before: z.optional(contactFields), after: contactFields, via: z.enum(['API', 'IMPORT']) }),
  ),
});

export type AgenciesOutput = z.infer<typeof agenciesOutput>;
export type AgencyContactOutput = z.infer<typeof agencyContactOutput>;
export type AgencyContactWithHistoryOutput = z.infer<typeof agencyContactWithHistoryOutput>;

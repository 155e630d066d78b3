/**
 * The agency directory as operators keep it: where each agency's mail goes, whether it is active,
 * and its liaison officers. The 600+ agencies come from the generated directory (core/agencies.ts);
 * an agency nobody has edited is mailed at `<agencyId>@<domain>`. Every change is audited.
 */
import { type Agency, findAgency } from './agencies';
import type { Language } from './languages';

/** The national verification supervisor's mailbox: in the directory like an agency, so operators set its address too. */
export const VERIFICATION_SUPERVISOR: Agency = {
  id: 'supervisor-verifikasi',
  name: 'Supervisor Verifikasi Nasional',
  level: 'NATIONAL',
  timeZone: 'Asia/Jakarta',
};

export interface Liaison {
  name: string;
  email?: string;
  phone?: string;
}

export interface AgencyContact {
  agencyId: string;
  /** Where its notifications go; absent: `<agencyId>@<domain>`. */
  email?: string;
  /** The language its desk reads its mails in; absent: Indonesian. */
  language?: Language;
  /** An inactive agency (merged, dissolved) receives nothing: its mail goes to its parent. */
  active: boolean;
  liaisons: Liaison[];
  updatedAt: string;
  updatedBy: string;
  version: number;
}

/** One change of the directory, as the audit trail keeps it. */
export interface DirectoryChange {
  agencyId: string;
  at: string;
  by: string;
  before?: Omit<AgencyContact, 'version' | 'updatedAt' | 'updatedBy'>;
  after: Omit<AgencyContact, 'version' | 'updatedAt' | 'updatedBy'>;
  /** IMPORT when it came from a spreadsheet. */
  via: 'API' | 'IMPORT';
}

/** An agency's contact as the directory shows it: the stored one, else the default. */
export function effectiveContact(agency: Agency, stored: AgencyContact | undefined, domain: string) {
  return {
    agencyId: agency.id,
    name: agency.name,
    email: stored?.email ?? `${agency.id}@${domain}`,
    emailIsDefault: !stored?.email,
    language: stored?.language ?? 'id',
    active: stored?.active ?? true,
    liaisons: stored?.liaisons ?? [],
    ...(stored ? { updatedAt: stored.updatedAt, updatedBy: stored.updatedBy, version: stored.version } : { version: 0 }),
  };
}

type Lookup = (id: string) => Promise<AgencyContact | undefined>;

/**
 * The agency that acts for `agencyId`: itself while active, else its nearest active parent (an
 * agency merged or dissolved hands its work up), with that agency's stored contact.
 */
export async function actingAgencyOf(agencyId: string, lookup: Lookup): Promise<{ agencyId: string; contact?: AgencyContact }> {
  let id: string | undefined = agencyId;
  for (let depth = 0; id && depth < 4; depth++) {
    const contact = await lookup(id);
    if (contact?.active !== false) return { agencyId: id, ...(contact ? { contact } : {}) };
    id = findAgency(id)?.parentId;
  }
  return { agencyId };
}

/**
 * Where an agency's mail goes and in which language: the acting agency's address (`<id>@<domain>`
 * when it has none stored) and its desk's language (Indonesian when none is set).
 */
export async function mailboxOf(agencyId: string, domain: string, lookup: Lookup): Promise<{ address: string; language: Language }> {
  const acting = await actingAgencyOf(agencyId, lookup);
  return { address: acting.contact?.email ?? `${acting.agencyId}@${domain}`, language: acting.contact?.language ?? 'id' };
}

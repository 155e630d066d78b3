/**
 * The agency directory at run time (core/agency-contacts.ts): operators read and change an
 * agency's contact, one at a time or from a spreadsheet, and every change is on its audit trail.
 */
import * as z from 'zod/mini';
import { type AgencyContactChange, agencyContactChangeSchema } from '../contract/agency-contact';
import type { AgencyContactOutput, AgencyContactWithHistoryOutput } from '../contract/outputs/agencies';
import type { ImportOutput } from '../contract/outputs/shared';
import { fieldErrorsOf } from '../contract/problem';
import { type Agency, findAgency } from '../core/agencies';
import { type AgencyContact, type DirectoryChange, effectiveContact, VERIFICATION_SUPERVISOR } from '../core/agency-contacts';
import { DomainError, type FieldError, notFound, validationError } from '../core/errors';
import type { StaffPrincipal } from '../core/staff';
import { csvRows } from './csv-rows';
import type { Deps } from './deps';
import { noteDeskFacts } from './readiness';

type DirectoryDeps = Pick<Deps, 'directory' | 'clock' | 'agencyEmailDomain' | 'readiness'>;

/** Columns of the directory spreadsheet: one row per agency; liaisons as `Name <email> <phone>` separated by `;`. */
export const DIRECTORY_COLUMNS = ['agencyId', 'email', 'active', 'liaisons', 'language'] as const;
const OPTIONAL = new Set<string>(['email', 'active', 'liaisons', 'language']);
const MAX_ROWS = 1000;

function assertOperator(who: StaffPrincipal) {
  if (!who.roles.includes('OPERATOR')) throw new DomainError('FORBIDDEN', 'Hanya operator yang dapat membaca atau mengubah kontak instansi.');
}

function agencyOf(agencyId: string): Agency {
  const agency = agencyId === VERIFICATION_SUPERVISOR.id ? VERIFICATION_SUPERVISOR : findAgency(agencyId);
  if (!agency) throw notFound(`Instansi ${agencyId} tidak ada dalam direktori.`);
  return agency;
}

const withoutMeta = ({ version: _v, updatedAt: _a, updatedBy: _b, ...rest }: AgencyContact) => rest;

function applyChange(
  agencyId: string,
  before: AgencyContact | undefined,
  change: AgencyContactChange,
  who: StaffPrincipal,
  at: string,
  via: DirectoryChange['via'],
) {
  const email = change.email === null ? undefined : (change.email ?? before?.email);
  const language = change.language ?? before?.language;
  const contact: AgencyContact = {
    agencyId,
    ...(email ? { email } : {}),
    ...(language && language !== 'id' ? { language } : {}),
    active: change.active ?? before?.active ?? true,
    liaisons: change.liaisons ?? before?.liaisons ?? [],
    updatedAt: at,
    updatedBy: who.username,
    version: (before?.version ?? 0) + 1,
  };
  const audit: DirectoryChange = { agencyId, at, by: who.username, ...(before ? { before: withoutMeta(before) } : {}), after: withoutMeta(contact), via };
  return { contact, expectedVersion: before?.version ?? 0, audit };
}

export async function readAgencyContact(deps: DirectoryDeps, who: StaffPrincipal, agencyId: string) {
  assertOperator(who);
  const agency = agencyOf(agencyId);
  const [stored, history] = await Promise.all([deps.directory.contact(agency.id), deps.directory.history(agency.id, 20)]);
  return { ...effectiveContact(agency, stored, deps.agencyEmailDomain), history } satisfies AgencyContactWithHistoryOutput;
}

export async function updateAgencyContact(deps: DirectoryDeps, who: StaffPrincipal, agencyId: string, change: AgencyContactChange) {
  assertOperator(who);
  const agency = agencyOf(agencyId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = await deps.directory.contact(agency.id);
    const next = applyChange(agency.id, before, change, who, deps.clock.now().toISOString(), 'API');
    if (await deps.directory.save([next])) {
      const contact = effectiveContact(agency, next.contact, deps.agencyEmailDomain) satisfies AgencyContactOutput;
      await noteDeskFacts(deps, agency.id, contact);
      return contact;
    }
  }
  throw new DomainError('CONFLICT', 'Kontak instansi sedang diubah operator lain. Muat ulang dan coba lagi.');
}

/** `Name <email> <+62…>`: one liaison of a spreadsheet cell. */
function liaisonOf(cell: string) {
  const email = cell.match(/<([^>@\s]+@[^>\s]+)>/)?.[1];
  const phone = cell.match(/<(\+?[0-9 ()-]{6,20})>/)?.[1];
  return { name: cell.replace(/<[^>]*>/g, '').trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** Imports the directory spreadsheet, all rows or none; every bad row is named. */
export async function importAgencyContacts(deps: DirectoryDeps, who: StaffPrincipal, csv: string) {
  assertOperator(who);
  const rows = csvRows(csv, { columns: DIRECTORY_COLUMNS, optional: OPTIONAL, maxRows: MAX_ROWS });
  const errors: FieldError[] = [];
  const changes: { agency: Agency; change: AgencyContactChange }[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `rows.${i + 1}`;
    const agency = row.agencyId === VERIFICATION_SUPERVISOR.id ? VERIFICATION_SUPERVISOR : findAgency(row.agencyId ?? '');
    if (!agency) {
      errors.push({ field: `${at}.agencyId`, message: `instansi ${row.agencyId || '(kosong)'} tidak ada dalam direktori` });
      continue;
    }
    if (seen.has(agency.id)) {
      errors.push({ field: `${at}.agencyId`, message: `${agency.id} muncul lebih dari sekali` });
      continue;
    }
    seen.add(agency.id);
    const active = row.active
      ? { ya: true, yes: true, true: true, aktif: true, tidak: false, no: false, false: false, nonaktif: false }[row.active.toLowerCase()]
      : undefined;
    if (row.active && active === undefined) {
      errors.push({ field: `${at}.active`, message: 'isi "ya" atau "tidak"' });
      continue;
    }
    const parsed = z.safeParse(agencyContactChangeSchema, {
      ...(row.email ? { email: row.email } : {}),
      ...(row.language ? { language: row.language } : {}),
      ...(active !== undefined ? { active } : {}),
      ...(row.liaisons
        ? {
            liaisons: row.liaisons
              .split(';')
              .filter((c) => c.trim())
              .map(liaisonOf),
          }
        : {}),
    });
    if (!parsed.success) for (const e of fieldErrorsOf(parsed.error)) errors.push({ field: `${at}.${e.field}`, message: e.message });
    else changes.push({ agency, change: parsed.data });
  }
  if (errors.length) throw validationError(errors, `Impor dibatalkan: ${errors.length} kesalahan; tidak ada kontak yang diubah.`);
  const at = deps.clock.now().toISOString();
  // In slices of 40 agencies (a transaction holds 100 writes): each slice all or none, over the versions read.
  const imported: string[] = [];
  for (let i = 0; i < changes.length; i += 40) {
    const slice = changes.slice(i, i + 40);
    const before = await Promise.all(slice.map((c) => deps.directory.contact(c.agency.id)));
    const writes = slice.map((c, k) => applyChange(c.agency.id, before[k], c.change, who, at, 'IMPORT'));
    if (!(await deps.directory.save(writes)))
      throw new DomainError(
        'CONFLICT',
        `Kontak berubah selama impor; ${imported.length} instansi pertama sudah tersimpan. Unggah ulang berkas yang sama untuk melanjutkan.`,
      );
    imported.push(...slice.map((c) => c.agency.id));
    for (const w of writes) await noteDeskFacts(deps, w.contact.agencyId, { emailIsDefault: !w.contact.email, liaisons: w.contact.liaisons });
  }
  return { imported } satisfies ImportOutput;
}

import type { ServiceDetailOutput, ServiceListOutput } from '../contract/outputs/services';
import type { ImportOutput } from '../contract/outputs/shared';
import { fieldErrorsOf } from '../contract/problem';
import { type NewServiceInput, newServiceSchema, type PublishStandardInput, type ServiceStandardInput } from '../contract/service-standard';
import { findAgency } from '../core/agencies';
import { DomainError, type FieldError, notFound, refusal, validationError } from '../core/errors';
import type { ServiceFilter } from '../core/ports';
import { type PublicService, type ServiceStandard, STANDARD_TEXTS, type StandardEnglish, standardInForce } from '../core/services';
import type { StaffPrincipal } from '../core/staff';
import { localDate } from '../core/working-days';
import { csvRows } from './csv-rows';
import type { Deps } from './deps';
import { openPosition } from './page-cursors';
import { noteServiceFacts } from './readiness';

type CatalogueDeps = Pick<Deps, 'services' | 'clock' | 'readiness'>;

/** Rows one import may carry: each is two items of one all-or-nothing transaction (at most 100). */
export const MAX_IMPORT_ROWS = 50;

/** Only an agency's own service administrators manage its catalogue. */
function assertAdminOf(who: StaffPrincipal, agencyId: string): void {
  if (!who.roles.includes('SERVICE_ADMIN') || !who.agencyId)
    throw new DomainError('FORBIDDEN', 'Hanya admin layanan instansi (admin-instansi) yang dapat mengelola katalog layanan.');
  if (who.agencyId !== agencyId) throw new DomainError('FORBIDDEN', 'Anda hanya dapat mengelola layanan instansi Anda sendiri.');
}

const standardOf = (input: ServiceStandardInput, version: number, who: StaffPrincipal, at: string): ServiceStandard => ({
  ...input,
  version,
  publishedAt: at,
  publishedBy: who.username,
});

/** Creates services with their first standard, all or none (one transaction). */
export async function createServices(deps: CatalogueDeps, who: StaffPrincipal, inputs: NewServiceInput[]) {
  for (const input of inputs) assertAdminOf(who, input.agencyId);
  const ids = inputs.map((i) => i.id);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) throw validationError([{ field: 'id', message: `kode layanan berulang: ${[...new Set(repeated)].join(', ')}` }]);
  const at = deps.clock.now().toISOString();
  const entries = inputs.map((input) => ({
    service: {
      id: input.id,
      agencyId: input.agencyId,
      ...(input.unit ? { unit: input.unit } : {}),
      name: input.name,
      ...(input.nameEn ? { nameEn: input.nameEn } : {}),
      regionCodes: input.regionCodes,
      status: 'ACTIVE' as const,
      currentVersion: 1,
      createdAt: at,
      updatedAt: at,
    },
    standard: standardOf(input.standard, 1, who, at),
  }));
  const result = await deps.services.create(entries);
  if (!result.ok) throw new DomainError('CONFLICT', `Kode layanan sudah dipakai: ${result.taken.join(', ')}.`, [{ field: 'id', message: 'sudah dipakai' }]);
  for (const agencyId of new Set(inputs.map((i) => i.agencyId))) await noteServiceFacts(deps, agencyId);
  return entries.map((e) => e.service);
}

/**
 * Publishes the next version of a service's standard (the current one stays readable). A new
 * version takes effect today or later, never before the latest: a version dated in the past would
 * rewrite the standard that complaints already filed are judged by (a levy made legal after the
 * fact). Fixing a version already in force is a correction: the same effective date, a reason,
 * recorded with who and when, shown beside the version for the public and the Ombudsman.
 */
export async function publishStandard(deps: CatalogueDeps & Pick<Deps, 'logger'>, who: StaffPrincipal, serviceId: string, input: PublishStandardInput) {
  const entry = await deps.services.get(serviceId);
  if (!entry) throw refusal('NOT_FOUND', 'serviceNotFound');
  assertAdminOf(who, entry.service.agencyId);
  if (entry.service.status !== 'ACTIVE') throw refusal('CONFLICT', 'serviceRetired');
  const now = deps.clock.now();
  const today = localDate(now, findAgency(entry.service.agencyId)?.timeZone ?? 'Asia/Jakarta');
  const { correction, ...content } = input;
  if (correction) {
    const inForce = standardInForce(entry.versions, today);
    if (!inForce || inForce.version !== correction.of)
      throw validationError(
        [{ field: 'correction.of', message: `hanya versi yang sedang berlaku yang dapat dikoreksi${inForce ? ` (versi ${inForce.version})` : ''}` }],
        'Koreksi tidak valid',
      );
    if (content.effectiveFrom !== inForce.effectiveFrom)
      throw validationError(
        [{ field: 'effectiveFrom', message: `koreksi berlaku sejak tanggal versi yang dikoreksi (${inForce.effectiveFrom})` }],
        'Koreksi tidak valid',
      );
  } else {
    // Dates as YYYY-MM-DD sort as text: the later of today and the latest version's date.
    const earliest = [today, ...entry.versions.map((v) => v.effectiveFrom)].sort().at(-1) as string;
    if (content.effectiveFrom < earliest)
      throw validationError(
        [{ field: 'effectiveFrom', message: `paling cepat ${earliest}: versi baru tidak berlaku surut (untuk memperbaiki versi yang berlaku, kirim koreksi)` }],
        'Tanggal berlaku tidak valid',
      );
  }
  const standard: ServiceStandard = { ...standardOf(content, entry.service.currentVersion + 1, who, now.toISOString()), ...(correction ? { correction } : {}) };
  if (!(await deps.services.publish(serviceId, standard, entry.service.currentVersion, standard.publishedAt))) throw refusal('CONFLICT', 'standardChanged');
  if (correction) deps.logger.warn('service standard corrected', { serviceId, version: standard.version, corrects: correction.of, by: who.username });
  return serviceView({ ...entry, service: { ...entry.service, currentVersion: standard.version }, versions: [...entry.versions, standard] });
}

export async function retireService(deps: CatalogueDeps, who: StaffPrincipal, serviceId: string) {
  const entry = await deps.services.get(serviceId);
  if (!entry) throw refusal('NOT_FOUND', 'serviceNotFound');
  assertAdminOf(who, entry.service.agencyId);
  if (!(await deps.services.retire(serviceId, deps.clock.now().toISOString()))) throw refusal('CONFLICT', 'serviceRetired');
  await noteServiceFacts(deps, entry.service.agencyId);
  return serviceView({ ...entry, service: { ...entry.service, status: 'RETIRED' } });
}

/** A standard's text parts in English, one column each (`legalBasisEn`, `requirementsEn`…). */
const ENGLISH_COLUMNS = STANDARD_TEXTS.map((part) => `${part}En` as const);

/** The standard's English from a row's `<part>En` cells: the parts given, lists split as in Indonesian. */
function englishOf(row: Record<string, string>): StandardEnglish | undefined {
  const given = STANDARD_TEXTS.filter((part) => row[`${part}En`]?.trim());
  if (!given.length) return undefined;
  return Object.fromEntries(
    given.map((part) => [part, part === 'requirements' || part === 'procedure' ? items(row[`${part}En`]) : row[`${part}En`]]),
  ) as StandardEnglish;
}

/** The CSV columns of a bulk import, in order (lists are separated by `|`). */
export const IMPORT_COLUMNS = [
  'id',
  'name',
  'unit',
  'regionCodes',
  'decreeNumber',
  'effectiveFrom',
  'legalBasis',
  'requirements',
  'procedure',
  'completionValue',
  'completionUnit',
  'costAmount',
  'costLegalBasis',
  'product',
  'facilities',
  'staffCompetence',
  'internalSupervision',
  'complaintChannels',
  'complaintDispositionWorkingDays',
  'complaintFollowUpWorkingDays',
  'staffCount',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
  // English, where the agency gives it: the name, and any text part as `<part>En`.
  'nameEn',
  ...ENGLISH_COLUMNS,
] as const;

/** Columns a spreadsheet may leave out (an empty cell means the same). */
const OPTIONAL_COLUMNS = new Set<string>([
  'nameEn',
  ...ENGLISH_COLUMNS,
  'unit',
  'regionCodes',
  'costAmount',
  'costLegalBasis',
  'complaintDispositionWorkingDays',
  'complaintFollowUpWorkingDays',
]);

const items = (cell: string | undefined) =>
  (cell ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
const num = (cell: string | undefined) => (cell?.trim() ? Number(cell.trim()) : undefined);

/** A CSV row as the same object the JSON route takes, so one schema judges both. */
function rowToInput(row: Record<string, string>, agencyId: string): unknown {
  const cost = num(row.costAmount);
  const english = englishOf(row);
  return {
    id: row.id,
    agencyId,
    ...(row.unit?.trim() ? { unit: row.unit } : {}),
    name: row.name,
    ...(row.nameEn?.trim() ? { nameEn: row.nameEn } : {}),
    regionCodes: items(row.regionCodes),
    standard: {
      decreeNumber: row.decreeNumber,
      effectiveFrom: row.effectiveFrom,
      legalBasis: row.legalBasis,
      requirements: items(row.requirements),
      procedure: items(row.procedure),
      completionTime: { value: num(row.completionValue), unit: row.completionUnit?.trim().toUpperCase() },
      cost: cost ? { kind: 'TARIFF', amount: cost, legalBasis: row.costLegalBasis } : { kind: 'FREE' },
      product: row.product,
      facilities: row.facilities,
      staffCompetence: row.staffCompetence,
      internalSupervision: row.internalSupervision,
      complaintHandling: {
        channels: row.complaintChannels,
        ...(num(row.complaintDispositionWorkingDays) !== undefined ? { dispositionWorkingDays: num(row.complaintDispositionWorkingDays) } : {}),
        ...(num(row.complaintFollowUpWorkingDays) !== undefined ? { followUpWorkingDays: num(row.complaintFollowUpWorkingDays) } : {}),
      },
      staffCount: row.staffCount,
      serviceGuarantee: row.serviceGuarantee,
      securityGuarantee: row.securityGuarantee,
      performanceEvaluation: row.performanceEvaluation,
      ...(english ? { english } : {}),
    },
  };
}

/**
 * Bulk import of an agency's services from CSV, as SIPP administrators keep them: every row is
 * checked and every error reported (`rows.<n>.<field>`, n counting data rows from 1); nothing is
 * stored unless every row is right, and then all of it in one transaction.
 */
export async function importServices(deps: CatalogueDeps, who: StaffPrincipal, csv: string) {
  if (!who.agencyId) throw new DomainError('FORBIDDEN', 'Hanya admin layanan instansi (admin-instansi) yang dapat mengimpor layanan.');
  assertAdminOf(who, who.agencyId);
  const rows = csvRows(csv, { columns: IMPORT_COLUMNS, optional: OPTIONAL_COLUMNS, maxRows: MAX_IMPORT_ROWS });
  const errors: FieldError[] = [];
  const inputs: NewServiceInput[] = [];
  rows.forEach((row, i) => {
    const parsed = newServiceSchema.safeParse(rowToInput(row, who.agencyId as string));
    if (parsed.success) inputs.push(parsed.data);
    else for (const e of fieldErrorsOf(parsed.error)) errors.push({ field: `rows.${i + 1}.${e.field}`, message: e.message });
  });
  if (errors.length) throw validationError(errors, `Impor dibatalkan: ${errors.length} kesalahan; tidak ada layanan yang disimpan.`);
  return { imported: (await createServices(deps, who, inputs)).map((s) => s.id) } satisfies ImportOutput;
}

/** A service and one version of its standard, with the list of its versions. */
export function serviceView(entry: { service: PublicService; versions: ServiceStandard[] }, version?: number) {
  const wanted = version ?? entry.service.currentVersion;
  const standard = entry.versions.find((v) => v.version === wanted);
  if (!standard) throw notFound(`Versi ${wanted} tidak ada untuk layanan ini.`);
  const agency = findAgency(entry.service.agencyId);
  return {
    ...entry.service,
    agency: { id: entry.service.agencyId, name: agency?.name ?? entry.service.agencyId },
    standard,
    versions: entry.versions.map((v) => ({
      version: v.version,
      decreeNumber: v.decreeNumber,
      effectiveFrom: v.effectiveFrom,
      publishedAt: v.publishedAt,
      ...(v.correction ? { correction: { ...v.correction, by: v.publishedBy } } : {}),
    })),
  } satisfies ServiceDetailOutput;
}

export async function readService(deps: Pick<Deps, 'services'>, serviceId: string, version?: number) {
  const entry = await deps.services.get(serviceId);
  if (!entry) throw refusal('NOT_FOUND', 'serviceNotFound');
  return serviceView(entry, version);
}

/** Index reads one search may make, and services examined in all: bounded however rare the match. */
const MAX_SEARCH_READS = 5;
const MAX_EXAMINED = 500;

/** The public catalogue by name: active services, narrowed by words, agency and region, paged. */
export async function searchServices(deps: CatalogueDeps & Pick<Deps, 'cursors'>, filter: ServiceFilter, q: { limit: number; cursor?: string | undefined }) {
  const scope = `services|${filter.q ?? ''}|${filter.agencyId ?? ''}|${filter.regionCode ?? ''}`;
  let after = q.cursor ? openPosition(deps.cursors, scope, q.cursor) : undefined;
  const found: PublicService[] = [];
  let budget = MAX_EXAMINED;
  let more = true;
  for (let reads = 0; reads < MAX_SEARCH_READS && more && found.length < q.limit && budget > 0; reads++) {
    const limit = Math.min(budget, q.limit - found.length);
    budget -= limit;
    const page = await deps.services.search(filter, { limit, ...(after ? { after } : {}) });
    found.push(...page.items.filter((s) => s.status === 'ACTIVE'));
    after = page.next;
    more = after !== undefined;
  }
  return {
    items: found.map((s) => ({
      id: s.id,
      name: s.name,
      ...(s.nameEn ? { nameEn: s.nameEn } : {}),
      ...(s.unit ? { unit: s.unit } : {}),
      agency: { id: s.agencyId, name: findAgency(s.agencyId)?.name ?? s.agencyId },
      regionCodes: s.regionCodes,
      currentVersion: s.currentVersion,
    })),
    nextCursor: more && after ? deps.cursors.seal(scope, after) : null,
  } satisfies ServiceListOutput;
}

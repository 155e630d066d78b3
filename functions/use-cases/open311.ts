/**
 * Open311 GeoReport v2 over Aduan's own data (http://wiki.open311.org/GeoReport_v2): services are
 * the complaint categories (`kategori.<id>`) and the SIPP services (`layanan.<id>`, whose
 * checkable questions become attributes); a request is a complaint, its `service_request_id`
 * the tracking number. Only what the public may see is served: never a confidential complaint,
 * never an identity. Field names are the specification's.
 */

import type { Open311CreatedOutput, Open311RequestsOutput, Open311ServiceDefinitionOutput, Open311ServicesOutput } from '../contract/outputs/open311';
import type { ClientKeyRevocationOutput } from '../contract/outputs/system';
import { fieldErrorsOf } from '../contract/problem';
import { submitComplaintSchema } from '../contract/submit-complaint';
import { findAgency } from '../core/agencies';
import { categories, findCategory } from '../core/categories';
import { regionZoneOf, zoneOf } from '../core/clocks';
import { type Complaint, OPEN_STATUSES, type TimelineEvent } from '../core/complaint';
import { DomainError, notFound, validationError } from '../core/errors';
import * as LABELS from '../core/labels';
import { givenIn, type Language, type MessageKey, message } from '../core/languages';
import { previousMonth } from '../core/monitoring';
import type { ComplaintQueries, Complaints, PagePosition, Timelines } from '../core/ports';
import type { PublicService } from '../core/services';
import { withOffset } from '../core/working-days';
import type { Deps } from './deps';
import { sha256 } from './hashing';
import { type SubmitDeps, submitComplaint } from './submit-complaint';

export const GEOREPORT_SPEC = 'http://wiki.open311.org/GeoReport_v2';
const CATEGORY = 'kategori.';
const SERVICE = 'layanan.';

/** Client keys are random 32 bytes: a plain SHA-256 is enough to keep them only as hashes. */
const hashKey = sha256;

/** A text of the Open311 part of the files in the asked language. */
const say = (language: Language, key: MessageKey<'open311'>) => message(language, 'open311', key);

/** The service list: every category, and the catalogue's active services where the jurisdiction is served, in the asked language. */
export async function open311Services(deps: Pick<Deps, 'services'>, jurisdiction: string | undefined, language: Language = 'id') {
  const fromCategories = categories.map((c) => ({
    service_code: `${CATEGORY}${c.id}`,
    service_name: givenIn(language, c.name, c.nameEn),
    description: givenIn(language, c.covers, c.coversEn),
    metadata: false,
    type: 'realtime',
    // The other language's name, so a search in either finds it.
    keywords: language === 'en' ? c.name : c.nameEn,
    group: say(language, 'categoryGroup'),
  }));
  const catalogue: PublicService[] = [];
  let after: PagePosition | undefined;
  // The catalogue is read a bounded number of pages per call (500 services).
  for (let page = 0; page < 5; page++) {
    const r = await deps.services.search(jurisdiction ? { regionCode: jurisdiction } : {}, { limit: 100, ...(after ? { after } : {}) });
    catalogue.push(...r.items.filter((s) => s.status === 'ACTIVE'));
    after = r.next;
    if (!after) break;
  }
  const fromCatalogue = catalogue.map((s) => ({
    service_code: `${SERVICE}${s.id}`,
    service_name: givenIn(language, s.name, s.nameEn),
    description: [s.unit, findAgency(s.agencyId)?.name].filter(Boolean).join(' — '),
    metadata: true,
    type: 'realtime',
    keywords: say(language, 'standardKeywords'),
    group: findAgency(s.agencyId)?.name ?? s.agencyId,
  }));
  return [...fromCategories, ...fromCatalogue] satisfies Open311ServicesOutput;
}

/** The questions a service's standard makes checkable, as GeoReport attributes. */
const ATTRIBUTES = [
  { code: 'applied_on', datatype: 'datetime', required: true },
  { code: 'completed_on', datatype: 'datetime', required: false },
  { code: 'charged', datatype: 'number', required: false },
  { code: 'extra_requirements', datatype: 'text', required: false },
] as const;

export async function open311ServiceDefinition(deps: Pick<Deps, 'services'>, code: string, language: Language = 'id') {
  if (!code.startsWith(SERVICE)) throw notFound(`Layanan ${code} tidak memiliki definisi (metadata=false).`);
  const entry = await deps.services.get(code.slice(SERVICE.length));
  if (entry?.service.status !== 'ACTIVE') throw notFound(`Layanan ${code} tidak dikenal.`);
  return {
    service_code: code,
    attributes: ATTRIBUTES.map((a, i) => {
      const description = say(language, `attributes.${a.code}`);
      return { variable: true, code: a.code, datatype: a.datatype, required: a.required, datatype_description: description, order: i + 1, description };
    }),
  } satisfies Open311ServiceDefinitionOutput;
}

/**
 * A complaint as a GeoReport service request: public fields only, times with their offset, the
 * system's words in the asked language (`note`: the newest public timeline entry, read in it where
 * the system wrote it).
 */
export function open311RequestOf(c: Complaint, language: Language = 'id', note?: Pick<TimelineEvent, 'message' | 'text'>) {
  const category = findCategory(c.categoryId);
  const tz = zoneOf(c);
  const agency = c.assignedAgencyId ? findAgency(c.assignedAgencyId)?.name : undefined;
  const open = OPEN_STATUSES.includes(c.status);
  return {
    service_request_id: c.trackingId,
    status: open ? ('open' as const) : ('closed' as const),
    status_notes: note ? (note.text ? message(language, 'record', note.text.key, note.text.params) : note.message) : LABELS.STATUS[c.status][language],
    service_name: c.service ? givenIn(language, c.service.name, c.service.nameEn) : category ? givenIn(language, category.name, category.nameEn) : c.categoryId,
    service_code: c.service ? `${SERVICE}${c.service.id}` : `${CATEGORY}${c.categoryId}`,
    description: c.description,
    agency_responsible: agency ?? '',
    service_notice: '',
    requested_datetime: withOffset(c.submittedAt, regionZoneOf(c)),
    updated_datetime: withOffset(c.updatedAt, tz),
    expected_datetime: open ? withOffset(c.deadline.dueAt, c.deadline.timeZone) : '',
    address: c.location.address ?? '',
    address_id: c.location.regionCode,
    zipcode: '',
    lat: c.location.latitude ?? ('' as const),
    long: c.location.longitude ?? ('' as const),
    media_url: '',
  };
}

export interface Open311Submission {
  jurisdiction_id?: string | undefined;
  api_key: string;
  service_code: string;
  lat?: number | undefined;
  long?: number | undefined;
  address_string?: string | undefined;
  email?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
  phone?: string | undefined;
  description: string;
  attributes: Record<string, string>;
}

/** The form field a JSON route's field comes from (so a client sees the name it sent). */
const OPEN311_FIELDS: Record<string, string> = {
  'serviceAnswers.appliedOn': 'attribute[applied_on]',
  'serviceAnswers.completedOn': 'attribute[completed_on]',
  'serviceAnswers.charged': 'attribute[charged]',
  'serviceAnswers.extraRequirements': 'attribute[extra_requirements]',
  'location.regionCode': 'jurisdiction_id',
  'location.address': 'address_string',
  'location.latitude': 'lat',
  'location.longitude': 'long',
  title: 'description',
  'reporter.name': 'first_name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
};
const open311FieldOf = (field: string) =>
  OPEN311_FIELDS[field] ?? OPEN311_FIELDS[field.replace(/\.\d+$/, '')] ?? (field.startsWith('serviceAnswers') ? 'attribute' : field);

/**
 * POST requests: a complaint from a client application. Without contact details it is anonymous
 * to everyone; with them, the reporter is identified to those who may see identities, as any
 * complaint. GeoReport requests are public: none is confidential.
 */
export async function open311Submit(deps: SubmitDeps & Pick<Deps, 'clientKeys'>, s: Open311Submission) {
  const client = await deps.clientKeys.find(hashKey(s.api_key));
  if (!client) throw new DomainError('FORBIDDEN', 'api_key tidak dikenal. Minta kunci kepada operator Aduan.');
  if (!s.jurisdiction_id) throw validationError([{ field: 'jurisdiction_id', message: 'wajib: kode wilayah Kemendagri, mis. 51.03' }]);
  const isService = s.service_code.startsWith(SERVICE);
  const categoryId = isService ? 'lainnya' : s.service_code.slice(CATEGORY.length);
  if (!isService && (!s.service_code.startsWith(CATEGORY) || !findCategory(categoryId)))
    throw validationError([{ field: 'service_code', message: 'tidak dikenal (lihat services.json)' }]);
  const name = [s.first_name, s.last_name].filter(Boolean).join(' ').trim();
  const reporter = { ...(name ? { name } : {}), ...(s.email ? { email: s.email } : {}), ...(s.phone ? { phone: s.phone } : {}) };
  const firstLine = s.description.split('\n')[0]?.trim() ?? '';
  const title = firstLine.length >= 5 ? firstLine.slice(0, 150) : `Laporan Open311: ${s.service_code}`.slice(0, 150);
  const a = s.attributes;
  if (!isService && Object.keys(a).length)
    throw validationError(Object.keys(a).map((k) => ({ field: `attribute[${k}]`, message: 'kategori tidak punya atribut (lihat definisi layanan)' })));
  // The form's answers as the JSON route takes them, judged by the very same declaration: a number
  // only where digits were sent, so `abc`, `1e300` or `-5` reach the schema as what they are.
  const numberOf = (v: string) => (/^-?\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : v);
  const answers =
    isService && (a.applied_on !== undefined || a.completed_on !== undefined || a.charged !== undefined || a.extra_requirements !== undefined)
      ? {
          appliedOn: a.applied_on,
          ...(a.completed_on ? { completedOn: a.completed_on } : {}),
          ...(a.charged ? { charged: numberOf(a.charged) } : {}),
          ...(a.extra_requirements
            ? {
                extraRequirements: a.extra_requirements
                  .split('\n')
                  .map((r) => r.trim())
                  .filter(Boolean),
              }
            : {}),
        }
      : undefined;
  const candidate = {
    type: 'COMPLAINT',
    title,
    description: s.description,
    categoryId,
    location: {
      regionCode: s.jurisdiction_id,
      ...(s.address_string ? { address: s.address_string } : {}),
      ...(s.lat !== undefined && s.long !== undefined ? { latitude: s.lat, longitude: s.long } : {}),
    },
    ...(isService ? { serviceId: s.service_code.slice(SERVICE.length) } : {}),
    ...(answers ? { serviceAnswers: answers } : {}),
    anonymous: Object.keys(reporter).length === 0,
    confidential: false,
    ...(Object.keys(reporter).length ? { reporter } : {}),
  };
  const parsed = submitComplaintSchema.safeParse(candidate);
  if (!parsed.success) throw validationError(fieldErrorsOf(parsed.error).map((e) => ({ ...e, field: open311FieldOf(e.field) })));
  const result = await submitComplaint(deps, parsed.data);
  deps.logger.info('open311 request', { client: client.name, trackingId: result.trackingId });
  return [
    {
      service_request_id: result.trackingId,
      service_notice: `Diterima; verifikasi paling lambat ${withOffset(result.deadline.dueAt, result.deadline.timeZone)}.`,
      account_id: '',
    },
  ] satisfies Open311CreatedOutput;
}

/** GET requests/{id}: one request, when the public may see it. */
export async function open311Request(deps: { store: Complaints & Timelines & ComplaintQueries }, id: string, language: Language = 'id') {
  const stored = await deps.store.get(id);
  if (!stored || stored.complaint.confidential) throw notFound(`Permintaan ${id} tidak ditemukan.`);
  const c = stored.complaint;
  // The newest public note (an answer, a transfer, a closure) as status_notes.
  const page = await deps.store.timelinePage(id, { limit: 20 });
  const note = [...page.entries].reverse().find((e) => e.event.visibility === 'PUBLIC' && e.event.message)?.event;
  return [open311RequestOf(c, language, note)] satisfies Open311RequestsOutput;
}

export interface Open311Query {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: 'open' | 'closed' | undefined;
  limit: number;
  locale?: Language | undefined;
}

const DAY_MS = 86_400_000;
/** Index reads one list may make: the answer is bounded work however narrow the filters. */
const MAX_READS = 13;

/**
 * GET requests: by ids, or the public feed filtered by service, status and a date window (the
 * spec's default: the last 90 days), newest first, at most `limit` (≤ 100).
 */
export async function open311Requests(deps: Pick<Deps, 'clock'> & { store: Complaints & Timelines & ComplaintQueries }, q: Open311Query) {
  if (q.service_request_id) {
    const ids = q.service_request_id
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 20);
    const found = await Promise.all(ids.map((id) => deps.store.get(id)));
    return found.flatMap((s) => (s && !s.complaint.confidential ? [open311RequestOf(s.complaint, q.locale)] : []));
  }
  const end = q.end_date ? Date.parse(q.end_date) : deps.clock.now().getTime();
  const start = q.start_date ? Date.parse(q.start_date) : end - 90 * DAY_MS;
  if (!(start <= end)) throw validationError([{ field: 'start_date', message: 'harus sebelum end_date' }]);
  const categoryId = q.service_code?.startsWith(CATEGORY) ? q.service_code.slice(CATEGORY.length) : undefined;
  const serviceId = q.service_code?.startsWith(SERVICE) ? q.service_code.slice(SERVICE.length) : undefined;
  const out: ReturnType<typeof open311RequestOf>[] = [];
  let month = new Date(end).toISOString().slice(0, 7);
  const firstMonth = new Date(start).toISOString().slice(0, 7);
  let after: PagePosition | undefined;
  for (let reads = 0; reads < MAX_READS && out.length < q.limit && month >= firstMonth; reads++) {
    const page = await deps.store.publicFeed(month, { limit: 50, filter: categoryId ? { categoryId } : {}, ...(after ? { after } : {}) });
    for (const c of page.items) {
      const t = Date.parse(c.submittedAt);
      const open = OPEN_STATUSES.includes(c.status);
      // The feed index holds only complaints listed publicly: nothing confidential reaches here.
      if (t < start || t > end) continue;
      if (serviceId && c.service?.id !== serviceId) continue;
      if (q.status && (q.status === 'open') !== open) continue;
      if (out.length < q.limit) out.push(open311RequestOf(c, q.locale));
    }
    after = page.next;
    if (!after) month = previousMonth(month);
  }
  return out satisfies Open311RequestsOutput;
}

/**
 * Issues a client key (shown once) and keeps only its hash; the hash is the key's id, by which an
 * operator revokes it.
 */
export async function issueClientKey(deps: Pick<Deps, 'clientKeys' | 'random' | 'clock'>, name: string, issuedBy: string) {
  const key = Buffer.from(deps.random.bytes(32)).toString('base64url');
  const keyId = hashKey(key);
  if (!(await deps.clientKeys.issue(keyId, { name, issuedBy, issuedAt: deps.clock.now().toISOString() }))) throw new Error('key collision');
  return { apiKey: key, keyId };
}

/** Revokes a client key by its id (the hash shown when it was issued, or computed from a leaked key). */
export async function revokeClientKey(
  deps: Pick<Deps, 'clientKeys' | 'clock' | 'logger'>,
  keyIdOrKey: { keyId?: string | undefined; apiKey?: string | undefined },
  by: string,
) {
  const keyId = keyIdOrKey.keyId ?? (keyIdOrKey.apiKey ? hashKey(keyIdOrKey.apiKey) : undefined);
  if (!keyId) throw validationError([{ field: 'keyId', message: 'isi keyId (atau apiKey yang bocor)' }]);
  if (!(await deps.clientKeys.revoke(keyId, { revokedBy: by, revokedAt: deps.clock.now().toISOString() }))) throw notFound('Kunci aplikasi tidak ditemukan.');
  deps.logger.warn('open311 client key revoked', { keyId, by });
  return { keyId, revoked: true } satisfies ClientKeyRevocationOutput;
}

/** Stores a key chosen elsewhere (the local demo key). */
export const registerClientKey = (deps: Pick<Deps, 'clientKeys' | 'clock'>, key: string, name: string, issuedBy: string) =>
  deps.clientKeys.issue(hashKey(key), { name, issuedBy, issuedAt: deps.clock.now().toISOString() });

/** The inputs of the Open311 GeoReport v2 routes, with the specification's parameter names. */
import * as z from 'zod/mini';
import { LANGUAGES } from '../core/languages';
import { regionCode } from './region-param';
import { intParam } from './route-input';
import { emailAddress, multiLine, singleLine } from './text';

/** `services.xml`, `requests.json`, `<code>.json`, `<id>.xml`. */
export const documentPath = z.strictObject({
  document: z.string().check(z.maxLength(80, 'nama dokumen terlalu panjang'), z.regex(/^[A-Za-z0-9_.-]+\.(xml|json)$/, 'dokumen <nama>.xml atau <nama>.json')),
});

/** Every method accepts the jurisdiction in the query string (where existing clients send it). */
export const jurisdictionQuery = { jurisdiction_id: z.optional(regionCode) };

/**
 * The reading methods also take `locale` (an extension of GeoReport v2, which has no language
 * parameter): the language the system's own texts are written in. Default Indonesian; what people
 * wrote (descriptions, an agency's notes) stays as written.
 */
export const readingQuery = { ...jurisdictionQuery, locale: z.optional(z.enum(LANGUAGES, { error: LANGUAGES.join(', ') })) };

const number = (min: number, max: number, message: string) =>
  z.pipe(
    z.string().check(z.regex(/^-?\d{1,3}(\.\d{1,10})?$/, message)),
    z.pipe(z.transform(Number), z.number().check(z.gte(min, message), z.lte(max, message))),
  );
const dateTime = z.iso.datetime({ offset: true, error: 'tanggal ISO 8601 dengan zona, mis. 2026-11-01T00:00:00+07:00' });

export const requestsQuery = z.strictObject({
  ...readingQuery,
  service_request_id: z.optional(z.string().check(z.maxLength(400, 'paling banyak 20 nomor'), z.regex(/^[A-Za-z0-9, -]+$/, 'nomor dipisahkan koma'))),
  service_code: z.optional(z.string().check(z.maxLength(80, 'kode layanan tidak dikenal'), z.regex(/^[A-Za-z0-9._-]+$/, 'kode layanan tidak dikenal'))),
  start_date: z.optional(dateTime),
  end_date: z.optional(dateTime),
  status: z.optional(z.enum(['open', 'closed'], { error: 'open atau closed' })),
  limit: z._default(intParam(1, 100), 100),
});

/**
 * POST requests: the form fields of the specification. `attribute[<code>]` fields carry the
 * answers a service definition asks for; they are checked against it by the use case.
 */
export const postRequestForm = z.looseObject({
  ...jurisdictionQuery,
  api_key: z
    .string({ error: 'wajib: kunci aplikasi dari operator' })
    .check(z.minLength(16, 'kunci aplikasi tidak valid'), z.maxLength(128, 'kunci aplikasi tidak valid')),
  service_code: z
    .string({ error: 'wajib (lihat services.json)' })
    .check(z.maxLength(80, 'kode layanan tidak dikenal'), z.regex(/^[A-Za-z0-9._-]+$/, 'kode layanan tidak dikenal')),
  lat: z.optional(number(-11.5, 6.5, 'lintang di wilayah Indonesia')),
  long: z.optional(number(94.5, 141.5, 'bujur di wilayah Indonesia')),
  address_string: z.optional(singleLine(500)),
  address_id: z.optional(singleLine(100)),
  email: z.optional(emailAddress()),
  device_id: z.optional(singleLine(200)),
  account_id: z.optional(singleLine(200)),
  first_name: z.optional(singleLine(100)),
  last_name: z.optional(singleLine(100)),
  phone: z.optional(z.string().check(z.regex(/^(\+62|62|0)8[0-9]{7,12}$/, 'nomor ponsel Indonesia, mis. 081234567890'))),
  description: multiLine(5000, 20, 'ceritakan minimal 20 karakter'),
  media_url: z.optional(z.url({ error: 'URL tidak valid' }).check(z.maxLength(2000))),
});

import { useRef, useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import { ApiError, call, newIdempotencyKey } from '../api';
import { categoriesOf, ErrorSummary, Field, PageTitle, RegionPicker, useLoad } from '../components';
import { TYPE_LABELS } from '../labels';
import type { Receipt } from './submitted';

/** The form's fields by the API's field names, so each problem lands next to its field. */
const FIELD_IDS: Record<string, string> = {
  type: 'f-type',
  title: 'f-title',
  description: 'f-description',
  categoryId: 'f-category',
  'location.regionCode': 'f-region-province',
  location: 'f-region-province',
  'location.address': 'f-address',
  incidentDate: 'f-incident',
  targetAgencyId: 'f-target',
  anonymous: 'f-anonymous',
  confidential: 'f-confidential',
  'reporter.name': 'f-name',
  'reporter.email': 'f-email',
  'reporter.phone': 'f-phone',
  serviceId: 'f-service',
  serviceAnswers: 'f-applied',
  'serviceAnswers.appliedOn': 'f-applied',
  'serviceAnswers.completedOn': 'f-completed',
  'serviceAnswers.charged': 'f-charged',
  'serviceAnswers.extraRequirements': 'f-extra',
};

/** The catalogue's answers, as the API declares them (types only). */
type ServiceDetail = ServiceDetailOutput;

const UNIT: Record<string, string> = { MINUTES: 'menit', HOURS: 'jam', WORKING_DAYS: 'hari kerja' };

/**
 * When the complaint is about a service with a published standard (SIPP), the questions that
 * standard makes checkable: when they applied, when it was done, what they paid, what extra was
 * asked. The standard is shown beside them, so the reporter compares for themselves.
 */
function ServiceQuestions(props: {
  regionCode: string;
  values: { serviceId: string; appliedOn: string; completedOn: string; charged: string; extraRequirements: string };
  onChange: (patch: Partial<{ serviceId: string; appliedOn: string; completedOn: string; charged: string; extraRequirements: string }>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const [query, setQuery] = useState('');
  const found = useLoad(
    () =>
      query.trim().length >= 2
        ? call<{ items: ServiceSummary[] }>(
            `/v1/services?limit=20&q=${encodeURIComponent(query.trim())}${props.regionCode ? `&regionCode=${props.regionCode}` : ''}`,
          ).then((r) => r.items)
        : Promise.resolve([] as ServiceSummary[]),
    [query, props.regionCode],
  );
  const detail = useLoad(
    () => (props.values.serviceId ? call<ServiceDetail>(`/v1/services/${encodeURIComponent(props.values.serviceId)}`) : Promise.resolve(undefined)),
    [props.values.serviceId],
  );
  const set = (k: keyof typeof props.values) => (e: Event) => props.onChange({ [k]: (e.target as HTMLInputElement).value });
  const std = detail.data?.standard;
  return (
    <fieldset>
      <legend>Tentang layanan tertentu? (opsional)</legend>
      <p class="hint">
        Jika laporan Anda tentang layanan seperti KTP-el, akta kelahiran atau izin bangunan, pilih layanannya: laporan langsung diteruskan ke instansinya dan
        dibandingkan dengan standar pelayanan yang diumumkan.
      </p>
      <Field id="f-service-search" label="Cari layanan" hint="Ketik minimal 2 huruf, mis. KTP, akta, SKCK.">
        {(aria) => <input type="search" {...aria} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />}
      </Field>
      <Field id="f-service" label="Layanan" error={props.fieldError('serviceId')}>
        {(aria) => (
          <select {...aria} value={props.values.serviceId} onChange={set('serviceId')}>
            <option value="">Tidak tentang layanan tertentu</option>
            {(found.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} — {s.agency.name}
              </option>
            ))}
            {props.values.serviceId && !(found.data ?? []).some((s) => s.id === props.values.serviceId) && detail.data && (
              <option value={detail.data.id}>{detail.data.name}</option>
            )}
          </select>
        )}
      </Field>
      {std && (
        <>
          <div class="notice" data-testid="service-standard">
            <strong>Standar pelayanan</strong> ({std.decreeNumber}): selesai dalam {std.completionTime.value} {UNIT[std.completionTime.unit] ?? ''};{' '}
            {std.cost.kind === 'FREE' ? 'tanpa biaya' : `biaya Rp${std.cost.amount.toLocaleString('id-ID')}`}; persyaratan: {std.requirements.join('; ')}.
          </div>
          <Field
            id="f-applied"
            label="Kapan Anda mengajukan layanan ini?"
            error={props.fieldError('serviceAnswers.appliedOn') ?? props.fieldError('serviceAnswers')}
          >
            {(aria) => <input type="date" {...aria} value={props.values.appliedOn} onInput={set('appliedOn')} />}
          </Field>
          <Field id="f-completed" label="Kapan selesai? (kosongkan jika belum)" error={props.fieldError('serviceAnswers.completedOn')}>
            {(aria) => <input type="date" {...aria} value={props.values.completedOn} onInput={set('completedOn')} />}
          </Field>
          <Field id="f-charged" label="Berapa biaya yang Anda bayar? (rupiah, kosongkan jika tidak ada)" error={props.fieldError('serviceAnswers.charged')}>
            {(aria) => <input type="text" inputMode="numeric" {...aria} value={props.values.charged} onInput={set('charged')} />}
          </Field>
          <Field
            id="f-extra"
            label="Persyaratan yang diminta di luar daftar di atas (satu per baris)"
            error={props.fieldError('serviceAnswers.extraRequirements')}
          >
            {(aria) => <textarea {...aria} value={props.values.extraRequirements} onInput={set('extraRequirements')} />}
          </Field>
        </>
      )}
    </fieldset>
  );
}

export function SubmitPage({ onSubmitted }: { onSubmitted: (r: Receipt) => void }) {
  const categories = useLoad(categoriesOf, []);
  const [form, setForm] = useState({
    type: 'COMPLAINT',
    title: '',
    description: '',
    categoryId: '',
    province: '',
    regency: '',
    address: '',
    incidentDate: '',
    anonymous: false,
    confidential: false,
    name: '',
    email: '',
    phone: '',
    serviceId: '',
    appliedOn: '',
    completedOn: '',
    charged: '',
    extraRequirements: '',
  });
  const [categoryQuery, setCategoryQuery] = useState('');
  // One key per form: a double tap or a retry after a lost answer returns the same complaint.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  // A second tap can arrive before the button redraws as disabled: this blocks it at once.
  const inFlight = useRef(false);
  const set = (k: keyof typeof form) => (e: Event) => {
    const t = e.target as HTMLInputElement;
    setForm({ ...form, [k]: t.type === 'checkbox' ? t.checked : t.value });
  };
  const fieldError = (f: string) => error?.forField(f);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(undefined);
    const reporter = {
      ...(form.name.trim() ? { name: form.name } : {}),
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    };
    const body = {
      type: form.type,
      title: form.title,
      description: form.description,
      categoryId: form.categoryId,
      location: { regionCode: form.regency || form.province, ...(form.address.trim() ? { address: form.address } : {}) },
      ...(form.incidentDate ? { incidentDate: form.incidentDate } : {}),
      anonymous: form.anonymous,
      confidential: form.confidential,
      ...(Object.keys(reporter).length ? { reporter } : {}),
      ...(form.serviceId ? { serviceId: form.serviceId } : {}),
      ...(form.serviceId && form.appliedOn
        ? {
            serviceAnswers: {
              appliedOn: form.appliedOn,
              ...(form.completedOn ? { completedOn: form.completedOn } : {}),
              ...(form.charged.trim() ? { charged: Number(form.charged.replace(/[^\d]/g, '')) } : {}),
              ...(form.extraRequirements.trim()
                ? {
                    extraRequirements: form.extraRequirements
                      .split('\n')
                      .map((l) => l.trim())
                      .filter(Boolean),
                  }
                : {}),
            },
          }
        : {}),
    };
    try {
      const receipt = await call<Receipt>('/v1/complaints', { body, idempotencyKey });
      setIdempotencyKey(newIdempotencyKey());
      onSubmitted(receipt);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err)));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const q = categoryQuery.trim().toLowerCase();
  const shownCategories = (categories.data ?? []).filter((c) => !q || c.name.toLowerCase().includes(q) || c.covers.toLowerCase().includes(q));
  const chosen = categories.data?.find((c) => c.id === form.categoryId);

  return (
    <>
      <PageTitle title="Buat laporan">Buat laporan</PageTitle>
      <p class="lead">Sampaikan pengaduan, aspirasi, atau permintaan informasi tentang pelayanan publik. Laporan diteruskan ke instansi yang berwenang.</p>
      {error && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Jenis laporan</legend>
          {Object.entries(TYPE_LABELS).map(([value, text], i) => (
            <div class="choice" key={value}>
              <input type="radio" name="type" id={i === 0 ? 'f-type' : `f-type-${value}`} value={value} checked={form.type === value} onChange={set('type')} />
              <label for={i === 0 ? 'f-type' : `f-type-${value}`}>{text}</label>
            </div>
          ))}
        </fieldset>
        <Field id="f-title" label="Judul laporan" hint="Singkat dan jelas, 5–150 karakter." error={fieldError('title')}>
          {(aria) => <input type="text" {...aria} value={form.title} onInput={set('title')} maxLength={150} required />}
        </Field>
        <Field
          id="f-description"
          label="Isi laporan"
          hint="Ceritakan apa yang terjadi, di mana, dan kapan (minimal 20 karakter)."
          error={fieldError('description')}
        >
          {(aria) => <textarea {...aria} value={form.description} onInput={set('description')} maxLength={5000} required />}
        </Field>
        <Field id="f-category-search" label="Cari kategori" hint="Ketik kata kunci, mis. KTP, jalan, sampah.">
          {(aria) => <input type="search" {...aria} value={categoryQuery} onInput={(e) => setCategoryQuery((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field id="f-category" label="Kategori" error={fieldError('categoryId')} hint={chosen ? `Mencakup: ${chosen.covers}` : undefined}>
          {(aria) => (
            <select {...aria} value={form.categoryId} onChange={set('categoryId')} required>
              <option value="">Pilih kategori</option>
              {shownCategories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>Lokasi kejadian</legend>
          <RegionPicker
            idPrefix="f-region"
            province={form.province}
            regency={form.regency}
            onChange={(province, regency) => setForm({ ...form, province, regency })}
            error={fieldError('location.regionCode') ?? fieldError('location')}
          />
          <Field id="f-address" label="Alamat atau patokan (opsional)" error={fieldError('location.address')}>
            {(aria) => <input type="text" {...aria} value={form.address} onInput={set('address')} maxLength={500} autoComplete="street-address" />}
          </Field>
        </fieldset>
        <ServiceQuestions
          regionCode={form.regency || form.province}
          values={form}
          onChange={(patch) => setForm({ ...form, ...patch })}
          fieldError={fieldError}
        />
        <Field id="f-incident" label="Tanggal kejadian (opsional)" error={fieldError('incidentDate')}>
          {(aria) => <input type="date" {...aria} value={form.incidentDate} onInput={set('incidentDate')} />}
        </Field>
        <fieldset>
          <legend>Privasi</legend>
          <div class="choice">
            <input type="checkbox" id="f-anonymous" checked={form.anonymous} onChange={set('anonymous')} aria-describedby="f-anonymous-hint" />
            <label for="f-anonymous">
              Anonim
              <span class="hint" id="f-anonymous-hint">
                Nama dan kontak Anda disembunyikan dari instansi dan publik. Hanya Anda yang dapat melihatnya dengan token akses.
              </span>
            </label>
          </div>
          <div class="choice">
            <input type="checkbox" id="f-confidential" checked={form.confidential} onChange={set('confidential')} aria-describedby="f-confidential-hint" />
            <label for="f-confidential">
              Rahasia
              <span class="hint" id="f-confidential-hint">
                Laporan tidak ditampilkan kepada publik sama sekali; hanya Anda dan petugas yang menanganinya yang dapat membacanya.
              </span>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Data pelapor (opsional)</legend>
          <p class="hint">Isi email agar Anda menerima kabar tindak lanjut. Data ini tidak pernah ditampilkan kepada publik.</p>
          <Field id="f-name" label="Nama" error={fieldError('reporter.name')}>
            {(aria) => <input type="text" {...aria} value={form.name} onInput={set('name')} maxLength={100} autoComplete="name" />}
          </Field>
          <Field id="f-email" label="Email" error={fieldError('reporter.email')}>
            {(aria) => <input type="email" {...aria} value={form.email} onInput={set('email')} maxLength={254} autoComplete="email" inputMode="email" />}
          </Field>
          <Field id="f-phone" label="Nomor ponsel" hint="Mis. 081234567890" error={fieldError('reporter.phone')}>
            {(aria) => <input type="tel" {...aria} value={form.phone} onInput={set('phone')} autoComplete="tel" inputMode="tel" />}
          </Field>
        </fieldset>
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? 'Mengirim…' : 'Kirim laporan'}
        </button>
      </form>
    </>
  );
}

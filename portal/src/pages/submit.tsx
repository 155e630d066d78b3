import { useState } from 'preact/hooks';
import { ApiError, call, newIdempotencyKey } from '../api';
import { categoriesOf, ErrorSummary, Field, PageTitle, RegionPicker, useLoad } from '../components';
import { TYPE_LABELS } from '../labels';

export interface Receipt {
  trackingId: string;
  accessToken: string;
  status: string;
  statusLabel?: string;
}

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
};

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
  });
  const [categoryQuery, setCategoryQuery] = useState('');
  // One key per form: a double tap or a retry after a lost answer returns the same complaint.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  const set = (k: keyof typeof form) => (e: Event) => {
    const t = e.target as HTMLInputElement;
    setForm({ ...form, [k]: t.type === 'checkbox' ? t.checked : t.value });
  };
  const fieldError = (f: string) => error?.forField(f);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
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
    };
    try {
      const receipt = await call<Receipt>('/v1/complaints', { body, idempotencyKey });
      setIdempotencyKey(newIdempotencyKey());
      onSubmitted(receipt);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'Galat', String(err)));
    } finally {
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

/** Shown once, right after sending: the tracking number and the token, with ways to keep them. */
export function SubmittedPage({ receipt }: { receipt: Receipt | undefined }) {
  const [copied, setCopied] = useState('');
  if (!receipt) {
    return (
      <>
        <PageTitle title="Laporan terkirim">Laporan terkirim</PageTitle>
        <p>
          Token akses hanya ditampilkan sekali. Jika Anda sudah menyimpannya, buka <a href="#/lacak">Lacak laporan</a>.
        </p>
      </>
    );
  }
  const personalLink = `${location.origin}/#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`;
  const note = [
    'Laporan Aduan',
    `Nomor pelacakan: ${receipt.trackingId}`,
    `Token akses: ${receipt.accessToken}`,
    `Tautan pribadi: ${personalLink}`,
    '',
    'Simpan berkas ini. Siapa pun yang memegang token dapat membaca laporan Anda, termasuk identitas Anda.',
    '',
  ].join('\n');
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('');
    }
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([note], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `aduan-${receipt.trackingId}.txt`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <>
      <PageTitle title="Laporan terkirim">Laporan terkirim</PageTitle>
      <div class="notice" role="status">
        Terima kasih. Laporan Anda diterima dengan status <strong>{receipt.statusLabel ?? 'Belum Terverifikasi'}</strong>.
      </div>
      <div class="card">
        <h2>Simpan sekarang: ditampilkan hanya sekali</h2>
        <p>Anda memerlukan nomor pelacakan dan token akses untuk melihat perkembangan, membalas, dan menilai tindak lanjut.</p>
        <dl class="facts">
          <dt>Nomor pelacakan</dt>
          <dd>
            <span class="secret" data-testid="tracking-id">
              {receipt.trackingId}
            </span>
          </dd>
          <dt>Token akses</dt>
          <dd>
            <span class="secret" data-testid="access-token">
              {receipt.accessToken}
            </span>
          </dd>
        </dl>
        <div class="actions-row">
          <button type="button" onClick={() => copy('token', `${receipt.trackingId} ${receipt.accessToken}`)}>
            Salin nomor dan token
          </button>
          <button type="button" class="secondary" onClick={() => copy('link', personalLink)}>
            Salin tautan pribadi
          </button>
          <button type="button" class="secondary" onClick={download}>
            Unduh sebagai berkas teks
          </button>
        </div>
        <p role="status" class="muted">
          {copied === 'token' ? 'Nomor dan token disalin.' : copied === 'link' ? 'Tautan pribadi disalin.' : ''}
        </p>
        <p class="hint">Tautan pribadi membuka laporan Anda tanpa mengetik token. Jangan bagikan: siapa pun yang memegangnya dapat membaca laporan Anda.</p>
        <a class="button" href={`#/lacak/${encodeURIComponent(receipt.trackingId)}/${encodeURIComponent(receipt.accessToken)}`}>
          Lihat laporan saya
        </a>
      </div>
    </>
  );
}

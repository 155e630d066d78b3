import { useEffect, useState } from 'preact/hooks';
import { ActionPanel } from '../actions';
import { ApiError, call } from '../api';
import { ComplaintDetails, type ComplaintView } from '../complaint-view';
import { ErrorSummary, Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { AttachmentList, AttachmentUploader, refreshSoon, SupportButton } from '../evidence';
import { navigate, replaceRoute } from '../router';
import { forgetReporterToken, keepReporterToken, reporterToken } from '../session';

/**
 * Tracking number + token, typed in. A mail's link brings the number (only the token is asked);
 * a number the API refused comes back with the API's words beside it.
 */
export function TrackForm({ initialId = '', initialError }: { initialId?: string; initialError?: ApiError | undefined }) {
  const [id, setId] = useState(initialId);
  const [token, setToken] = useState('');
  const [error, setError] = useState<ApiError | undefined>(initialError);
  const submit = (e: Event) => {
    e.preventDefault();
    const trackingId = id.trim().toUpperCase();
    const errors = [
      ...(trackingId ? [] : [{ field: 'trackingId', message: 'isi nomor pelacakan' }]),
      ...(token.trim() ? [] : [{ field: 'token', message: 'isi token akses' }]),
    ];
    if (errors.length) return setError(new ApiError(400, 'Periksa isian', 'Nomor pelacakan dan token akses wajib diisi.', errors));
    keepReporterToken(trackingId, token.trim());
    navigate('lacak', trackingId);
  };
  return (
    <>
      <PageTitle title="Lacak laporan">Lacak laporan</PageTitle>
      <p>Masukkan nomor pelacakan dan token akses yang Anda terima saat mengirim laporan, atau buka tautan pribadi Anda.</p>
      {error && <ErrorSummary error={error} fieldIds={{ trackingId: 't-id', token: 't-token' }} />}
      <form onSubmit={submit} noValidate class="card">
        <Field id="t-id" label="Nomor pelacakan" hint="Mis. 7K3MQ-X9P2W" error={error?.forField('trackingId')}>
          {(aria) => (
            <input
              type="text"
              {...aria}
              value={id}
              onInput={(e) => setId((e.target as HTMLInputElement).value)}
              autoComplete="off"
              autoCapitalize="characters"
            />
          )}
        </Field>
        <Field id="t-token" label="Token akses" error={error?.forField('token')}>
          {(aria) => <input type="password" {...aria} value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} autoComplete="off" />}
        </Field>
        <button type="submit">Lihat laporan</button>
      </form>
    </>
  );
}

/** The reporter's own view: status, agency, deadline, timeline, and what they may do now. */
export function TrackPage({ trackingId, tokenInLink }: { trackingId: string; tokenInLink?: string | undefined }) {
  // A personal link carries the token in the fragment: keep it for this tab, then drop it from the address bar.
  useEffect(() => {
    if (tokenInLink) {
      keepReporterToken(trackingId, tokenInLink);
      replaceRoute('lacak', trackingId);
    }
  }, [trackingId, tokenInLink]);
  const token = tokenInLink ?? reporterToken(trackingId);
  const [view, setView] = useState<ComplaintView>();
  const loaded = useLoad(
    () => (token ? call<ComplaintView>(`/v1/complaints/${encodeURIComponent(trackingId)}`, { token }) : Promise.resolve(undefined)),
    [trackingId, token],
  );
  const c = view ?? loaded.data;
  if (!token) return <TrackForm initialId={trackingId} />;
  if (loaded.loading && !c) return <Loading what="Memuat laporan" />;
  // A mistyped number: the form again, the number kept for correcting, the API's words beside it.
  if (loaded.error?.forField('trackingId') && !c) {
    forgetReporterToken(trackingId);
    return <TrackForm key={trackingId} initialId={trackingId} initialError={loaded.error} />;
  }
  if (loaded.error && !c) {
    return (
      <>
        <PageTitle title="Lacak laporan">Laporan tidak dapat dibuka</PageTitle>
        <Problem error={loaded.error} />
        <button
          type="button"
          onClick={() => {
            forgetReporterToken(trackingId);
            navigate('lacak');
          }}
        >
          Coba nomor atau token lain
        </button>
      </>
    );
  }
  if (!c) return null;
  const isReporter = c.view === 'REPORTER';
  return (
    <>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      {!isReporter && <p class="notice warn">Token tidak cocok: Anda melihat tampilan publik laporan ini.</p>}
      <ComplaintDetails
        c={c}
        identity={
          isReporter && c.reporter ? (
            <>
              <dt>Identitas Anda</dt>
              <dd>{[c.reporter.name, c.reporter.email, c.reporter.phone].filter(Boolean).join(' · ') || '—'}</dd>
            </>
          ) : undefined
        }
      />
      {isReporter && (
        <section aria-labelledby="att-title">
          <h2 id="att-title">Lampiran</h2>
          <AttachmentList items={c.attachments ?? []} token={token} staff={false} />
          {!['CLOSED', 'ARCHIVED'].includes(c.status) && (
            <AttachmentUploader trackingId={c.trackingId} token={token} staff={false} onUploaded={() => refreshSoon(setView, loaded.reload)} />
          )}
        </section>
      )}
      {isReporter && (
        <ActionPanel allowed={c.allowedActions ?? []} trackingId={c.trackingId} token={token} staff={false} onDone={(v) => setView(v as ComplaintView)} />
      )}
    </>
  );
}

/** Anyone's view of a non-confidential complaint: no identity, no contact. */
export function PublicComplaintPage({ trackingId }: { trackingId: string }) {
  const loaded = useLoad(() => call<ComplaintView>(`/v1/complaints/${encodeURIComponent(trackingId)}`), [trackingId]);
  if (loaded.loading) return <Loading what="Memuat laporan" />;
  if (loaded.error || !loaded.data)
    return (
      <>
        <PageTitle title="Laporan">Laporan tidak ditemukan</PageTitle>
        {loaded.error && <Problem error={loaded.error} />}
      </>
    );
  const c = loaded.data;
  return (
    <>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      {c.support && c.status !== 'CLOSED' && <SupportButton trackingId={c.trackingId} initial={c.support} />}
      <ComplaintDetails c={c} />
      <p>
        <a class="back" href="#/publik">
          ← Kembali ke laporan publik
        </a>
      </p>
    </>
  );
}

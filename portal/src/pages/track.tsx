import { useEffect, useState } from 'preact/hooks';
import { ActionPanel } from '../actions';
import { ApiError, call } from '../api';
import { ComplaintDetails, type ComplaintView } from '../complaint-view';
import { BackLink, ErrorSummary, Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { AttachmentList, AttachmentUploader, refreshSoon, SupportButton } from '../evidence';
import { t } from '../i18n';
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
      ...(trackingId ? [] : [{ field: 'trackingId', message: t('errors.fields.trackingId'), rule: 'required' as const }]),
      ...(token.trim() ? [] : [{ field: 'token', message: t('errors.fields.token'), rule: 'required' as const }]),
    ];
    if (errors.length) return setError(new ApiError(400, t('track.check'), t('track.bothRequired'), errors));
    keepReporterToken(trackingId, token.trim());
    navigate('lacak', trackingId);
  };
  return (
    <>
      <PageTitle title={t('track.title')}>{t('track.title')}</PageTitle>
      <p>{t('track.lead')}</p>
      {error && <ErrorSummary error={error} fieldIds={{ trackingId: 't-id', token: 't-token' }} />}
      <form onSubmit={submit} noValidate class="card">
        <Field id="t-id" label={t('track.number')} hint={t('track.numberHint')} error={error?.forField('trackingId')}>
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
        <Field id="t-token" label={t('track.token')} error={error?.forField('token')}>
          {(aria) => <input type="password" {...aria} value={token} onInput={(e) => setToken((e.target as HTMLInputElement).value)} autoComplete="off" />}
        </Field>
        <button type="submit">{t('track.open')}</button>
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
  if (loaded.loading && !c) return <Loading what={t('track.loading')} />;
  // A mistyped number: the form again, the number kept for correcting, the API's words beside it.
  if (loaded.error?.forField('trackingId') && !c) {
    forgetReporterToken(trackingId);
    return <TrackForm key={trackingId} initialId={trackingId} initialError={loaded.error} />;
  }
  if (loaded.error && !c) {
    return (
      <>
        <PageTitle title={t('track.title')}>{t('track.cannotOpen')}</PageTitle>
        <Problem error={loaded.error} />
        <button
          type="button"
          onClick={() => {
            forgetReporterToken(trackingId);
            navigate('lacak');
          }}
        >
          {t('track.tryAnother')}
        </button>
      </>
    );
  }
  if (!c) return null;
  const isReporter = c.view === 'REPORTER';
  return (
    <>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      {!isReporter && <p class="notice warn">{t('track.tokenMismatch')}</p>}
      <ComplaintDetails
        c={c}
        identity={
          isReporter && c.reporter ? (
            <>
              <dt>{t('track.yourIdentity')}</dt>
              <dd>{[c.reporter.name, c.reporter.email, c.reporter.phone].filter(Boolean).join(' · ') || '—'}</dd>
            </>
          ) : undefined
        }
      />
      {isReporter && (
        <section aria-labelledby="att-title">
          <h2 id="att-title">{t('track.attachments')}</h2>
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
  if (loaded.loading) return <Loading what={t('track.loading')} />;
  if (loaded.error || !loaded.data)
    return (
      <>
        <PageTitle title={t('track.report')}>{t('track.notFound')}</PageTitle>
        {loaded.error && <Problem error={loaded.error} />}
      </>
    );
  const c = loaded.data;
  return (
    <>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      {c.support && c.status !== 'CLOSED' && <SupportButton trackingId={c.trackingId} initial={c.support} />}
      <ComplaintDetails c={c} />
      <BackLink href="#/publik">{t('track.backToFeed')}</BackLink>
    </>
  );
}

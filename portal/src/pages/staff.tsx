import { useState } from 'preact/hooks';
import type { CalendarYearOutput } from '../../../functions/contract/outputs/calendar';
import type { StaffComplaintView } from '../../../functions/contract/outputs/complaint';
import type { InboxItem, InboxOutput } from '../../../functions/contract/outputs/inbox';
import { ActionPanel, type AgencyOption } from '../actions';
import { type ApiError, call } from '../api';
import { ComplaintDetails } from '../complaint-view';
import { BackLink, cached, ErrorSummary, Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { AttachmentList, AttachmentUploader, DuplicateSuggestions, refreshSoon } from '../evidence';
import { t } from '../i18n';
import { formatDate, label, REVIEW_REASON_LABELS, ROLE_LABELS, STATUS_LABELS } from '../labels';
import { href } from '../router';
import type { StaffSession } from '../session';

/** What the inbox answers, as the API declares it (types only: nothing of functions/ is bundled). */
type InboxPage = InboxOutput;

/** The queues a role works from, as tabs: [label, query]. */
function queuesOf(s: StaffSession): [string, string][] {
  const roles = s.staff.roles;
  if (roles.includes('OMBUDSMAN'))
    return [
      [t('inbox.queues.review'), 'status=OPEN'],
      [t('inbox.queues.takenOver'), 'status=TAKEN_OVER'],
      [t('inbox.queues.returned'), 'status=RETURNED'],
      [t('inbox.queues.dismissed'), 'status=DISMISSED'],
    ];
  if (roles.includes('AGENCY_OFFICER'))
    return [
      [t('inbox.queues.agency'), ''],
      [t('inbox.queues.escalated'), 'view=escalated'],
    ];
  if (roles.includes('VERIFIER'))
    return [
      [t('inbox.queues.verify'), ''],
      [t('inbox.queues.onHold'), 'status=ON_HOLD'],
    ];
  return [];
}

function InboxList({ session, query }: { session: StaffSession; query: string }) {
  const [pages, setPages] = useState<{ items: InboxItem[]; next: string | null }>();
  const [moreError, setMoreError] = useState<ApiError>();
  const first = useLoad(() => call<InboxPage>(`/v1/inbox?limit=25${query ? `&${query}` : ''}`, { token: session.idToken, staff: true }), [query]);
  if (first.loading && !first.data) return <Loading what={t('inbox.loading')} />;
  if (first.error) return <Problem error={first.error} />;
  const items = [...(first.data?.items ?? []), ...(pages?.items ?? [])];
  const next = pages ? pages.next : (first.data?.nextCursor ?? null);
  const more = async () => {
    if (!next) return;
    try {
      const page = await call<InboxPage>(`/v1/inbox?limit=25&cursor=${encodeURIComponent(next)}${query ? `&${query}` : ''}`, {
        token: session.idToken,
        staff: true,
      });
      setPages({ items: [...(pages?.items ?? []), ...page.items], next: page.nextCursor });
    } catch (e) {
      setMoreError(e as ApiError);
    }
  };
  if (!items.length) return <p class="muted">{t('inbox.empty')}</p>;
  return (
    <>
      <p class="muted">{t('inbox.order')}</p>
      <ul class="list">
        {items.map((i) => (
          <li key={i.trackingId} class={i.overdue ? 'overdue' : ''}>
            <a class="title" href={href('petugas', 'kasus', i.trackingId)}>
              {i.title}
            </a>
            <div>
              {i.overdue ? (
                <span class="badge overdue">{t('inbox.overdue', { date: formatDate(i.deadline.date) })}</span>
              ) : (
                <span class="badge open">{t('inbox.due', { date: formatDate(i.deadline.date), count: i.deadline.workingDaysLeft })}</span>
              )}{' '}
              <span class="muted">
                {i.trackingId} · {STATUS_LABELS[i.status] ?? i.status} · {i.regionName}
              </span>
            </div>
            <div class="muted">
              {i.suggestedAgency && i.status === 'SUBMITTED' ? t('inbox.suggested', { agency: i.suggestedAgency.name }) : (i.assignedAgency?.name ?? '')}
              {i.escalationLevel > 0 ? t('inbox.escalation', { level: i.escalationLevel }) : ''}
              {i.transfers > 0 ? t('inbox.transfers', { count: i.transfers }) : ''}
              {i.anonymous ? t('inbox.anonymous') : ''}
              {i.confidential ? t('inbox.confidential') : ''}
              {i.ombudsmanReview ? ` · ${i.ombudsmanReview.reasons.map((r) => label(REVIEW_REASON_LABELS, r)).join('; ')}` : ''}
            </div>
          </li>
        ))}
      </ul>
      {moreError && <Problem error={moreError} />}
      {next && (
        <button type="button" class="secondary" onClick={more}>
          {t('inbox.more')}
        </button>
      )}
    </>
  );
}

export function InboxPage({ session }: { session: StaffSession }) {
  const queues = queuesOf(session);
  const [tab, setTab] = useState(0);
  const where = session.staff.agencyName ?? session.staff.agencyId;
  const who = `${session.staff.username} · ${session.staff.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}${where ? ` · ${where}` : ''}`;
  return (
    <>
      <PageTitle title={t('inbox.title')}>{t('inbox.title')}</PageTitle>
      <p class="muted">{who}</p>
      {session.staff.roles.includes('SERVICE_ADMIN') && (
        <p>
          <a class="button secondary" href="#/petugas/layanan">
            {t('inbox.catalogue')}
          </a>
        </p>
      )}
      {(session.staff.roles.includes('OPERATOR') || session.staff.roles.includes('SERVICE_ADMIN')) && (
        <p>
          <a class="button secondary" href="#/petugas/akun">
            {t('inbox.accounts')}
          </a>
        </p>
      )}
      {session.staff.agencyId && (
        <p>
          {/* The agency's own scorecard: its score, the figures behind it and what to fix first. */}
          <a class="button secondary" href={`#/kepatuhan/${encodeURIComponent(session.staff.agencyId)}`}>
            {t('inbox.scorecard')}
          </a>
        </p>
      )}
      {session.staff.roles.includes('OMBUDSMAN') && (
        <p>
          {/* The office's province's agencies, ranked; each scorecard opens the complaints behind its figures. */}
          <a class="button secondary" href="#/kepatuhan">
            {t('inbox.regionCompliance')}
          </a>
        </p>
      )}
      {(session.staff.roles.includes('OPERATOR') || session.staff.roles.includes('SERVICE_ADMIN') || session.staff.roles.includes('OMBUDSMAN')) && (
        <p>
          <a class="button secondary" href="#/petugas/kesiapan">
            {t('inbox.readiness')}
          </a>
        </p>
      )}
      {session.staff.roles.includes('OPERATOR') && (
        <p>
          <a class="button secondary" href="#/petugas/kalender">
            {t('inbox.calendar')}
          </a>
        </p>
      )}
      {queues.length > 0 && (
        <>
          <fieldset class="plain">
            <legend class="visually-hidden">{t('inbox.queue')}</legend>
            <div class="actions-row">
              {queues.map(([name], i) => (
                <button key={name} type="button" class={i === tab ? '' : 'secondary'} aria-pressed={i === tab} onClick={() => setTab(i)}>
                  {name}
                </button>
              ))}
            </div>
          </fieldset>
          <InboxList key={tab} session={session} query={queues[tab]?.[1] ?? ''} />
        </>
      )}
    </>
  );
}

async function agenciesFor(regionCode: string): Promise<AgencyOption[]> {
  const province = regionCode.split('.')[0] ?? regionCode;
  const [regional, national] = await Promise.all([
    cached<{ items: AgencyOption[] }>(`/v1/agencies?regionCode=${encodeURIComponent(province)}&limit=200`),
    cached<{ items: AgencyOption[] }>('/v1/agencies?level=NATIONAL&limit=200'),
  ]);
  return [...regional.items, ...national.items];
}

/** One case as staff see it: details, the full timeline, identity only on request, and their actions. */
export function CasePage({ session, trackingId }: { session: StaffSession; trackingId: string }) {
  const [view, setView] = useState<StaffComplaintView>();
  const [revealError, setRevealError] = useState<ApiError>();
  const loaded = useLoad(
    () => call<StaffComplaintView>(`/v1/complaints/${encodeURIComponent(trackingId)}`, { token: session.idToken, staff: true }),
    [trackingId],
  );
  const c = view ?? loaded.data;
  const agencies = useLoad(() => (c ? agenciesFor(c.location.regionCode) : Promise.resolve([])), [c?.location.regionCode]);
  if (loaded.loading && !c) return <Loading what={t('case.loading')} />;
  if (loaded.error && !c) return <Problem error={loaded.error} />;
  if (!c) return null;
  const reveal = async () => {
    setRevealError(undefined);
    try {
      setView(await call<StaffComplaintView>(`/v1/complaints/${encodeURIComponent(trackingId)}?identity=show`, { token: session.idToken, staff: true }));
    } catch (e) {
      setRevealError(e as ApiError);
    }
  };
  const r = c.reporter;
  const identity = (
    <>
      <dt>{t('case.reporter')}</dt>
      <dd>
        {!r ? (
          t('case.noIdentity')
        ) : 'anonymous' in r ? (
          t('case.anonymous')
        ) : 'withheld' in r ? (
          r.revealable ? (
            <>
              <span>{t('case.hidden')}</span>
              <button type="button" class="link" onClick={reveal}>
                {t('case.reveal')}
              </button>
              <span class="hint">{t('case.audited')}</span>
              {revealError && <Problem error={revealError} />}
            </>
          ) : (
            t('case.notForRole')
          )
        ) : (
          <span data-testid="reporter-identity">{[r.name, r.email, r.phone].filter(Boolean).join(' · ')}</span>
        )}
      </dd>
    </>
  );
  return (
    <>
      <BackLink href="#/petugas">{t('case.back')}</BackLink>
      <PageTitle title={c.title}>{c.title}</PageTitle>
      {c.suggestedAgency && c.status === 'SUBMITTED' && <p class="notice">{t('case.suggested', { agency: c.suggestedAgency.name })}</p>}
      <ActionPanel
        allowed={c.allowedActions ?? []}
        trackingId={c.trackingId}
        token={session.idToken}
        staff
        agencies={[...(c.suggestedAgency ? [c.suggestedAgency] : []), ...(agencies.data ?? []).filter((a) => a.id !== c.suggestedAgency?.id)]}
        defaults={c.suggestedAgency ? { VERIFY: { agencyId: c.suggestedAgency.name } } : {}}
        onDone={(v) => setView(v as StaffComplaintView)}
      />
      {(c.allowedActions ?? []).includes('ARCHIVE') && (
        <DuplicateSuggestions trackingId={c.trackingId} token={session.idToken} onMerged={(v) => setView(v as StaffComplaintView)} />
      )}
      <section aria-labelledby="att-title">
        <h2 id="att-title">{t('case.attachments')}</h2>
        <AttachmentList items={c.attachments ?? []} token={session.idToken} staff />
        {!['CLOSED', 'ARCHIVED'].includes(c.status) && (
          <AttachmentUploader trackingId={c.trackingId} token={session.idToken} staff onUploaded={() => refreshSoon(setView, loaded.reload)} />
        )}
      </section>
      <ComplaintDetails c={c} identity={identity} />
    </>
  );
}

/** The operator's view of the holiday calendar of a year, and the form for an amended decree. */
export function CalendarPage({ session }: { session: StaffSession }) {
  const [year, setYear] = useState(new Date().getFullYear());
  const [round, setRound] = useState(0);
  const cal = useLoad(() => call<CalendarYearOutput>(`/v1/calendar?year=${year}`), [year, round]);
  const [form, setForm] = useState({ action: 'ADD_DAY', date: '', name: '', kind: 'HOLIDAY', source: '' });
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setDone('');
    const body =
      form.action === 'ADD_DAY'
        ? { action: 'ADD_DAY', date: form.date, name: form.name, kind: form.kind, source: form.source }
        : { action: 'CANCEL_DAY', date: form.date, source: form.source };
    try {
      await call('/v1/calendar', { body, token: session.idToken, staff: true });
      setDone(t('calendar.saved', { date: form.date }));
      setRound((r) => r + 1);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  return (
    <>
      <BackLink href="#/petugas">{t('case.back')}</BackLink>
      <PageTitle title={t('calendar.title')}>{t('calendar.heading')}</PageTitle>
      <div class="actions-row">
        <button type="button" class="secondary" onClick={() => setYear(year - 1)}>
          ← {year - 1}
        </button>
        <button type="button" class="secondary" onClick={() => setYear(year + 1)}>
          {year + 1} →
        </button>
      </div>
      {cal.error && <Problem error={cal.error} />}
      {cal.data && (
        <section class="card" aria-labelledby="cal-title">
          <h2 id="cal-title">{t('calendar.year', { year: cal.data.year })}</h2>
          <p>{cal.data.covered ? t('calendar.source', { source: cal.data.source ?? '' }) : cal.data.warning}</p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls inside its box; keyboard users need focus to scroll it (WCAG 2.1.1) */}
          <section class="table-wrap" aria-label={t('common.tableScroll')} tabIndex={0}>
            <table>
              <caption class="visually-hidden">{t('calendar.caption', { year: cal.data.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calendar.date')}</th>
                  <th scope="col">{t('calendar.name')}</th>
                  <th scope="col">{t('calendar.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {cal.data.daysOff.map((d) => (
                  <tr key={d.date}>
                    <td>{formatDate(d.date)}</td>
                    <td>{d.name}</td>
                    <td>{d.kind === 'HOLIDAY' ? t('calendar.holiday') : t('calendar.leave')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>
      )}
      <h2>{t('calendar.change')}</h2>
      {error && <ErrorSummary error={error} fieldIds={{ date: 'c-date', name: 'c-name', source: 'c-source', kind: 'c-kind' }} />}
      {done && (
        <p class="notice" role="status">
          {done}
        </p>
      )}
      <form class="card" onSubmit={submit} noValidate>
        <Field id="c-action" label={t('calendar.action')}>
          {(aria) => (
            <select {...aria} value={form.action} onChange={set('action')}>
              <option value="ADD_DAY">{t('calendar.add')}</option>
              <option value="CANCEL_DAY">{t('calendar.cancel')}</option>
            </select>
          )}
        </Field>
        <Field id="c-date" label={t('calendar.date')} error={error?.forField('date')}>
          {(aria) => <input type="date" {...aria} value={form.date} onInput={set('date')} />}
        </Field>
        {form.action === 'ADD_DAY' && (
          <>
            <Field id="c-name" label={t('calendar.dayName')} error={error?.forField('name')}>
              {(aria) => <input type="text" {...aria} value={form.name} onInput={set('name')} />}
            </Field>
            <Field id="c-kind" label={t('calendar.kind')} error={error?.forField('kind')}>
              {(aria) => (
                <select {...aria} value={form.kind} onChange={set('kind')}>
                  <option value="HOLIDAY">{t('calendar.holiday')}</option>
                  <option value="COLLECTIVE_LEAVE">{t('calendar.leave')}</option>
                </select>
              )}
            </Field>
          </>
        )}
        <Field id="c-source" label={t('calendar.basis')} hint={t('calendar.basisHint')} error={error?.forField('source')}>
          {(aria) => <input type="text" {...aria} value={form.source} onInput={set('source')} />}
        </Field>
        <button type="submit">{t('calendar.save')}</button>
      </form>
    </>
  );
}

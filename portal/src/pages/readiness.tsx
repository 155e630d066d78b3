/**
 * Whether complaint units are ready (issue 21): operators see every local government (and how
 * many of the 552 are ready), an Ombudsman office its province's, an agency's administrator its
 * own checklist with what to do next. Computed by the API from what exists; nothing is ticked here.
 */
import { useState } from 'preact/hooks';
import type { ReadinessOutput, ReadinessTableOutput } from '../../../functions/contract/outputs/readiness';
import { call } from '../api';
import { BackLink, Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { t } from '../i18n';
import { label, READINESS_STEP_LABELS } from '../labels';
import type { StaffSession } from '../session';

function Checklist({ r }: { r: ReadinessOutput }) {
  return (
    <ol class="list">
      {r.steps.map((s) => (
        <li key={s.step}>
          <strong>{label(READINESS_STEP_LABELS, s.step)}</strong>{' '}
          <span class={`badge ${s.done ? 'done' : 'open'}`}>{s.done ? t('readiness.done') : t('readiness.notDone')}</span>
          <div class="muted">{s.detail}</div>
          {s.next && <p>{s.next}</p>}
        </li>
      ))}
    </ol>
  );
}

function OwnReadiness({ session, agencyId }: { session: StaffSession; agencyId: string }) {
  const r = useLoad(
    () => call<ReadinessOutput>(`/v1/agencies/${encodeURIComponent(agencyId)}/readiness`, { token: session.idToken, staff: true, fresh: true }),
    [agencyId],
  );
  if (r.error) return <Problem error={r.error} />;
  if (!r.data) return <Loading what={t('readiness.loading')} />;
  return (
    <>
      <p class={`notice ${r.data.ready ? '' : 'warn'}`} role="status">
        {r.data.ready
          ? t('readiness.ready', { name: r.data.name })
          : t('readiness.notReady', { name: r.data.name, step: label(READINESS_STEP_LABELS, r.data.nextStep ?? '') })}
      </p>
      <Checklist r={r.data} />
    </>
  );
}

function ReadinessTable({ session }: { session: StaffSession }) {
  const operator = session.staff.roles.includes('OPERATOR');
  const [filter, setFilter] = useState({ provinceCode: '', level: '', ready: '' });
  const query = new URLSearchParams(Object.fromEntries(Object.entries(filter).filter(([, v]) => v))).toString();
  const table = useLoad(
    () => call<ReadinessTableOutput>(`/v1/readiness${query ? `?${query}` : ''}`, { token: session.idToken, staff: true, fresh: true }),
    [query],
  );
  const setF = (k: keyof typeof filter) => (e: Event) => setFilter({ ...filter, [k]: (e.target as HTMLInputElement).value });
  return (
    <>
      {table.data && (
        <p class="notice" role="status" data-testid="readiness-summary">
          {t('readiness.summary', { ready: table.data.summary.ready, total: table.data.summary.localGovernments })}
          {table.data.summary.shown !== table.data.summary.localGovernments
            ? t('readiness.shown', { ready: table.data.summary.readyShown, shown: table.data.summary.shown })
            : ''}
          .
        </p>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {operator && (
          <Field id="r-province" label={t('readiness.province')} hint={t('readiness.provinceHint')}>
            {(aria) => <input type="text" {...aria} value={filter.provinceCode} onChange={setF('provinceCode')} inputMode="numeric" maxLength={2} />}
          </Field>
        )}
        <Field id="r-level" label={t('readiness.level')}>
          {(aria) => (
            <select {...aria} value={filter.level} onChange={setF('level')}>
              <option value="">{t('readiness.all')}</option>
              <option value="PROVINCE">{t('readiness.provinces')}</option>
              <option value="REGENCY">{t('readiness.regencies')}</option>
            </select>
          )}
        </Field>
        <Field id="r-ready" label={t('readiness.filter')}>
          {(aria) => (
            <select {...aria} value={filter.ready} onChange={setF('ready')}>
              <option value="">{t('readiness.all')}</option>
              <option value="true">{t('readiness.isReady')}</option>
              <option value="false">{t('readiness.isNotReady')}</option>
            </select>
          )}
        </Field>
      </form>
      {table.error && <Problem error={table.error} />}
      {table.loading && !table.data ? (
        <Loading what={t('readiness.loading')} />
      ) : (
        <ul class="list">
          {(table.data?.rows ?? []).map((r) => (
            <li key={r.agencyId} data-testid={`readiness-${r.agencyId}`}>
              <strong>{r.name}</strong>{' '}
              <span class={`badge ${r.ready ? 'done' : 'open'}`}>{r.ready ? t('readiness.rowReady') : t('readiness.rowNotReady')}</span>
              <div class="muted">
                {t('readiness.steps', { done: r.steps.filter((s) => s.done).length, total: r.steps.length })}
                {r.nextStep ? t('readiness.next', { step: label(READINESS_STEP_LABELS, r.nextStep) }) : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** #/petugas/kesiapan */
export function ReadinessPage({ session }: { session: StaffSession }) {
  const roles = session.staff.roles;
  const wide = roles.includes('OPERATOR') || roles.includes('OMBUDSMAN');
  return (
    <>
      <BackLink href="#/petugas">{t('case.back')}</BackLink>
      <PageTitle title={t('readiness.title')}>{t('readiness.title')}</PageTitle>
      {wide ? (
        <ReadinessTable session={session} />
      ) : session.staff.agencyId ? (
        <OwnReadiness session={session} agencyId={session.staff.agencyId} />
      ) : (
        <p class="muted">{t('readiness.who')}</p>
      )}
    </>
  );
}

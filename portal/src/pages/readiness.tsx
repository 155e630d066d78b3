/**
 * Whether complaint units are ready (issue 21): operators see every local government (and how
 * many of the 552 are ready), an Ombudsman office its province's, an agency's administrator its
 * own checklist with what to do next. Computed by the API from what exists; nothing is ticked here.
 */
import { useState } from 'preact/hooks';
import type { ReadinessOutput, ReadinessTableOutput } from '../../../functions/contract/outputs/readiness';
import { call } from '../api';
import { Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { label, READINESS_STEP_LABELS } from '../labels';
import type { StaffSession } from '../session';

function Checklist({ r }: { r: ReadinessOutput }) {
  return (
    <ol class="list">
      {r.steps.map((s) => (
        <li key={s.step}>
          <strong>{label(READINESS_STEP_LABELS, s.step)}</strong> <span class={`badge ${s.done ? 'done' : 'open'}`}>{s.done ? 'sudah' : 'belum'}</span>
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
  if (!r.data) return <Loading what="Memuat kesiapan" />;
  return (
    <>
      <p class={`notice ${r.data.ready ? '' : 'warn'}`} role="status">
        {r.data.ready
          ? `${r.data.name} siap menerima pengaduan.`
          : `${r.data.name} belum siap. Langkah berikutnya: ${label(READINESS_STEP_LABELS, r.data.nextStep ?? '')}.`}
      </p>
      <Checklist r={r.data} />
    </>
  );
}

function ReadinessTable({ session }: { session: StaffSession }) {
  const operator = session.staff.roles.includes('OPERATOR');
  const [filter, setFilter] = useState({ provinceCode: '', level: '', ready: '' });
  const query = new URLSearchParams(Object.fromEntries(Object.entries(filter).filter(([, v]) => v))).toString();
  const t = useLoad(
    () => call<ReadinessTableOutput>(`/v1/readiness${query ? `?${query}` : ''}`, { token: session.idToken, staff: true, fresh: true }),
    [query],
  );
  const setF = (k: keyof typeof filter) => (e: Event) => setFilter({ ...filter, [k]: (e.target as HTMLInputElement).value });
  return (
    <>
      {t.data && (
        <p class="notice" role="status" data-testid="readiness-summary">
          {t.data.summary.ready} dari {t.data.summary.localGovernments} pemerintah daerah siap
          {t.data.summary.shown !== t.data.summary.localGovernments ? ` · ${t.data.summary.readyShown} dari ${t.data.summary.shown} yang ditampilkan` : ''}.
        </p>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {operator && (
          <Field id="r-province" label="Kode provinsi" hint="Dua angka, misalnya 51 untuk Bali.">
            {(aria) => <input type="text" {...aria} value={filter.provinceCode} onChange={setF('provinceCode')} inputMode="numeric" maxLength={2} />}
          </Field>
        )}
        <Field id="r-level" label="Tingkat">
          {(aria) => (
            <select {...aria} value={filter.level} onChange={setF('level')}>
              <option value="">Semua</option>
              <option value="PROVINCE">Provinsi</option>
              <option value="REGENCY">Kabupaten/kota</option>
            </select>
          )}
        </Field>
        <Field id="r-ready" label="Kesiapan">
          {(aria) => (
            <select {...aria} value={filter.ready} onChange={setF('ready')}>
              <option value="">Semua</option>
              <option value="true">Siap</option>
              <option value="false">Belum siap</option>
            </select>
          )}
        </Field>
      </form>
      {t.error && <Problem error={t.error} />}
      {t.loading && !t.data ? (
        <Loading what="Memuat kesiapan" />
      ) : (
        <ul class="list">
          {(t.data?.rows ?? []).map((r) => (
            <li key={r.agencyId} data-testid={`readiness-${r.agencyId}`}>
              <strong>{r.name}</strong> <span class={`badge ${r.ready ? 'done' : 'open'}`}>{r.ready ? 'siap' : 'belum siap'}</span>
              <div class="muted">
                {r.steps.filter((s) => s.done).length} dari {r.steps.length} langkah
                {r.nextStep ? ` · berikutnya: ${label(READINESS_STEP_LABELS, r.nextStep)}` : ''}
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
      <p>
        <a class="back" href="#/petugas">
          ← Kotak masuk
        </a>
      </p>
      <PageTitle title="Kesiapan unit pengaduan">Kesiapan unit pengaduan</PageTitle>
      {wide ? (
        <ReadinessTable session={session} />
      ) : session.staff.agencyId ? (
        <OwnReadiness session={session} agencyId={session.staff.agencyId} />
      ) : (
        <p class="muted">Kesiapan dilihat oleh operator, Ombudsman dan instansi masing-masing.</p>
      )}
    </>
  );
}

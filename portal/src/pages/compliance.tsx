/**
 * Compliance, for everyone (issue 22): every agency's score in the Ombudsman's zones, ranked by
 * level and province, and each agency's scorecard with the figures behind each part, its trend
 * and what would raise it. Zones are said in words and in colour, never colour alone.
 */
import { useState } from 'preact/hooks';
import type { ComplianceTableOutput, FigureComplaintsOutput, ScorecardOutput } from '../../../functions/contract/outputs/compliance';
import type { ScorecardFigure } from '../../../functions/core/compliance';
import { call } from '../api';
import { BarChart, Field, Loading, PageTitle, Problem, useLoad } from '../components';
import { FIGURE_LABELS, label, ZONE_LABELS } from '../labels';
import { type StaffSession, staffSession } from '../session';

const LEVEL_TEXT: Record<string, string> = { NATIONAL: 'Kementerian/lembaga', PROVINCE: 'Provinsi', REGENCY: 'Kabupaten/kota' };
/** The reporting month (WIB) of today. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

function Zone({ zone }: { zone: string }) {
  return <span class={`badge zone-${zone.toLowerCase()}`}>{label(ZONE_LABELS, zone)}</span>;
}

/** #/kepatuhan */
export function CompliancePage() {
  const [month, setMonth] = useState(thisMonth);
  const [level, setLevel] = useState('REGENCY');
  // An Ombudsman office opens on its own province's agencies.
  const [province, setProvince] = useState(() => staffSession()?.staff.provinceCode ?? '');
  const query = `period=${month}&level=${level}${province ? `&provinceCode=${province}` : ''}`;
  const table = useLoad(() => call<ComplianceTableOutput>(`/v1/compliance?${query}`), [query]);
  return (
    <>
      <PageTitle title="Kepatuhan instansi">Kepatuhan instansi terhadap standar pelayanan</PageTitle>
      <p class="muted">
        Skor 0–100 dari standar pelayanan yang diterbitkan dan penanganan pengaduan, dengan zona Ombudsman RI (hijau 81–100, kuning 51–80,99, merah 0–50,99).
        Instansi dengan terlalu sedikit pengaduan belum dinilai.
      </p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="c-month" label="Bulan">
          {(aria) => <input type="month" {...aria} value={month} onChange={(e) => setMonth((e.target as HTMLInputElement).value || thisMonth())} />}
        </Field>
        <Field id="c-level" label="Tingkat">
          {(aria) => (
            <select {...aria} value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
              {Object.entries(LEVEL_TEXT).map(([v, t]) => (
                <option key={v} value={v}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="c-province" label="Kode provinsi" hint="Dua angka, misalnya 51 untuk Bali; kosong untuk seluruh Indonesia.">
          {(aria) => (
            <input
              type="text"
              {...aria}
              value={province}
              onChange={(e) => setProvince((e.target as HTMLInputElement).value)}
              inputMode="numeric"
              maxLength={2}
            />
          )}
        </Field>
      </form>
      <p>
        <a class="button secondary" href={`/v1/compliance?${query}&format=csv`} download>
          Unduh CSV
        </a>
      </p>
      {table.error && <Problem error={table.error} />}
      {table.loading && !table.data ? (
        <Loading what="Memuat skor" />
      ) : (
        <ol class="list">
          {(table.data?.rows ?? []).map((r) => (
            <li key={r.agencyId} data-testid={`compliance-${r.agencyId}`}>
              <a class="title" href={`#/kepatuhan/${encodeURIComponent(r.agencyId)}`}>
                {r.rank ? `${r.rank}. ` : ''}
                {r.name}
              </a>{' '}
              <Zone zone={r.zone} />
              <div class="muted">
                {r.score === null ? 'belum dinilai' : `skor ${r.score}`} · standar {r.parts.standards.score} · penanganan {r.parts.handling.score}
                {r.parts.indicators.penalty ? ` · indikasi maladministrasi −${r.parts.indicators.penalty}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const HANDLING_FIGURES = [
  'assigned',
  'firstFollowUpOnTime',
  'firstFollowUpLate',
  'closedWithinStatute',
  'closedAfterStatute',
  'recommendationsFollowed',
  'recommendationsIgnored',
  'transfers',
  'escalations',
  'reopenings',
  'ratingCount',
] as const;
const INDICATOR_FIGURES = ['illegalLevy', 'prolongedDelay', 'proceduralDeviation', 'ombudsmanFlags'] as const;

/**
 * Whether this officer may open the complaints behind the figures: the agency's own staff, or an
 * Ombudsman office (the API decides which office: the one of the agency's province).
 */
const mayOpenFigures = (session: StaffSession | undefined, agencyId: string) =>
  Boolean(session && (session.staff.roles.includes('OMBUDSMAN') || session.staff.agencyId === agencyId));

/** The figures behind the score; for the agency's staff and its Ombudsman office, the complaints behind each. */
function Figures({ card, period }: { card: ScorecardOutput; period: string }) {
  const session = staffSession();
  const open = mayOpenFigures(session, card.agencyId);
  const counts: Record<string, number | null> = { ...card.parts.handling, ...card.parts.indicators };
  const rows = (figures: readonly ScorecardFigure[]) =>
    figures.map((f) => (
      <li key={f}>
        <span>
          {label(FIGURE_LABELS, f)}: <strong>{counts[f] ?? 0}</strong>
        </span>
        {open && (counts[f] ?? 0) > 0 && <FigureComplaints agencyId={card.agencyId} period={period} figure={f} session={session as StaffSession} />}
      </li>
    ));
  return (
    <section class="card" aria-labelledby="figures-title">
      <h2 id="figures-title">Angka di balik skor</h2>
      {open && <p class="muted">Buka angka untuk melihat pengaduan yang membentuknya.</p>}
      <h3>Penanganan pengaduan</h3>
      <ul class="figures">{rows(HANDLING_FIGURES)}</ul>
      <h3>Indikasi maladministrasi</h3>
      <ul class="figures">{rows(INDICATOR_FIGURES)}</ul>
    </section>
  );
}

/** The complaints behind one figure, opened on demand (staff: tracking numbers linking to each case). */
function FigureComplaints({ agencyId, period, figure, session }: { agencyId: string; period: string; figure: ScorecardFigure; session: StaffSession }) {
  const [shown, setShown] = useState(false);
  const list = useLoad(
    () =>
      shown
        ? call<FigureComplaintsOutput>(`/v1/compliance/${encodeURIComponent(agencyId)}/complaints?period=${period}&figure=${figure}`, {
            token: session.idToken,
            staff: true,
          })
        : Promise.resolve(undefined),
    [shown],
  );
  const id = `figure-${figure}`;
  return (
    <>
      <button type="button" class="secondary" aria-expanded={shown} aria-controls={id} onClick={() => setShown(!shown)}>
        {/* One name whether open or not: aria-expanded says which (a disclosure button). */}
        <span aria-hidden="true">{shown ? '▾ ' : '▸ '}</span>
        Lihat pengaduan
        <span class="visually-hidden"> — {label(FIGURE_LABELS, figure)}</span>
      </button>
      <div id={id} hidden={!shown}>
        {list.error && <Problem error={list.error} />}
        {shown && list.loading && <Loading what="Memuat pengaduan" />}
        {list.data && (
          <>
            <ul class="links">
              {list.data.complaints.map((x) => (
                <li key={`${x.month}-${x.trackingId}`}>
                  <a href={`#/petugas/kasus/${encodeURIComponent(x.trackingId)}`}>{x.trackingId}</a>{' '}
                  <span class="muted">
                    ({x.month}
                    {x.times > 1 ? `, ${x.times} kali` : ''})
                  </span>
                </li>
              ))}
            </ul>
            {list.data.truncated && <p class="muted">Daftar dipotong: persempit periodenya untuk melihat semuanya.</p>}
          </>
        )}
      </div>
    </>
  );
}

/** #/kepatuhan/<agencyId>: the scorecard of the last twelve months. */
export function ScorecardPage({ agencyId }: { agencyId: string }) {
  const to = thisMonth();
  const [y, m] = to.split('-').map(Number) as [number, number];
  const from = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`;
  const card = useLoad(() => call<ScorecardOutput>(`/v1/compliance/${encodeURIComponent(agencyId)}?period=${from}..${to}`), [agencyId]);
  if (card.error) return <Problem error={card.error} />;
  if (!card.data) return <Loading what="Memuat kartu skor" />;
  const c = card.data;
  const h = c.parts.handling;
  const ind = c.parts.indicators;
  return (
    <>
      <p>
        <a class="back" href="#/kepatuhan">
          ← Kepatuhan instansi
        </a>
      </p>
      <PageTitle title={c.name}>{c.name}</PageTitle>
      <p>
        <Zone zone={c.zone} /> {c.score === null ? (c.notScored ?? 'belum dinilai') : `Skor ${c.score} dari 100`} ({from} s.d. {to})
      </p>
      {c.advice.length > 0 && (
        <section class="card" aria-labelledby="advice-title">
          <h2 id="advice-title">Yang menaikkan skor, mulai dari yang terbesar</h2>
          <ol>
            {c.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ol>
        </section>
      )}
      <h2>Bagian skor</h2>
      <dl class="facts card">
        <dt>Standar pelayanan</dt>
        <dd>
          {c.parts.standards.score} ({c.parts.standards.services} layanan dengan standar lengkap) × bobot {c.methodologyInForce.weights.parts.standards}
        </dd>
        <dt>Penanganan pengaduan</dt>
        <dd>
          {h.score}
          {h.ratingAverage === null ? '' : ` (rata-rata penilaian ${h.ratingAverage} dari 5)`} × bobot {c.methodologyInForce.weights.parts.handling}
        </dd>
        <dt>Indikasi maladministrasi</dt>
        <dd>−{ind.penalty} dari skor total</dd>
      </dl>
      <Figures card={c} period={`${from}..${to}`} />
      <BarChart title="Skor per bulan" items={c.trend.filter((t) => t.score !== null)} name={(t) => t.month} value={(t) => t.score} unit="" max={100} />
      <p class="muted">
        Metodologi {c.methodologyInForce.version}: {c.methodologyInForce.source}
      </p>
    </>
  );
}

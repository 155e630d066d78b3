import { useState } from 'preact/hooks';
import type { StatsItem, StatsOutput } from '../../../functions/contract/outputs/stats';
import { call } from '../api';
import { BarChart, Field, Loading, PageTitle, Problem, RegionPicker, useLoad } from '../components';

const nameOf = (i: StatsItem) => (i.service ? `${i.service.name} (v${i.service.version})` : (i.agency?.name ?? i.region?.name ?? '—'));

/** The reporting month (WIB) of today, as the API counts it. */
const thisMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

/** Whether a row has anything to show: any figure counted, not only receipts. */
const counted = (i: StatsItem) =>
  [i.received, i.assigned, i.firstFollowUps, i.openOverdue, i.misses, i.escalations, i.transfers, i.reopenings, i.ombudsmanFlags, i.ratings].some(
    (v) => v > 0,
  ) || Object.values(i.indicators ?? {}).some((v) => v > 0);

/** Monitoring: the monthly figures of `/v1/stats` per region or agency, as charts and a table. */
export function StatsPage() {
  const [month, setMonth] = useState(thisMonth);
  const [level, setLevel] = useState<'REGION' | 'AGENCY' | 'SERVICE'>('REGION');
  const [province, setProvince] = useState('');
  const stats = useLoad(
    () => call<StatsOutput>(`/v1/stats?month=${month}&level=${level}${province ? `&regionCode=${province}` : ''}`),
    [month, level, province],
  );
  const items = (stats.data?.items ?? []).filter(counted).slice(0, 40);
  // Agencies are counted from disposition (a complaint is received by a region, then assigned to an agency).
  const inbound =
    level === 'AGENCY'
      ? { title: 'Laporan didisposisikan', column: 'Didisposisikan', of: (i: StatsItem) => i.assigned }
      : { title: 'Laporan diterima', column: 'Diterima', of: (i: StatsItem) => i.received };
  return (
    <>
      <PageTitle title="Statistik">Statistik penanganan</PageTitle>
      <p>
        Angka bulanan per wilayah atau instansi: laporan diterima, ketepatan waktu tindak lanjut, keterlambatan, eskalasi, dan laporan yang ditandai untuk
        Ombudsman.
      </p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label="Pilih data">
        <div class="filters">
          <Field id="s-month" label="Bulan">
            {(aria) => <input type="month" {...aria} value={month} onInput={(e) => setMonth((e.target as HTMLInputElement).value || thisMonth())} />}
          </Field>
          <Field id="s-level" label="Menurut">
            {(aria) => (
              <select {...aria} value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value as 'REGION' | 'AGENCY' | 'SERVICE')}>
                <option value="REGION">Wilayah</option>
                <option value="AGENCY">Instansi</option>
                <option value="SERVICE">Layanan (standar pelayanan)</option>
              </select>
            )}
          </Field>
          <RegionPicker idPrefix="s-region" province={province} regency="" optional onChange={(p) => setProvince(p)} />
        </div>
      </form>
      {stats.error && <Problem error={stats.error} />}
      {stats.loading && !stats.data && <Loading what="Memuat statistik" />}
      {stats.data && !items.length && <p class="muted">Belum ada data untuk pilihan ini.</p>}
      {items.length > 0 && (
        <>
          <BarChart name={nameOf} title={inbound.title} items={items} value={inbound.of} unit="" />
          <BarChart name={nameOf} title="Tindak lanjut pertama tepat waktu" items={items} value={(i) => i.firstFollowUpOnTimePct} unit="%" max={100} />
          <BarChart name={nameOf} title="Terbuka melewati tenggat" items={items} value={(i) => i.openOverdue} unit="" />
          <BarChart name={nameOf} title="Eskalasi" items={items} value={(i) => i.escalations} unit="" />
          <BarChart name={nameOf} title="Ditandai untuk Ombudsman" items={items} value={(i) => i.ombudsmanFlags} unit="" />
          {level === 'SERVICE' && (
            <>
              <BarChart name={nameOf} title="Indikasi penundaan berlarut" items={items} value={(i) => i.indicators?.prolongedDelay ?? null} unit="" />
              <BarChart name={nameOf} title="Indikasi pungutan liar" items={items} value={(i) => i.indicators?.illegalLevy ?? null} unit="" />
              <BarChart name={nameOf} title="Indikasi penyimpangan prosedur" items={items} value={(i) => i.indicators?.proceduralDeviation ?? null} unit="" />
            </>
          )}
          <h2>Tabel</h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls inside its box; keyboard users need focus to scroll it (WCAG 2.1.1) */}
          <section class="table-wrap" aria-label="Tabel (geser ke samping)" tabIndex={0}>
            <table>
              <caption class="visually-hidden">Angka penanganan {month}</caption>
              <thead>
                <tr>
                  <th scope="col">{level === 'REGION' ? 'Wilayah' : level === 'AGENCY' ? 'Instansi' : 'Layanan'}</th>
                  <th scope="col">{inbound.column}</th>
                  <th scope="col">Tepat waktu</th>
                  <th scope="col">Lewat tenggat</th>
                  <th scope="col">Eskalasi</th>
                  <th scope="col">Terlewat</th>
                  <th scope="col">Ombudsman</th>
                  <th scope="col">Nilai</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={nameOf(i)}>
                    <th scope="row">{nameOf(i)}</th>
                    <td>{inbound.of(i)}</td>
                    <td>{i.firstFollowUpOnTimePct ?? '—'}</td>
                    <td>{i.openOverdue}</td>
                    <td>{i.escalations}</td>
                    <td>{i.misses}</td>
                    <td>{i.ombudsmanFlags}</td>
                    <td>{i.averageRating ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </>
  );
}

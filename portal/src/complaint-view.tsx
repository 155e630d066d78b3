import type { ComponentChildren } from 'preact';
import type { ComplaintViewOutput } from '../../functions/contract/outputs/complaint';
import { DeadlineFacts, StatusBadge, Timeline } from './components';
import { formatDate, formatDateTime, label, REVIEW_REASON_LABELS, STAGE_LABELS, TYPE_LABELS } from './labels';

/** The complaint as the API shows it to this caller (public, reporter or staff view: `view` says which). */
export type ComplaintView = ComplaintViewOutput;

const REVIEW_STATUS: Record<string, string> = {
  OPEN: 'menunggu pemeriksaan',
  TAKEN_OVER: 'diambil alih',
  RETURNED: 'dikembalikan dengan saran',
  DISMISSED: 'ditutup',
};

export function ComplaintDetails({ c, identity }: { c: ComplaintView; identity?: ComponentChildren }) {
  // What the reporter and staff see (the public view has none of it), and what staff alone see.
  const own = c.view === 'PUBLIC' ? undefined : c;
  const staff = c.view === 'STAFF' ? c : undefined;
  return (
    <>
      <p>
        <StatusBadge status={c.status} labelText={c.statusLabel} /> <span class="muted">{label(TYPE_LABELS, c.type)}</span>
      </p>
      <dl class="facts card">
        <dt>Nomor pelacakan</dt>
        <dd>{c.trackingId}</dd>
        <dt>Kategori</dt>
        <dd>{c.category.name}</dd>
        {c.service && (
          <>
            <dt>Layanan</dt>
            <dd>
              <a href={`#/layanan/${encodeURIComponent(c.service.id)}`}>{c.service.name}</a>
              {c.service.decreeNumber ? ` (standar versi ${c.service.version}, ${c.service.decreeNumber})` : ''}
            </dd>
          </>
        )}
        <dt>Instansi</dt>
        <dd>{c.assignedAgency ? c.assignedAgency.name : 'Belum didisposisikan'}</dd>
        <DeadlineFacts deadline={c.deadline} status={c.status} />
        {c.escalationLevel > 0 && (
          <>
            <dt>Eskalasi</dt>
            <dd>
              Tingkat {c.escalationLevel}
              {staff?.escalatedTo.length ? ` — ${staff.escalatedTo.map((a) => a.name).join(', ')}` : ''}
            </dd>
          </>
        )}
        {c.ombudsmanReview && (
          <>
            <dt>Ombudsman</dt>
            <dd>
              {c.ombudsmanReview.office.name}: {REVIEW_STATUS[c.ombudsmanReview.status] ?? c.ombudsmanReview.status} (
              {c.ombudsmanReview.reasons.map((r) => label(REVIEW_REASON_LABELS, r)).join('; ')})
            </dd>
          </>
        )}
        <dt>Diterima</dt>
        <dd>
          <time dateTime={c.submittedAt}>{formatDateTime(c.submittedAt)}</time>
        </dd>
        {c.incidentDate && (
          <>
            <dt>Tanggal kejadian</dt>
            <dd>{formatDate(c.incidentDate)}</dd>
          </>
        )}
        <dt>Wilayah</dt>
        <dd>
          {c.region.name}
          {c.location.address ? ` — ${c.location.address}` : ''}
        </dd>
        {own && (
          <>
            <dt>Privasi</dt>
            <dd>{[own.anonymous ? 'anonim' : 'tidak anonim', own.confidential ? 'rahasia' : 'publik'].join(', ')}</dd>
          </>
        )}
        {identity}
        {c.rating && (
          <>
            <dt>Penilaian</dt>
            <dd>
              {c.rating.score} dari 5{/* The reporter and staff read the comment too; the public view carries the score only. */}
              {'comment' in c.rating && c.rating.comment && <q class="rating-comment">{c.rating.comment}</q>}
            </dd>
          </>
        )}
      </dl>
      {own?.hold && (
        <div class="notice warn">
          <strong>Pertanyaan verifikator:</strong> {own.hold.question}
        </div>
      )}
      {own && own.indicators.length > 0 && (
        <section aria-labelledby="indicators-title">
          <h2 id="indicators-title">Indikasi maladministrasi</h2>
          <ul class="list">
            {own.indicators.map((i) => (
              <li key={i.kind}>
                <strong>{i.label}</strong>
                <dl class="facts">
                  <dt>Standar</dt>
                  <dd>{i.standard}</dd>
                  <dt>Dilaporkan</dt>
                  <dd>{i.reported}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>Isi laporan</h2>
      <p class="card message">{c.description}</p>
      {c.transfers.length > 0 && (
        <>
          <h2>Pengalihan</h2>
          <ul>
            {c.transfers.map((t) => (
              <li key={t.at}>
                {t.from.name}: {t.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {staff && staff.misses.length > 0 && (
        <>
          <h2>Tenggat terlewati</h2>
          <ul>
            {staff.misses.map((m) => (
              <li key={`${m.stage}-${m.dueAt}`}>
                {m.agency.name}: tenggat {label(STAGE_LABELS, m.stage)} ({formatDateTime(m.dueAt)})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Riwayat</h2>
      <Timeline entries={c.timeline} />
    </>
  );
}

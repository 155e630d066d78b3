import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import { call } from '../api';
import { Field, Loading, PageTitle, Problem, RegionPicker, useLoad } from '../components';
import { formatDate } from '../labels';
import { href } from '../router';

/** The catalogue's answers, as the API declares them (types only). */
type ServiceDetail = ServiceDetailOutput;

const UNIT: Record<string, string> = { MINUTES: 'menit', HOURS: 'jam', WORKING_DAYS: 'hari kerja' };

/** The SIPP catalogue: what each agency promises for each service. */
export function ServicesPage() {
  const [q, setQ] = useState('');
  const [province, setProvince] = useState('');
  const [regency, setRegency] = useState('');
  const region = regency || province;
  const found = useLoad(
    () =>
      call<{ items: ServiceSummary[] }>(`/v1/services?limit=50${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}${region ? `&regionCode=${region}` : ''}`),
    [q, region],
  );
  return (
    <>
      <PageTitle title="Standar pelayanan">Standar pelayanan</PageTitle>
      <p>
        Setiap instansi mengumumkan standar layanannya: persyaratan, prosedur, waktu penyelesaian dan biaya. Jika pelayanan yang Anda terima menyimpang,
        laporkan.
      </p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label="Cari layanan">
        <div class="filters">
          <Field id="l-q" label="Cari layanan">
            {(aria) => <input type="search" {...aria} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />}
          </Field>
          <RegionPicker
            idPrefix="l-region"
            province={province}
            regency={regency}
            optional
            onChange={(p, r) => {
              setProvince(p);
              setRegency(r);
            }}
          />
        </div>
      </form>
      {found.error && <Problem error={found.error} />}
      {found.loading && !found.data ? (
        <Loading what="Memuat layanan" />
      ) : (
        <ul class="list">
          {(found.data?.items ?? []).map((s) => (
            <li key={s.id}>
              <a class="title" href={href('layanan', s.id)}>
                {s.name}
              </a>
              <div class="muted">{[s.unit, s.agency.name].filter(Boolean).join(' · ')}</div>
            </li>
          ))}
          {found.data && !found.data.items.length && <li>Tidak ada layanan yang cocok.</li>}
        </ul>
      )}
    </>
  );
}

/** One service's standard, every component of UU 25/2009 Pasal 21, in any of its versions. */
export function ServicePage({ serviceId }: { serviceId: string }) {
  const [version, setVersion] = useState<number>();
  const loaded = useLoad(
    () => call<ServiceDetail>(`/v1/services/${encodeURIComponent(serviceId)}${version ? `?version=${version}` : ''}`),
    [serviceId, version],
  );
  if (loaded.loading && !loaded.data) return <Loading what="Memuat standar layanan" />;
  if (loaded.error || !loaded.data) return loaded.error ? <Problem error={loaded.error} /> : null;
  const s = loaded.data;
  const std = s.standard;
  const rows: [string, string | string[]][] = [
    ['Dasar hukum', std.legalBasis],
    ['Persyaratan', std.requirements],
    ['Sistem, mekanisme dan prosedur', std.procedure],
    ['Jangka waktu penyelesaian', `${std.completionTime.value} ${UNIT[std.completionTime.unit] ?? ''}`],
    ['Biaya/tarif', std.cost.kind === 'FREE' ? 'Tanpa biaya' : `Rp${std.cost.amount.toLocaleString('id-ID')} (${std.cost.legalBasis})`],
    ['Produk pelayanan', std.product],
    ['Sarana, prasarana dan fasilitas', std.facilities],
    ['Kompetensi pelaksana', std.staffCompetence],
    ['Pengawasan internal', std.internalSupervision],
    [
      'Penanganan pengaduan',
      `${std.complaintHandling.channels}${std.complaintHandling.followUpWorkingDays ? `; ditindaklanjuti dalam ${std.complaintHandling.followUpWorkingDays} hari kerja` : ''}`,
    ],
    ['Jumlah pelaksana', std.staffCount],
    ['Jaminan pelayanan', std.serviceGuarantee],
    ['Jaminan keamanan dan keselamatan', std.securityGuarantee],
    ['Evaluasi kinerja pelaksana', std.performanceEvaluation],
  ];
  return (
    <>
      <p>
        <a class="back" href="#/layanan">
          ← Standar pelayanan
        </a>
      </p>
      <PageTitle title={s.name}>{s.name}</PageTitle>
      <p class="muted">{[s.unit, s.agency.name].filter(Boolean).join(' · ')}</p>
      {s.status === 'RETIRED' && <p class="notice warn">Layanan ini sudah tidak diselenggarakan.</p>}
      <Field id="v-version" label="Versi standar">
        {(aria) => (
          <select {...aria} value={String(std.version)} onChange={(e) => setVersion(Number((e.target as HTMLSelectElement).value))}>
            {s.versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                Versi {v.version}: {v.decreeNumber}, berlaku {formatDate(v.effectiveFrom)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <dl class="facts card">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>
              {Array.isArray(value) ? (
                <ol>
                  {value.map((v) => (
                    <li key={v}>{v}</li>
                  ))}
                </ol>
              ) : (
                value
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
      {s.status === 'ACTIVE' && (
        <a class="button" href="#/kirim">
          Laporkan pelayanan ini
        </a>
      )}
    </>
  );
}

import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import { call } from '../api';
import { BackLink, Field, Loading, PageTitle, Problem, RegionPicker, timeUnit, useLoad } from '../components';
import { formatRupiah, LANGUAGE, t } from '../i18n';
import { formatDate } from '../labels';
import { href } from '../router';

/** The catalogue's answers, as the API declares them (types only). */
type ServiceDetail = ServiceDetailOutput;

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
      <PageTitle title={t('services.title')}>{t('services.title')}</PageTitle>
      <p>{t('services.lead')}</p>
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label={t('services.search')}>
        <div class="filters">
          <Field id="l-q" label={t('services.search')}>
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
        <Loading what={t('services.loading')} />
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
          {found.data && !found.data.items.length && <li>{t('services.none')}</li>}
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
  if (loaded.loading && !loaded.data) return <Loading what={t('services.loadingOne')} />;
  if (loaded.error || !loaded.data) return loaded.error ? <Problem error={loaded.error} /> : null;
  const s = loaded.data;
  const std = s.standard;
  const rows: [string, string | string[]][] = [
    [t('services.rows.legalBasis'), std.legalBasis],
    [t('services.rows.requirements'), std.requirements],
    [t('services.rows.procedure'), std.procedure],
    [t('services.rows.completionTime'), `${std.completionTime.value} ${timeUnit(std.completionTime.unit)}`],
    [t('services.rows.cost'), std.cost.kind === 'FREE' ? t('services.free') : `${formatRupiah(std.cost.amount)} (${std.cost.legalBasis})`],
    [t('services.rows.product'), std.product],
    [t('services.rows.facilities'), std.facilities],
    [t('services.rows.staffCompetence'), std.staffCompetence],
    [t('services.rows.internalSupervision'), std.internalSupervision],
    [
      t('services.rows.complaintHandling'),
      `${std.complaintHandling.channels}${std.complaintHandling.followUpWorkingDays ? `; ${t('services.followUp', { days: std.complaintHandling.followUpWorkingDays })}` : ''}`,
    ],
    [t('services.rows.staffCount'), std.staffCount],
    [t('services.rows.serviceGuarantee'), std.serviceGuarantee],
    [t('services.rows.securityGuarantee'), std.securityGuarantee],
    [t('services.rows.performanceEvaluation'), std.performanceEvaluation],
  ];
  return (
    <>
      <BackLink href="#/layanan">{t('services.back')}</BackLink>
      <PageTitle title={s.name}>{s.name}</PageTitle>
      <p class="muted">{[s.unit, s.agency.name].filter(Boolean).join(' · ')}</p>
      {s.status === 'RETIRED' && <p class="notice warn">{t('services.retired')}</p>}
      {/* The catalogue holds each standard in the language its agency wrote it in: Indonesian. */}
      {LANGUAGE !== 'id' && <p class="notice">{t('services.onlyIndonesian')}</p>}
      <Field id="v-version" label={t('services.version')}>
        {(aria) => (
          <select {...aria} value={String(std.version)} onChange={(e) => setVersion(Number((e.target as HTMLSelectElement).value))}>
            {s.versions.map((v) => (
              <option key={v.version} value={String(v.version)}>
                {t('services.versionOption', { version: v.version, decree: v.decreeNumber, from: formatDate(v.effectiveFrom) })}
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
          {t('services.report')}
        </a>
      )}
    </>
  );
}

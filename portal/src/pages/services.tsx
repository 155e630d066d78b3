import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import { givenIn } from '../../../functions/core/labels';
import { call } from '../api';
import { BackLink, Field, Loading, PageTitle, Problem, RegionPicker, serviceName, timeUnit, useLoad } from '../components';
import { formatRupiah, LANGUAGE, t } from '../i18n';
import { formatDate } from '../labels';
import { href } from '../router';

/** The catalogue's answers, as the API declares them (types only). */
type ServiceDetail = ServiceDetailOutput;

/** A text the agency may also give in English: the English one for an English reader, else the Indonesian (marked so). */
function Given({ id, en }: { id: string | string[]; en?: string | string[] | undefined }) {
  const value = givenIn(LANGUAGE, id, en);
  const lang = value === id && LANGUAGE !== 'id' ? 'id' : undefined;
  return Array.isArray(value) ? (
    <ol lang={lang}>
      {value.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ol>
  ) : (
    <span lang={lang}>{value}</span>
  );
}

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
              <a class="title" href={href('layanan', s.id)} lang={LANGUAGE !== 'id' && serviceName(s) === s.name ? 'id' : undefined}>
                {serviceName(s)}
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
  const en = std.english ?? {};
  // A part the reader gets in Indonesian (all of them, for an Indonesian reader), counted for the notice below.
  let inIndonesian = 0;
  const part = (id: string | string[], english: string | string[] | undefined) => {
    if (givenIn(LANGUAGE, id, english) === id) inIndonesian++;
    return <Given id={id} en={english} />;
  };
  const followUp = std.complaintHandling.followUpWorkingDays;
  const rows: [string, ComponentChildren][] = [
    [t('services.rows.legalBasis'), part(std.legalBasis, en.legalBasis)],
    [t('services.rows.requirements'), part(std.requirements, en.requirements)],
    [t('services.rows.procedure'), part(std.procedure, en.procedure)],
    [t('services.rows.completionTime'), `${std.completionTime.value} ${timeUnit(std.completionTime.unit)}`],
    [
      t('services.rows.cost'),
      std.cost.kind === 'FREE' ? (
        t('services.free')
      ) : (
        <>
          {formatRupiah(std.cost.amount)} (<span lang={LANGUAGE !== 'id' ? 'id' : undefined}>{std.cost.legalBasis}</span>)
        </>
      ),
    ],
    [t('services.rows.product'), part(std.product, en.product)],
    [t('services.rows.facilities'), part(std.facilities, en.facilities)],
    [t('services.rows.staffCompetence'), part(std.staffCompetence, en.staffCompetence)],
    [t('services.rows.internalSupervision'), part(std.internalSupervision, en.internalSupervision)],
    [
      t('services.rows.complaintHandling'),
      <>
        {part(std.complaintHandling.channels, en.complaintChannels)}
        {followUp ? `; ${t('services.followUp', { days: followUp })}` : ''}
      </>,
    ],
    [t('services.rows.staffCount'), part(std.staffCount, en.staffCount)],
    [t('services.rows.serviceGuarantee'), part(std.serviceGuarantee, en.serviceGuarantee)],
    [t('services.rows.securityGuarantee'), part(std.securityGuarantee, en.securityGuarantee)],
    [t('services.rows.performanceEvaluation'), part(std.performanceEvaluation, en.performanceEvaluation)],
  ];

  return (
    <>
      <BackLink href="#/layanan">{t('services.back')}</BackLink>
      <PageTitle title={serviceName(s)}>{serviceName(s)}</PageTitle>
      <p class="muted">{[s.unit, s.agency.name].filter(Boolean).join(' · ')}</p>
      {s.status === 'RETIRED' && <p class="notice warn">{t('services.retired')}</p>}
      {/* The standard is the Indonesian text; English is there where its agency gave it. */}
      {LANGUAGE !== 'id' && inIndonesian > 0 && (
        <p class="notice">{t(LANGUAGE === 'en' && Object.values(en).some(Boolean) ? 'services.partlyIndonesian' : 'services.onlyIndonesian')}</p>
      )}
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
            <dd>{value}</dd>
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

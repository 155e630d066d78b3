import { useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import type { ImportOutput } from '../../../functions/contract/outputs/shared';
import { type ApiError, call } from '../api';
import { BackLink, ErrorSummary, Field, ImportErrors, Loading, PageTitle, Problem, timeUnit, useLoad } from '../components';
import { t } from '../i18n';
import { href } from '../router';
import type { StaffSession } from '../session';

/** Publishes the next version: the parts that change with a new decree; the rest is carried over. */
function NewVersionForm({ session, serviceId, onDone }: { session: StaffSession; serviceId: string; onDone: () => void }) {
  const current = useLoad(() => call<ServiceDetailOutput>(`/v1/services/${encodeURIComponent(serviceId)}`, { fresh: true }), [serviceId]);
  const [form, setForm] = useState({
    decreeNumber: '',
    effectiveFrom: '',
    completionValue: '',
    completionUnit: 'WORKING_DAYS',
    costAmount: '',
    costLegalBasis: '',
  });
  const [error, setError] = useState<ApiError>();
  if (!current.data) return <Loading what={t('catalogue.loadingStandard')} />;
  const std = current.data.standard;
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    const { version: _v, publishedAt: _a, publishedBy: _b, ...rest } = std;
    const amount = Number(form.costAmount.replace(/[^\d]/g, '') || 0);
    const body = {
      ...rest,
      decreeNumber: form.decreeNumber,
      effectiveFrom: form.effectiveFrom,
      completionTime: form.completionValue ? { value: Number(form.completionValue), unit: form.completionUnit } : std.completionTime,
      cost: form.costAmount.trim() ? (amount > 0 ? { kind: 'TARIFF', amount, legalBasis: form.costLegalBasis } : { kind: 'FREE' }) : std.cost,
    };
    try {
      await call(`/v1/services/${encodeURIComponent(serviceId)}/versions`, { body, token: session.idToken, staff: true });
      onDone();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const id = (k: string) => `nv-${serviceId}-${k}`;
  return (
    <form class="card" onSubmit={submit} noValidate aria-label={t('catalogue.newVersionForm')}>
      {error && <ErrorSummary error={error} fieldIds={{ decreeNumber: id('decree'), effectiveFrom: id('from') }} />}
      <Field id={id('decree')} label={t('catalogue.decree')} error={error?.forField('decreeNumber')}>
        {(aria) => <input type="text" {...aria} value={form.decreeNumber} onInput={set('decreeNumber')} />}
      </Field>
      <Field id={id('from')} label={t('catalogue.from')} error={error?.forField('effectiveFrom')}>
        {(aria) => (
          // A new version takes effect today or later: the API refuses an earlier date (and says so beside the field).
          <input type="date" {...aria} min={new Date().toISOString().slice(0, 10)} value={form.effectiveFrom} onInput={set('effectiveFrom')} />
        )}
      </Field>
      <Field
        id={id('time')}
        label={t('catalogue.time', { value: std.completionTime.value })}
        hint={t('catalogue.unchanged')}
        error={error?.forField('completionTime.value')}
      >
        {(aria) => <input type="number" {...aria} min={1} value={form.completionValue} onInput={set('completionValue')} />}
      </Field>
      <Field id={id('unit')} label={t('catalogue.unit')}>
        {(aria) => (
          <select {...aria} value={form.completionUnit} onChange={set('completionUnit')}>
            <option value="WORKING_DAYS">{timeUnit('WORKING_DAYS')}</option>
            <option value="HOURS">{timeUnit('HOURS')}</option>
            <option value="MINUTES">{timeUnit('MINUTES')}</option>
          </select>
        )}
      </Field>
      <Field id={id('cost')} label={t('catalogue.cost')} hint={t('catalogue.unchanged')} error={error?.forField('cost.amount')}>
        {(aria) => <input type="text" inputMode="numeric" {...aria} value={form.costAmount} onInput={set('costAmount')} />}
      </Field>
      <Field id={id('basis')} label={t('catalogue.basis')} error={error?.forField('cost.legalBasis')}>
        {(aria) => <input type="text" {...aria} value={form.costLegalBasis} onInput={set('costLegalBasis')} />}
      </Field>
      <button type="submit">{t('catalogue.publish')}</button>
    </form>
  );
}

/** An agency service administrator's catalogue: import from a spreadsheet, publish versions, retire. */
export function CatalogueAdminPage({ session }: { session: StaffSession }) {
  const agencyId = session.staff.agencyId ?? '';
  const [round, setRound] = useState(0);
  const services = useLoad(
    () => call<{ items: ServiceSummary[] }>(`/v1/services?agencyId=${encodeURIComponent(agencyId)}&limit=100`, { fresh: true }),
    [agencyId, round],
  );
  const [importError, setImportError] = useState<ApiError>();
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<string>();

  const importFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setImportError(undefined);
    setNotice('');
    try {
      const r = await call<ImportOutput>('/v1/services/imports', { body: { csv: await file.text() }, token: session.idToken, staff: true });
      setNotice(t('catalogue.imported', { count: r.imported.length, ids: r.imported.join(', ') }));
      setRound((n) => n + 1);
    } catch (err) {
      setImportError(err as ApiError);
    }
    (e.target as HTMLInputElement).value = '';
  };
  const retire = async (id: string) => {
    if (!confirm(t('catalogue.retireConfirm', { id }))) return;
    try {
      await call(`/v1/services/${encodeURIComponent(id)}/retirement`, { body: {}, token: session.idToken, staff: true });
      setNotice(t('catalogue.retired', { id }));
      setRound((n) => n + 1);
    } catch (err) {
      setImportError(err as ApiError);
    }
  };

  return (
    <>
      <BackLink href="#/petugas">{t('case.back')}</BackLink>
      <PageTitle title={t('catalogue.titleShort')}>{t('catalogue.title')}</PageTitle>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <section class="card" aria-labelledby="import-title">
        <h2 id="import-title">{t('catalogue.importTitle')}</h2>
        <p class="hint">{t('catalogue.importHint', { example: 'data/services/pemda-51.03.csv', separator: '|' })}</p>
        {importError && <ImportErrors error={importError} />}
        <Field id="import-file" label={t('catalogue.csvFile')}>
          {(aria) => <input type="file" accept=".csv,text/csv" {...aria} onChange={importFile} />}
        </Field>
      </section>
      <h2>{t('catalogue.active')}</h2>
      {services.error && <Problem error={services.error} />}
      {services.loading && !services.data ? (
        <Loading what={t('catalogue.loading')} />
      ) : (
        <ul class="list">
          {(services.data?.items ?? []).map((s) => (
            <li key={s.id}>
              <a class="title" href={href('layanan', s.id)}>
                {s.name}
              </a>
              <div class="muted">{t('catalogue.version', { id: s.id, version: s.currentVersion })}</div>
              <div class="actions-row">
                <button type="button" class="secondary" aria-expanded={editing === s.id} onClick={() => setEditing(editing === s.id ? undefined : s.id)}>
                  {t('catalogue.newVersion')}
                </button>
                <button type="button" class="secondary" onClick={() => retire(s.id)}>
                  {t('catalogue.retire')}
                </button>
              </div>
              {editing === s.id && (
                <NewVersionForm
                  session={session}
                  serviceId={s.id}
                  onDone={() => {
                    setEditing(undefined);
                    setNotice(t('catalogue.published', { id: s.id }));
                    setRound((n) => n + 1);
                  }}
                />
              )}
            </li>
          ))}
          {services.data && !services.data.items.length && <li>{t('catalogue.none')}</li>}
        </ul>
      )}
    </>
  );
}

import { useRef, useState } from 'preact/hooks';
import type { ServiceDetailOutput, ServiceSummary } from '../../../functions/contract/outputs/services';
import { ApiError, call, newIdempotencyKey } from '../api';
import { categoriesOf, categoryCovers, categoryName, ErrorSummary, Field, PageTitle, RegionPicker, serviceName, timeUnit, useLoad } from '../components';
import { formatRupiah, LANGUAGE, t } from '../i18n';
import { TYPE_LABELS } from '../labels';
import type { Receipt } from './submitted';

/** The form's fields by the API's field names, so each problem lands next to its field. */
const FIELD_IDS: Record<string, string> = {
  type: 'f-type',
  title: 'f-title',
  description: 'f-description',
  categoryId: 'f-category',
  'location.regionCode': 'f-region-province',
  location: 'f-region-province',
  'location.address': 'f-address',
  incidentDate: 'f-incident',
  targetAgencyId: 'f-target',
  anonymous: 'f-anonymous',
  confidential: 'f-confidential',
  'reporter.name': 'f-name',
  'reporter.email': 'f-email',
  'reporter.phone': 'f-phone',
  serviceId: 'f-service',
  serviceAnswers: 'f-applied',
  'serviceAnswers.appliedOn': 'f-applied',
  'serviceAnswers.completedOn': 'f-completed',
  'serviceAnswers.charged': 'f-charged',
  'serviceAnswers.extraRequirements': 'f-extra',
};

/** The catalogue's answers, as the API declares them (types only). */
type ServiceDetail = ServiceDetailOutput;

/**
 * When the complaint is about a service with a published standard (SIPP), the questions that
 * standard makes checkable: when they applied, when it was done, what they paid, what extra was
 * asked. The standard is shown beside them, so the reporter compares for themselves.
 */
function ServiceQuestions(props: {
  regionCode: string;
  values: { serviceId: string; appliedOn: string; completedOn: string; charged: string; extraRequirements: string };
  onChange: (patch: Partial<{ serviceId: string; appliedOn: string; completedOn: string; charged: string; extraRequirements: string }>) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const [query, setQuery] = useState('');
  const found = useLoad(
    () =>
      query.trim().length >= 2
        ? call<{ items: ServiceSummary[] }>(
            `/v1/services?limit=20&q=${encodeURIComponent(query.trim())}${props.regionCode ? `&regionCode=${props.regionCode}` : ''}`,
          ).then((r) => r.items)
        : Promise.resolve([] as ServiceSummary[]),
    [query, props.regionCode],
  );
  const detail = useLoad(
    () => (props.values.serviceId ? call<ServiceDetail>(`/v1/services/${encodeURIComponent(props.values.serviceId)}`) : Promise.resolve(undefined)),
    [props.values.serviceId],
  );
  const set = (k: keyof typeof props.values) => (e: Event) => props.onChange({ [k]: (e.target as HTMLInputElement).value });
  const std = detail.data?.standard;
  return (
    <fieldset>
      <legend>{t('submit.service.legend')}</legend>
      <p class="hint">{t('submit.service.hint')}</p>
      <Field id="f-service-search" label={t('submit.service.search')} hint={t('submit.service.searchHint')}>
        {(aria) => <input type="search" {...aria} value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />}
      </Field>
      <Field id="f-service" label={t('submit.service.label')} error={props.fieldError('serviceId')}>
        {(aria) => (
          <select {...aria} value={props.values.serviceId} onChange={set('serviceId')}>
            <option value="">{t('submit.service.none')}</option>
            {(found.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {serviceName(s)} — {s.agency.name}
              </option>
            ))}
            {props.values.serviceId && !(found.data ?? []).some((s) => s.id === props.values.serviceId) && detail.data && (
              <option value={detail.data.id}>{serviceName(detail.data)}</option>
            )}
          </select>
        )}
      </Field>
      {std && (
        <>
          <div class="notice" data-testid="service-standard">
            <strong>{t('submit.service.standard')}</strong> ({std.decreeNumber}):{' '}
            {t('submit.service.summary', {
              time: `${std.completionTime.value} ${timeUnit(std.completionTime.unit)}`,
              cost: std.cost.kind === 'FREE' ? t('submit.service.free') : t('submit.service.cost', { amount: formatRupiah(std.cost.amount) }),
              requirements: std.requirements.join('; '),
            })}
          </div>
          <Field
            id="f-applied"
            label={t('submit.service.appliedOn')}
            error={props.fieldError('serviceAnswers.appliedOn') ?? props.fieldError('serviceAnswers')}
          >
            {(aria) => <input type="date" {...aria} value={props.values.appliedOn} onInput={set('appliedOn')} />}
          </Field>
          <Field id="f-completed" label={t('submit.service.completedOn')} error={props.fieldError('serviceAnswers.completedOn')}>
            {(aria) => <input type="date" {...aria} value={props.values.completedOn} onInput={set('completedOn')} />}
          </Field>
          <Field id="f-charged" label={t('submit.service.charged')} error={props.fieldError('serviceAnswers.charged')}>
            {(aria) => <input type="text" inputMode="numeric" {...aria} value={props.values.charged} onInput={set('charged')} />}
          </Field>
          <Field id="f-extra" label={t('submit.service.extra')} error={props.fieldError('serviceAnswers.extraRequirements')}>
            {(aria) => <textarea {...aria} value={props.values.extraRequirements} onInput={set('extraRequirements')} />}
          </Field>
        </>
      )}
    </fieldset>
  );
}

export function SubmitPage({ onSubmitted }: { onSubmitted: (r: Receipt) => void }) {
  const categories = useLoad(categoriesOf, []);
  const [form, setForm] = useState({
    type: 'COMPLAINT',
    title: '',
    description: '',
    categoryId: '',
    province: '',
    regency: '',
    address: '',
    incidentDate: '',
    anonymous: false,
    confidential: false,
    name: '',
    email: '',
    phone: '',
    serviceId: '',
    appliedOn: '',
    completedOn: '',
    charged: '',
    extraRequirements: '',
  });
  const [categoryQuery, setCategoryQuery] = useState('');
  // One key per form: a double tap or a retry after a lost answer returns the same complaint.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<ApiError>();
  const [sending, setSending] = useState(false);
  // A second tap can arrive before the button redraws as disabled: this blocks it at once.
  const inFlight = useRef(false);
  const set = (k: keyof typeof form) => (e: Event) => {
    const el = e.target as HTMLInputElement;
    setForm({ ...form, [k]: el.type === 'checkbox' ? el.checked : el.value });
  };
  const fieldError = (f: string) => error?.forField(f);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setError(undefined);
    const reporter = {
      ...(form.name.trim() ? { name: form.name } : {}),
      ...(form.email.trim() ? { email: form.email.trim() } : {}),
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    };
    const body = {
      type: form.type,
      title: form.title,
      description: form.description,
      categoryId: form.categoryId,
      location: { regionCode: form.regency || form.province, ...(form.address.trim() ? { address: form.address } : {}) },
      ...(form.incidentDate ? { incidentDate: form.incidentDate } : {}),
      anonymous: form.anonymous,
      confidential: form.confidential,
      // The reporter's mails follow the language they wrote in.
      language: LANGUAGE,
      ...(Object.keys(reporter).length ? { reporter } : {}),
      ...(form.serviceId ? { serviceId: form.serviceId } : {}),
      ...(form.serviceId && form.appliedOn
        ? {
            serviceAnswers: {
              appliedOn: form.appliedOn,
              ...(form.completedOn ? { completedOn: form.completedOn } : {}),
              ...(form.charged.trim() ? { charged: Number(form.charged.replace(/[^\d]/g, '')) } : {}),
              ...(form.extraRequirements.trim()
                ? {
                    extraRequirements: form.extraRequirements
                      .split('\n')
                      .map((l) => l.trim())
                      .filter(Boolean),
                  }
                : {}),
            },
          }
        : {}),
    };
    try {
      const receipt = await call<Receipt>('/v1/complaints', { body, idempotencyKey });
      setIdempotencyKey(newIdempotencyKey());
      onSubmitted(receipt);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, t('common.error'), String(err)));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  const q = categoryQuery.trim().toLowerCase();
  const shownCategories = (categories.data ?? []).filter((c) => !q || [c.name, c.nameEn, c.covers, c.coversEn].some((text) => text.toLowerCase().includes(q)));
  const chosen = categories.data?.find((c) => c.id === form.categoryId);

  return (
    <>
      <PageTitle title={t('submit.title')}>{t('submit.title')}</PageTitle>
      <p class="lead">{t('submit.lead')}</p>
      {error && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>{t('submit.type')}</legend>
          {Object.entries(TYPE_LABELS).map(([value, text], i) => (
            <div class="choice" key={value}>
              <input type="radio" name="type" id={i === 0 ? 'f-type' : `f-type-${value}`} value={value} checked={form.type === value} onChange={set('type')} />
              <label for={i === 0 ? 'f-type' : `f-type-${value}`}>{text}</label>
            </div>
          ))}
        </fieldset>
        <Field id="f-title" label={t('submit.titleLabel')} hint={t('submit.titleHint')} error={fieldError('title')}>
          {(aria) => <input type="text" {...aria} value={form.title} onInput={set('title')} maxLength={150} required />}
        </Field>
        <Field id="f-description" label={t('submit.description')} hint={t('submit.descriptionHint')} error={fieldError('description')}>
          {(aria) => <textarea {...aria} value={form.description} onInput={set('description')} maxLength={5000} required />}
        </Field>
        <Field id="f-category-search" label={t('submit.categorySearch')} hint={t('submit.categorySearchHint')}>
          {(aria) => <input type="search" {...aria} value={categoryQuery} onInput={(e) => setCategoryQuery((e.target as HTMLInputElement).value)} />}
        </Field>
        <Field
          id="f-category"
          label={t('submit.category')}
          error={fieldError('categoryId')}
          hint={chosen ? t('submit.categoryCovers', { covers: categoryCovers(chosen) }) : undefined}
        >
          {(aria) => (
            <select {...aria} value={form.categoryId} onChange={set('categoryId')} required>
              <option value="">{t('submit.chooseCategory')}</option>
              {shownCategories.map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t('submit.place')}</legend>
          <RegionPicker
            idPrefix="f-region"
            province={form.province}
            regency={form.regency}
            onChange={(province, regency) => setForm({ ...form, province, regency })}
            error={fieldError('location.regionCode') ?? fieldError('location')}
          />
          <Field id="f-address" label={t('submit.address')} error={fieldError('location.address')}>
            {(aria) => <input type="text" {...aria} value={form.address} onInput={set('address')} maxLength={500} autoComplete="street-address" />}
          </Field>
        </fieldset>
        <ServiceQuestions
          regionCode={form.regency || form.province}
          values={form}
          onChange={(patch) => setForm({ ...form, ...patch })}
          fieldError={fieldError}
        />
        <Field id="f-incident" label={t('submit.incidentDate')} error={fieldError('incidentDate')}>
          {(aria) => <input type="date" {...aria} value={form.incidentDate} onInput={set('incidentDate')} />}
        </Field>
        <fieldset>
          <legend>{t('submit.privacy')}</legend>
          <div class="choice">
            <input type="checkbox" id="f-anonymous" checked={form.anonymous} onChange={set('anonymous')} aria-describedby="f-anonymous-hint" />
            <label for="f-anonymous">
              {t('submit.anonymous')}
              <span class="hint" id="f-anonymous-hint">
                {t('submit.anonymousHint')}
              </span>
            </label>
          </div>
          <div class="choice">
            <input type="checkbox" id="f-confidential" checked={form.confidential} onChange={set('confidential')} aria-describedby="f-confidential-hint" />
            <label for="f-confidential">
              {t('submit.confidential')}
              <span class="hint" id="f-confidential-hint">
                {t('submit.confidentialHint')}
              </span>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('submit.reporter')}</legend>
          <p class="hint">{t('submit.reporterHint')}</p>
          <Field id="f-name" label={t('submit.name')} error={fieldError('reporter.name')}>
            {(aria) => <input type="text" {...aria} value={form.name} onInput={set('name')} maxLength={100} autoComplete="name" />}
          </Field>
          <Field id="f-email" label={t('submit.email')} error={fieldError('reporter.email')}>
            {(aria) => <input type="email" {...aria} value={form.email} onInput={set('email')} maxLength={254} autoComplete="email" inputMode="email" />}
          </Field>
          <Field id="f-phone" label={t('submit.phone')} hint={t('submit.phoneHint')} error={fieldError('reporter.phone')}>
            {(aria) => <input type="tel" {...aria} value={form.phone} onInput={set('phone')} autoComplete="tel" inputMode="tel" />}
          </Field>
        </fieldset>
        <button type="submit" disabled={sending} aria-busy={sending}>
          {sending ? t('submit.sending') : t('submit.send')}
        </button>
      </form>
    </>
  );
}

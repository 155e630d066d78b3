import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CategoriesOutput, Category, Region, RegionsOutput } from '../../functions/contract/outputs/reference';
import type { DeadlineShown } from '../../functions/contract/outputs/shared';
import { givenIn } from '../../functions/core/labels';
import { ApiError, call, plainFieldMessage } from './api';
import { LANGUAGE, t } from './i18n';
import { COMPLETION_UNIT_LABELS, formatDate, label, STAGE_LABELS } from './labels';

/** Loads once per key; `reload` runs it again. Errors are kept for the page to show. */
export function useLoad<T>(load: () => Promise<T>, key: unknown[]): { data?: T; error?: ApiError; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error) => live && setState({ error: error instanceof ApiError ? error : new ApiError(0, t('common.error'), String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...key, round]);
  return { ...state, reload: () => setRound((r) => r + 1) };
}

/** Moves focus to a page's heading when it opens, so screen-reader and keyboard users start there. */
export function PageTitle({ children, title }: { children: ComponentChildren; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Aduan`;
    ref.current?.focus();
  }, [title]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}

/** A link back to the list a page came from: stands alone, so it is a 44 px target. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a class="back" href={href}>
        {children}
      </a>
    </p>
  );
}

/** The reporting month (WIB) of today, as the API counts its months (core/monitoring.ts monthOf). */
export const reportingMonth = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);

/** A service's name in the reader's language, where its agency gave it one. */
export const serviceName = (s: { name: string; nameEn?: string | undefined }) => givenIn(LANGUAGE, s.name, s.nameEn);

/** A standard's unit of time, as it reads after a number. */
export const timeUnit = (unit: string) => label(COMPLETION_UNIT_LABELS, unit);

export function Loading({ what = t('common.loading') }: { what?: string }) {
  return (
    <p role="status" class="muted">
      {what}…
    </p>
  );
}

/**
 * A problem the person should read: the API's title and detail, and what it says of each field
 * (a page without a form still shows them: "Nomor pelacakan salah ketik" reaches the reader).
 */
export function Problem({ error }: { error: ApiError }) {
  return (
    <div class="error-summary" role="alert">
      <h2>{error.title}</h2>
      <p lang={error.detailLanguage}>{error.detail}</p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={e.field}>{plainFieldMessage(e)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The words a field is known by on the page: its label, or its group's legend. */
function labelOf(id: string): string | undefined {
  const el = document.getElementById(id);
  const text = document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent ?? el?.closest('fieldset')?.querySelector('legend')?.textContent;
  return (
    text
      ?.replace(/\s+/g, ' ')
      .replace(/\s*\(opsional\)\s*$/i, '')
      .trim() || undefined
  );
}

/** Moves focus to a field and brings it into view (a link's hash would be read as a route). */
function focusField(id: string) {
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'center' });
  el?.focus();
}

/**
 * The list of what to fix at the top of a form: each names the field as its label does, says what
 * to do, and moves focus to it.
 */
export function ErrorSummary({ error, fieldIds }: { error: ApiError; fieldIds: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  useEffect(() => ref.current?.focus(), [error]);
  // The labels are read once the form beside the summary is drawn.
  useLayoutEffect(() => {
    setLabels(Object.fromEntries(error.errors.flatMap((e) => (fieldIds[e.field] ? [[e.field, labelOf(fieldIds[e.field] as string) ?? '']] : []))));
  }, [error]);
  const forFields = error.status === 400 && error.errors.length > 0;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <h2>{forFields ? t('errors.summaryTitle') : error.title}</h2>
      <p lang={forFields ? undefined : error.detailLanguage}>
        {forFields ? (error.errors.length === 1 ? t('errors.summaryOne') : t('errors.summaryMany', { count: error.errors.length })) : error.detail}
      </p>
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => {
            const id = fieldIds[e.field];
            const text = `${labels[e.field] ? `${labels[e.field]}: ` : ''}${plainFieldMessage(e)}`;
            return (
              <li key={e.field}>
                {id ? (
                  <a
                    class="target"
                    href={`#${id}`}
                    onClick={(ev) => {
                      ev.preventDefault();
                      focusField(id);
                    }}
                  >
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (aria: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true' }) => ComponentChildren;
}

/** A labelled control with its hint and its error (from the API's problem+json) right beside it. */
export function Field({ id, label: text, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{text}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function DeadlineFacts({ deadline, status }: { deadline: DeadlineShown; status: string }) {
  const closed = status === 'CLOSED' || status === 'ARCHIVED';
  if (closed) return null;
  const left = deadline.workingDaysLeft;
  return (
    <>
      <dt>{t('deadline.title', { stage: label(STAGE_LABELS, deadline.stage) })}</dt>
      <dd>
        <time dateTime={deadline.dueAt}>{formatDate(deadline.date)}</time>{' '}
        {status === 'ON_HOLD' ? (
          <span class="badge open">{t('deadline.paused')}</span>
        ) : left > 0 ? (
          <span class="badge open">{t('deadline.left', { count: left })}</span>
        ) : (
          <span class="badge overdue">{left === 0 ? t('deadline.today') : t('deadline.late', { count: -left })}</span>
        )}
      </dd>
    </>
  );
}

export function StatusBadge({ status, labelText }: { status: string; labelText: string }) {
  const kind = status === 'CLOSED' ? 'done' : status === 'ARCHIVED' ? '' : 'open';
  return <span class={`badge ${kind}`}>{labelText}</span>;
}

/** Categories, provinces and regencies change rarely: one request each per page load. */
const cache = new Map<string, Promise<unknown>>();
export function cached<T>(path: string): Promise<T> {
  let p = cache.get(path);
  if (!p) {
    p = call<T>(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p as Promise<T>;
}

export type { Category, Region };

export const categoriesOf = () => cached<CategoriesOutput>('/v1/categories').then((r) => r.items);

/** A category's name and what it covers in the page's language: the catalogue holds Indonesian and English (other languages read Indonesian). */
export const categoryName = (c: Category) => givenIn(LANGUAGE, c.name, c.nameEn);
export const categoryCovers = (c: Category) => givenIn(LANGUAGE, c.covers, c.coversEn);

/** Names a complaint's category in the page's language, from the cached catalogue (its own name until that is read). */
export function useCategoryName(): (category: { id: string; name: string }) => string {
  const all = useLoad(categoriesOf, []);
  return (category) => {
    const c = all.data?.find((x) => x.id === category.id);
    return c ? categoryName(c) : category.name;
  };
}
export const provincesOf = () => cached<RegionsOutput>('/v1/regions').then((r) => r.items);
export const regenciesOf = (provinceCode: string) => cached<RegionsOutput>(`/v1/regions?provinceCode=${encodeURIComponent(provinceCode)}`).then((r) => r.items);

/** Province → regency/city: two selects, the second filled from the first. */
export function RegionPicker(props: {
  idPrefix: string;
  province: string;
  regency: string;
  onChange: (province: string, regency: string) => void;
  error?: string | undefined;
  optional?: boolean;
}) {
  const provinces = useLoad(provincesOf, []);
  const regencies = useLoad(() => (props.province ? regenciesOf(props.province) : Promise.resolve([])), [props.province]);
  return (
    <>
      <Field id={`${props.idPrefix}-province`} label={t('region.province')} error={props.error}>
        {(aria) => (
          <select {...aria} value={props.province} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value, '')} required={!props.optional}>
            <option value="">{props.optional ? t('region.allProvinces') : t('region.chooseProvince')}</option>
            {(provinces.data ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${props.idPrefix}-regency`} label={t('region.regency')} hint={props.optional ? undefined : t('region.regencyHint')}>
        {(aria) => (
          <select
            {...aria}
            value={props.regency}
            disabled={!props.province}
            onChange={(e) => props.onChange(props.province, (e.target as HTMLSelectElement).value)}
          >
            <option value="">{props.province ? t('region.wholeProvince') : t('region.provinceFirst')}</option>
            {(regencies.data ?? []).map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

/**
 * A horizontal bar chart of plain HTML, readable at 360 px: each bar's length is set through the
 * CSSOM (allowed by the CSP, unlike inline style attributes) and its figure is written beside it,
 * so the chart is also a list a screen reader reads out.
 */
export function BarChart<T>({
  title,
  items,
  name,
  value,
  unit,
  max,
}: {
  title: string;
  items: T[];
  name: (i: T) => string;
  value: (i: T) => number | null;
  unit: string;
  max?: number;
}) {
  const rows = items.map((i) => ({ name: name(i), v: value(i) })).filter((r) => r.v !== null) as { name: string; v: number }[];
  if (!rows.length) return null;
  const top = max ?? Math.max(1, ...rows.map((r) => r.v));
  const id = `chart-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <figure class="card chart" aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{title}</strong>
      </figcaption>
      <ul class="bars">
        {rows.map((r) => (
          <li key={r.name}>
            <span class="bar-label">{r.name}</span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.max(0.5, (r.v / top) * 100)}%` }} />
            </span>
            <span class="bar-value">{`${r.v}${unit}`}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** `rows.3.email` → `Baris 3 — email`, as the person who made the spreadsheet reads it. */
const rowLabel = (field: string) => field.replace(/^rows\.(\d+)\.(.*)$/, (_, row: string, name: string) => t('imports.row', { row, field: name }));

/** Why a spreadsheet import was refused: every bad row, named by its row in the file. */
export function ImportErrors({ error }: { error: ApiError }) {
  return (
    <div class="error-summary" role="alert">
      <h2>{error.title}</h2>
      <p>{error.detail}</p>
      <ul>
        {error.errors.map((e) => (
          <li key={e.field}>
            {rowLabel(e.field)}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

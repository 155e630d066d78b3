import { fieldErrorsOf } from '../../contract/problem';
import { submitComplaintSchema } from '../../contract/submit-complaint';
import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { HttpProblem, header, httpHandler, json, readJsonBody } from '../../shared/http';
import { submitComplaint } from '../../use-cases/submit-complaint';

const deps = buildDeps([ENV.tableName, ENV.routingQueueUrl]);

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{16,128}$/;

export const handler = httpHandler(async (event) => {
  await deps.refreshCalendar();
  const body = readJsonBody(event);
  const parsed = submitComplaintSchema.safeParse(body);
  const key = header(event, 'idempotency-key');
  const keyErrors = key !== undefined && !IDEMPOTENCY_KEY.test(key) ? [{ field: 'Idempotency-Key', message: '16–128 karakter acak (mis. UUID)' }] : [];
  if (!parsed.success || keyErrors.length) {
    throw new HttpProblem(400, 'Periksa kembali isian laporan Anda.', [...(parsed.success ? [] : fieldErrorsOf(parsed.error)), ...keyErrors]);
  }
  const result = await submitComplaint(deps, parsed.data, key ? { idempotencyKey: key } : {});
  return json(
    201,
    {
      trackingId: result.trackingId,
      accessToken: result.accessToken,
      status: result.status,
      deadline: result.deadline,
      links: { self: `/v1/complaints/${result.trackingId}` },
      message: 'Laporan diterima. Simpan nomor pelacakan dan token akses Anda: token hanya ditampilkan sekali.',
    },
    { location: `/v1/complaints/${result.trackingId}`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  );
});

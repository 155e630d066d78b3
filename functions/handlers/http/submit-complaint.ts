import { input } from '../../contract/inputs/submit-complaint';
import type { SubmissionOutput } from '../../contract/outputs/submission';
import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { httpRoute, json } from '../../shared/http';
import { kmsIdentities } from '../../shared/kms';
import { hmacKeys } from '../../shared/secrets';
import { submitComplaint } from '../../use-cases/submit-complaint';

const deps = portsFor(NEEDS.SubmitComplaint, {
  identities: kmsIdentities,
  keys: await hmacKeys(),
});

export const handler = httpRoute(input, async ({ body, headers }) => {
  const key = headers['idempotency-key'];
  const result = await submitComplaint(deps, body, key ? { idempotencyKey: key } : {});
  return json(
    201,
    {
      trackingId: result.trackingId,
      accessToken: result.accessToken,
      status: result.status,
      deadline: result.deadline,
      links: { self: `/v1/complaints/${result.trackingId}` },
      message: 'Laporan diterima. Simpan nomor pelacakan dan token akses Anda: token hanya ditampilkan sekali.',
    } satisfies SubmissionOutput,
    { location: `/v1/complaints/${result.trackingId}`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  );
});

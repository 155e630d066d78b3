import { buildDeps } from '../../shared/deps';
import { ENV } from '../../shared/env';
import { scheduleHandler } from '../../shared/schedule';
import { sesMailer } from '../../shared/ses';
import { sendOmbudsmanDigests } from '../../use-cases/ombudsman-digest';

const deps = buildDeps([ENV.tableName, ENV.mailFrom], { mailer: sesMailer });

/** Hourly; each Ombudsman office gets one digest a working day (after 08:00 local). */
export const handler = scheduleHandler(
  'ombudsman digests',
  () => sendOmbudsmanDigests(deps),
  (r) => ({ OmbudsmanDigestsSent: r.sent, OmbudsmanDigestsFailed: r.failed }),
);

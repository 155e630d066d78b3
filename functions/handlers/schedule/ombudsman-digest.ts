import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { scheduleHandler } from '../../shared/schedule';
import { sesMailer } from '../../shared/ses';
import { sendOmbudsmanDigests } from '../../use-cases/ombudsman-digest';

const deps = portsFor(NEEDS.OmbudsmanDigest, { mailer: sesMailer });

/** Hourly; each Ombudsman office gets one digest a working day (after 08:00 local). */
export const handler = scheduleHandler(
  'ombudsman digests',
  () => sendOmbudsmanDigests(deps),
  (r) => ({ OmbudsmanDigestsSent: r.sent, OmbudsmanDigestsFailed: r.failed }),
);

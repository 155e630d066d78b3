import { NEEDS } from '../../needs';
import { portsFor } from '../../shared/deps';
import { scheduleHandler } from '../../shared/schedule';
import { sesMailer } from '../../shared/ses';
import { sendOmbudsmanDigests } from '../../use-cases/ombudsman-digest';
import { sendZoneChanges } from '../../use-cases/zone-changes';

const deps = portsFor(NEEDS.OmbudsmanDigest, { mailer: sesMailer });

/**
 * Hourly; each Ombudsman office gets one digest a working day (after 08:00 local), and once a
 * month the agencies of its province whose compliance zone moved. A failure of either counts in
 * OmbudsmanDigestsFailed (its alarm).
 */
export const handler = scheduleHandler(
  'ombudsman digests',
  async () => ({ ...(await sendOmbudsmanDigests(deps)), zones: await sendZoneChanges(deps) }),
  (r) => ({ OmbudsmanDigestsSent: r.sent, ZoneChangeMailsSent: r.zones.sent, OmbudsmanDigestsFailed: r.failed + r.zones.failed }),
);

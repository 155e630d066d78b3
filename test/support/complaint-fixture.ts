import type { Complaint } from '../../functions/core/complaint';

/**
 * A submitted complaint in Kabupaten Badung awaiting verification, submitted Monday 6 April 2026
 * 09:00 WITA (disposition due Thursday 9 April). Tests override what they are about.
 */
export function aComplaint(over: Partial<Complaint> = {}): Complaint {
  return {
    trackingId: 'ABCDE-FGHJ1',
    type: 'COMPLAINT',
    title: 'Sampah menumpuk',
    description: 'Sampah tidak diangkut dua minggu dan mulai berbau.',
    categoryId: 'kebersihan-sampah',
    location: { regionCode: '51.03' },
    anonymous: false,
    confidential: false,
    hasReporterIdentity: true,
    status: 'SUBMITTED',
    submittedAt: '2026-04-06T01:00:00.000Z',
    updatedAt: '2026-04-06T01:00:00.000Z',
    routing: { state: 'AWAITING_VERIFICATION' },
    deadline: { stage: 'DISPOSITION', workingDays: 3, date: '2026-04-09', dueAt: '2026-04-09T23:59:59+08:00', timeZone: 'Asia/Makassar' },
    version: 2,
    ...over,
  };
}

/** What a citizen submits on the in-memory tier: a pothole in Mengwi (Badung), not anonymous, not confidential. */
export const potholeInput = (over: { reporter?: { name: string; email: string } } & Record<string, unknown> = {}) => ({
  type: 'COMPLAINT' as const,
  title: 'Jalan berlubang di Mengwi',
  description: 'Lubang besar di jalan kabupaten sejak sebulan, membahayakan pengendara.',
  categoryId: 'jalan-kabupaten-kota',
  location: { regionCode: '51.03' },
  anonymous: false,
  confidential: false,
  reporter: { name: 'Made Uji', email: 'made@example.com' },
  ...over,
});

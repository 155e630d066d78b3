import { describe, expect, it } from 'vitest';
import { findAgency } from '../../functions/core/agencies';
import { findCategory } from '../../functions/core/categories';
import type { Complaint } from '../../functions/core/complaint';
import { renderAgencyAssignment } from '../../functions/core/emails/agency-assignment';
import { resolveRegion } from '../../functions/core/regions';

const complaint = (over: Partial<Complaint> = {}): Complaint => ({
  trackingId: 'ABCDE-FGHJ1',
  type: 'COMPLAINT',
  title: 'Sampah <script>alert(1)</script> menumpuk',
  description: 'Sampah tidak diangkut.\nBau & lalat <b>banyak</b>.',
  categoryId: 'kebersihan-sampah',
  location: { regionCode: '51.03', address: 'Jl. "Raya" Kuta' },
  incidentDate: '2026-03-16',
  anonymous: false,
  confidential: false,
  hasReporterIdentity: true,
  status: 'ASSIGNED',
  submittedAt: '2026-03-16T01:00:00.000Z',
  updatedAt: '2026-03-16T01:00:00.000Z',
  routing: { state: 'ASSIGNED', method: 'CATEGORY_REGION' },
  assignedAgencyId: 'pemda-51.03',
  deadline: { stage: 'FOLLOW_UP', workingDays: 5, date: '2026-03-31', dueAt: '2026-03-31T23:59:59+08:00', timeZone: 'Asia/Makassar' },
  version: 2,
  ...over,
});

const render = (c: Complaint, reporter = { name: 'Ni Luh Putu', email: 'putu@example.com', phone: '081234567890' }) =>
  renderAgencyAssignment({
    complaint: c,
    agency: findAgency('pemda-51.03')!,
    category: findCategory(c.categoryId)!,
    region: resolveRegion(c.location.regionCode),
    reporter: c.anonymous ? undefined : reporter,
    portalUrl: 'https://aduan.example.go.id/',
  });

describe('agency disposition email', () => {
  it('tells the agency, in Indonesian, what, where, which deadline and how to respond', () => {
    const { subject, text } = render(complaint());
    expect(subject).toBe('[Aduan ABCDE-FGHJ1] Disposisi laporan baru: Sampah <script>alert(1)</script> menumpuk');
    expect(text).toContain('Yth. Pemerintah Kabupaten Badung');
    expect(text).toContain('Nomor pelacakan: ABCDE-FGHJ1');
    expect(text).toContain('Jenis laporan: Pengaduan');
    expect(text).toContain('Kategori: Kebersihan dan Pengelolaan Sampah');
    expect(text).toContain('Lokasi: Jl. "Raya" Kuta, Kabupaten Badung, Bali');
    expect(text).toContain('Tanggal kejadian: Senin, 16 Maret 2026');
    expect(text).toContain('Batas waktu tindak lanjut: Selasa, 31 Maret 2026 pukul 23.59 WITA (5 hari kerja)');
    expect(text).toContain('https://aduan.example.go.id/#/petugas/kasus/ABCDE-FGHJ1');
    expect(text).toContain('bukan wewenang');
    expect(text).toContain('Nama pelapor: Ni Luh Putu');
    expect(text).toContain('Email pelapor: putu@example.com');
  });

  it('escapes all citizen text in the HTML part', () => {
    const { html } = render(complaint());
    expect(html).not.toContain('<script>');
    expect(html).toContain('Sampah &lt;script&gt;alert(1)&lt;/script&gt; menumpuk');
    expect(html).toContain('Bau &amp; lalat &lt;b&gt;banyak&lt;/b&gt;.');
    expect(html).toContain('Jl. &quot;Raya&quot; Kuta');
  });

  it('never shows an anonymous reporter, and refuses to render one it was given', () => {
    const { text, html } = render(complaint({ anonymous: true }));
    for (const part of [text, html]) {
      expect(part).not.toContain('Ni Luh Putu');
      expect(part).not.toContain('putu@example.com');
      expect(part).not.toContain('081234567890');
      expect(part).toContain('Anonim');
    }
    expect(() =>
      renderAgencyAssignment({
        complaint: complaint({ anonymous: true }),
        agency: findAgency('pemda-51.03')!,
        category: findCategory('kebersihan-sampah')!,
        region: undefined,
        reporter: { name: 'Ni Luh Putu' },
        portalUrl: 'https://x',
      }),
    ).toThrow(/anonymous/);
  });

  it('marks a confidential complaint and keeps header injection out of the subject', () => {
    const { subject, text } = render(complaint({ confidential: true, title: 'Judul\r\nBcc: victim@example.com' }));
    expect(subject).not.toMatch(/[\r\n]/);
    expect(text).toContain('RAHASIA');
  });
});

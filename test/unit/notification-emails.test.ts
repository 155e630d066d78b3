import { describe, expect, it } from 'vitest';
import { findAgency } from '../../functions/core/agencies';
import { findCategory } from '../../functions/core/categories';
import type { Complaint } from '../../functions/core/complaint';
import { renderNotification } from '../../functions/core/emails/notifications';
import { renderOmbudsmanDigest } from '../../functions/core/emails/ombudsman-digest';
import type { Language } from '../../functions/core/languages';
import type { NotificationTemplate } from '../../functions/core/notifications';
import { resolveRegion } from '../../functions/core/regions';
import { aComplaint } from '../support/complaint-fixture';

const reporter = { name: 'Ni Luh Putu', email: 'putu@example.com', phone: '081234567890' };
const assigned = (over: Partial<Complaint> = {}) =>
  aComplaint({
    status: 'ASSIGNED',
    assignedAgencyId: 'pemda-51.03',
    title: 'Sampah <b>menumpuk</b>',
    deadline: { stage: 'FOLLOW_UP', workingDays: 5, date: '2026-04-13', dueAt: '2026-04-13T23:59:59+08:00', timeZone: 'Asia/Makassar' },
    ...over,
  });
const render = (template: NotificationTemplate, c: Complaint, agencyId?: string, message?: string, agencyLanguage?: Language) =>
  renderNotification({
    template,
    complaint: c,
    category: findCategory(c.categoryId)!,
    region: resolveRegion(c.location.regionCode),
    ...(agencyId ? { agency: findAgency(agencyId)! } : {}),
    reporter,
    ...(message ? { message } : {}),
    portalUrl: 'https://aduan.example.go.id',
    ...(agencyLanguage ? { agencyLanguage } : {}),
  });

describe('lifecycle and escalation emails', () => {
  it('tell each recipient what happened, in Indonesian, with the deadline', () => {
    expect(render('AGENCY_REMINDER', assigned(), 'pemda-51.03').text).toContain('Senin, 13 April 2026 pukul 23.59 WITA');
    expect(render('AGENCY_ESCALATED_TO', assigned({ escalationLevel: 1 }), 'pemda-51').subject).toContain('Eskalasi laporan');
    expect(render('AGENCY_ESCALATION_NOTICE', assigned({ escalationLevel: 1 }), 'pemda-51.03').text).toContain('tingkat 1');
    expect(render('REPORTER_HOLD', assigned({ status: 'ON_HOLD' }), undefined, 'Di KM berapa?').text).toContain('> Di KM berapa?');
    // The reporter is told which button to press, as the page names it.
    expect(render('REPORTER_RESPONSE', assigned({ status: 'RESPONDED' }), undefined, 'Sudah diangkut').text).toContain(
      'pilih "Masalah sudah selesai"; jika belum, pilih "Balas"',
    );
    const archived = render(
      'REPORTER_CLOSED',
      assigned({ status: 'ARCHIVED', archive: { reason: 'DUPLICATE', duplicateOf: 'XXXXX-YYYYY', at: 'x', by: 'v' } }),
    );
    expect(archived.text).toContain('laporan sama dengan laporan lain (XXXXX-YYYYY)');
    expect(render('SUPERVISOR_UNVERIFIED', aComplaint()).text).toContain('belum diverifikasi');
  });

  it('escape citizen text and keep an anonymous identity out of every agency mail', () => {
    const anon = assigned({ anonymous: true });
    for (const t of ['AGENCY_ASSIGNED', 'AGENCY_TRANSFER_IN', 'AGENCY_REPORTER_REPLY', 'AGENCY_REOPENED', 'AGENCY_REMINDER', 'AGENCY_ESCALATED_TO'] as const) {
      const mail = render(t, anon, 'pemda-51.03', 'pesan');
      expect(mail.html).not.toContain('<b>menumpuk</b>');
      for (const secret of Object.values(reporter)) {
        expect(mail.text, t).not.toContain(secret);
        expect(mail.html, t).not.toContain(secret);
      }
    }
  });

  it('speak to people, never in the API’s codes; every reporter mail links to the report; the Ombudsman reads its own steps', () => {
    const CODE = /\b[A-Z]{3,}_[A-Z_]+\b|\baksi [A-Z]+\b|\b(GET|POST) \/v1\/|\(REPLY\)|\(REOPEN\)|tingkat 0\b/;
    const closed = assigned({ status: 'CLOSED', closure: { how: 'CONFIRMED_BY_REPORTER', at: '2026-04-10T01:00:00Z' } });
    const reporterMails = [
      render('REPORTER_HOLD', assigned({ status: 'ON_HOLD' }), undefined, 'Di KM berapa?'),
      render('REPORTER_RESPONSE', assigned({ status: 'RESPONDED' }), undefined, 'Sudah diangkut'),
      render('REPORTER_VERIFIED', assigned()),
      render('REPORTER_CLOSED', closed),
    ];
    for (const mail of reporterMails) {
      expect(mail.text).not.toMatch(CODE);
      expect(mail.text).toContain('https://aduan.example.go.id/#/lacak/');
    }
    expect(reporterMails[3]?.text).toContain('"Beri penilaian"');
    const review = assigned({
      ombudsmanReview: { status: 'OPEN', reasons: ['REPORTER_REQUEST'], office: 'ombudsman-51', flaggedAt: 'x', consentToShareIdentity: false },
    });
    const toOffice = render('OMBUDSMAN_FLAGGED', review, 'ombudsman-51').text;
    expect(toOffice).toContain('Cara meninjau:');
    expect(toOffice).toContain('masuk dengan akun Ombudsman');
    expect(toOffice).not.toMatch(/bukan wewenang|Cara menindaklanjuti|Batas waktu tindak lanjut/);
    const digest = renderOmbudsmanDigest(findAgency('ombudsman-51')!, '2026-05-04', [review, { ...review, escalationLevel: 2 }], 'https://aduan.example.go.id');
    expect(digest.text).not.toMatch(CODE);
    expect(digest.text).toContain('dieskalasi 2 tingkat ke atas');
    expect(digest.text).toContain('https://aduan.example.go.id/#/petugas');
  });

  it('write to a reporter who chose English in English, dates by English rules; agencies still read Indonesian (issue 23)', () => {
    const english = assigned({ status: 'RESPONDED', language: 'en' });
    const mail = render('REPORTER_RESPONSE', english, undefined, 'Sudah diangkut');
    expect(mail.subject).toBe('[Aduan ABCDE-FGHJ1] The agency has responded to your report');
    expect(mail.text).toContain('Dear reporter,');
    expect(mail.text).toContain('choose "The problem is solved"; if not, choose "Reply"');
    expect(mail.text).toContain('Monday, 13 April 2026 at 23:59 WITA (5 working days)');
    expect(mail.text).toContain('This email was sent automatically by Aduan.');
    expect(mail.html).toContain('<html lang="en">');
    // The officer's own words are quoted as written.
    expect(mail.text).toContain('> Sudah diangkut');
    const closed = render(
      'REPORTER_CLOSED',
      assigned({ status: 'ARCHIVED', language: 'en', archive: { reason: 'DUPLICATE', duplicateOf: 'XXXXX-YYYYY', at: 'x', by: 'v' } }),
    );
    expect(closed.subject).toBe('[Aduan ABCDE-FGHJ1] Your report: Archived');
    expect(closed.text).toContain('because the report is the same as another one (XXXXX-YYYYY)');
    expect(closed.text).not.toMatch(/\b(Laporan|Anda|Yth)\b/);
    // The agency's mail about the same complaint is in its desk's language: Indonesian unless its directory entry says otherwise.
    expect(render('AGENCY_REPORTER_REPLY', english, 'pemda-51.03', 'pesan').text).toContain('Yth. Pemerintah Kabupaten Badung');
  });

  it('write to a desk whose directory entry reads English in English: every agency, Ombudsman and supervisor mail (issue 23)', () => {
    const c = assigned({ escalationLevel: 1 });
    const INDONESIAN = /\b(Yth|Laporan|laporan|instansi|Anda|hari kerja|pukul|Batas|Cara|Pelapor|Kategori|Judul)\b/;
    const templates: [NotificationTemplate, string][] = [
      ['AGENCY_ASSIGNED', 'New report assigned'],
      ['AGENCY_TRANSFER_IN', 'Report passed on'],
      ['AGENCY_REPORTER_REPLY', 'The reporter answered'],
      ['AGENCY_REOPENED', 'Report reopened'],
      ['AGENCY_REMINDER', 'Deadline reminder'],
      ['AGENCY_ESCALATED_TO', 'Report escalated'],
      ['AGENCY_ESCALATION_NOTICE', 'Deadline missed'],
      ['AGENCY_OMBUDSMAN_ACTION', 'Ombudsman action'],
    ];
    for (const [template, subject] of templates) {
      const mail = render(template, c, 'pemda-51.03', undefined, 'en');
      expect(mail.subject).toBe(`[Aduan ABCDE-FGHJ1] ${subject}: Sampah <b>menumpuk</b>`);
      expect(mail.text).toMatch(/^Dear Pemerintah Kabupaten Badung,/);
      expect(mail.text).toContain('Follow-up deadline: Monday, 13 April 2026 at 23:59 WITA (5 working days)');
      expect(mail.text).toContain(
        '1. Open the report at https://aduan.example.go.id/#/petugas/kasus/ABCDE-FGHJ1 and sign in with your agency officer account.',
      );
      expect(mail.html).toContain('<html lang="en">');
      // Only the citizen's words (title, description) and names stay as they were written.
      expect(mail.text.replace(/Sampah <b>menumpuk<\/b>|Pemerintah Kabupaten Badung|> .*/g, '')).not.toMatch(INDONESIAN);
    }
    expect(render('AGENCY_ESCALATED_TO', c, 'pemda-51', undefined, 'en').text).toContain('It was escalated (level 1) to you');
    const review = assigned({
      ombudsmanReview: { status: 'OPEN', reasons: ['ILLEGAL_LEVY_INDICATED'], office: 'ombudsman-51', flaggedAt: 'x', consentToShareIdentity: false },
    });
    const toOffice = render('OMBUDSMAN_FLAGGED', review, 'ombudsman-51', undefined, 'en').text;
    expect(toOffice).toContain('This report was passed to your office for review: illegal levy indicated: the fee exceeds the service standard.');
    expect(toOffice).toContain('How to review it:');
    const supervisor = render('SUPERVISOR_UNVERIFIED', assigned({ status: 'SUBMITTED' }), undefined, undefined, 'en');
    expect(supervisor.subject).toBe('[Aduan ABCDE-FGHJ1] Report not verified by its deadline');
    const digest = renderOmbudsmanDigest(findAgency('ombudsman-51')!, '2026-05-04', [{ ...review, escalationLevel: 2 }], 'https://aduan.example.go.id', 'en');
    expect(digest.subject).toContain('1 new reports to review (Monday, 4 May 2026)');
    expect(digest.text).toContain('escalated 2 level(s) up');
    expect(digest.html).toContain('<html lang="en">');
  });

  it('give the Ombudsman the identity only with the reporter’s consent', () => {
    const flagged = (consent: boolean) =>
      assigned({ ombudsmanReview: { status: 'OPEN', reasons: ['REPORTER_REQUEST'], office: 'ombudsman-51', flaggedAt: 'x', consentToShareIdentity: consent } });
    expect(render('OMBUDSMAN_FLAGGED', flagged(false), 'ombudsman-51').text).not.toContain('Ni Luh Putu');
    expect(render('OMBUDSMAN_FLAGGED', flagged(false), 'ombudsman-51').text).toContain('persetujuan pelapor');
    const digest = renderOmbudsmanDigest(findAgency('ombudsman-51')!, '2026-05-04', [flagged(true), flagged(false)], 'https://aduan.example.go.id');
    expect(digest.subject).toContain('2 laporan baru');
    expect(digest.text).not.toContain('Ni Luh Putu');
    expect(digest.html).not.toContain('<b>menumpuk</b>');
  });
});

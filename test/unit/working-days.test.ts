import { describe, expect, it } from 'vitest';
import { officialCalendar, officialCalendarYears } from '../../functions/core/official-calendar';
import { applyCalendarChanges, MAX_WORKING_DAYS, WorkingDayCalendar } from '../../functions/core/working-days';

const calendar = officialCalendar();

describe('working-day deadlines (2026 SKB calendar)', () => {
  it('5 working days after a disposition on Wednesday 18 March 2026 WIB end on Tuesday 31 March', () => {
    // 18, 20, 23, 24 March are cuti bersama; 19 is Nyepi; 21–22 Idul Fitri (a weekend too).
    const r = calendar.addWorkingDays(new Date('2026-03-18T03:00:00Z'), 5, 'Asia/Jakarta');
    expect(r).toEqual({ date: '2026-03-31', deadline: '2026-03-31T23:59:59+07:00', timeZone: 'Asia/Jakarta', uncoveredYears: [] });
  });

  it('counts in the agency time zone: late evening in Jayapura is already the next day', () => {
    // 2026-06-01 (Mon, Pancasila) 16:30 UTC is 23:30 WIB on 1 June but 00:30 WITA and 01:30 WIT on 2 June.
    const instant = new Date('2026-06-01T16:30:00Z');
    expect(calendar.addWorkingDays(instant, 1, 'Asia/Jakarta').date).toBe('2026-06-02');
    expect(calendar.addWorkingDays(instant, 1, 'Asia/Jayapura').date).toBe('2026-06-03');
    // 00:30 WITA on 2 June: Makassar is past midnight too.
    expect(calendar.addWorkingDays(instant, 1, 'Asia/Makassar').deadline).toBe('2026-06-03T23:59:59+08:00');
  });

  it('skips weekends, holidays and cuti bersama', () => {
    expect(calendar.isWorkingDay('2026-05-14')).toBe(false); // Kenaikan
    expect(calendar.isWorkingDay('2026-05-15')).toBe(false); // cuti bersama
    expect(calendar.isWorkingDay('2026-05-16')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-05-18')).toBe(true);
    // Thu 13 May + 1 → Mon 18 May
    expect(calendar.addWorkingDays(new Date('2026-05-13T05:00:00Z'), 1, 'Asia/Jakarta').date).toBe('2026-05-18');
  });

  it('reports years it had to count without official data instead of guessing silently', () => {
    const r = calendar.addWorkingDays(new Date('2026-12-22T05:00:00Z'), 5, 'Asia/Jakarta');
    // 23 (1), 24 cuti, 25 Natal, 28 (2), 29 (3), 30 (4), 31 (5)
    expect(r.date).toBe('2026-12-31');
    expect(r.uncoveredYears).toEqual([]);
    const next = calendar.addWorkingDays(new Date('2026-12-30T05:00:00Z'), 3, 'Asia/Jakarta');
    expect(next.uncoveredYears).toEqual([2027]);
    expect(calendar.isCovered(2027)).toBe(false);
  });

  it('ships all 17 holidays and 8 cuti bersama of 2026', () => {
    const days = ['2026-01-01', '2026-02-16', '2026-02-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24'];
    for (const d of days) expect(calendar.dayOff(d), d).toBeDefined();
    const fromFile = new WorkingDayCalendar([]);
    expect(fromFile.coveredYears()).toEqual([]);
    expect(calendar.coveredYears()).toEqual([2025, 2026]);
    expect(calendar.daysOffIn(2026)).toHaveLength(25);
    expect(calendar.daysOffIn(2025).length).toBeGreaterThanOrEqual(27);
    expect(calendar.sourceOf(2026)).toContain('1497/2/5');
  });

  it('working days left are counted as the deadline was (10 set today are 10 left), 0 on its day, negative when overdue', () => {
    const tz = 'Asia/Jakarta';
    // Monday 30 March 2026, deadline Tuesday 31 March
    expect(calendar.workingDaysLeft(new Date('2026-03-30T03:00:00Z'), '2026-03-31', tz)).toBe(1);
    expect(calendar.workingDaysLeft(new Date('2026-03-31T03:00:00Z'), '2026-03-31', tz)).toBe(0);
    // Ten working days set on Monday 4 May (Kenaikan 14 May, cuti bersama 15 May): ten left, as the mail says.
    const set = new Date('2026-05-04T03:00:00Z');
    expect(calendar.workingDaysLeft(set, calendar.addWorkingDays(set, 10, tz).date, tz)).toBe(10);
    expect(calendar.workingDaysLeft(new Date('2026-04-02T03:00:00Z'), '2026-03-31', tz)).toBe(-2);
  });
});

describe("operators' calendar changes", () => {
  const by = { by: 'operator', source: 'SKB perubahan (uji)' };
  it('adds and cancels days off, the latest change winning', () => {
    const years = applyCalendarChanges(officialCalendarYears(), [
      { action: 'ADD_DAY', date: '2026-03-30', name: 'Cuti bersama tambahan', kind: 'COLLECTIVE_LEAVE', at: '2026-03-01T00:00:00Z', ...by },
      { action: 'CANCEL_DAY', date: '2026-12-24', at: '2026-03-01T00:00:01Z', ...by },
    ]);
    const cal = new WorkingDayCalendar(years);
    expect(cal.isWorkingDay('2026-03-30')).toBe(false);
    expect(cal.isWorkingDay('2026-12-24')).toBe(true);
    // 18 March + 5 now ends on Wednesday 1 April.
    expect(cal.addWorkingDays(new Date('2026-03-18T03:00:00Z'), 5, 'Asia/Jakarta').date).toBe('2026-04-01');
  });

  it('keeps a year uncovered until its SKB is declared, while already skipping the days added for it', () => {
    const added = applyCalendarChanges(officialCalendarYears(), [
      { action: 'ADD_DAY', date: '2027-01-01', name: 'Tahun Baru 2027', kind: 'HOLIDAY', at: '2026-09-01T00:00:00Z', ...by },
    ]);
    const before = new WorkingDayCalendar(added);
    expect(before.isCovered(2027)).toBe(false);
    expect(before.isWorkingDay('2027-01-01')).toBe(false);
    const declared = new WorkingDayCalendar(applyCalendarChanges(added, [{ action: 'DECLARE_YEAR', year: 2027, at: '2026-09-02T00:00:00Z', ...by }]));
    expect(declared.isCovered(2027)).toBe(true);
    expect(declared.sourceOf(2027)).toBe('SKB perubahan (uji)');
  });
});

describe('bounded calendar arithmetic (issue 7: a far-future start once froze the system)', () => {
  it('refuses a start outside the supported years or a count above the maximum instead of looping', () => {
    expect(() => calendar.addWorkingDays(new Date('9999-12-29T00:00:00Z'), 5, 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(8.64e15), 5, 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date(Number.NaN), 5, 'Asia/Jakarta')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(new Date('2026-01-05T00:00:00Z'), MAX_WORKING_DAYS + 1, 'Asia/Jakarta')).toThrow(RangeError);
  });

  it('counts the largest allowed span at the edge of the range quickly', () => {
    const started = performance.now();
    const r = calendar.addWorkingDays(new Date('2100-01-01T00:00:00Z'), MAX_WORKING_DAYS, 'Asia/Jayapura');
    expect(r.date.startsWith('2101-')).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('agrees with day-by-day date arithmetic across a leap day and a year end', () => {
    expect(calendar.addWorkingDays(new Date('2028-02-28T02:00:00Z'), 1, 'Asia/Jakarta').date).toBe('2028-02-29');
    expect(calendar.workingDaysLeft(new Date('2026-03-02T02:00:00Z'), '2026-03-06', 'Asia/Jakarta')).toBe(4);
    expect(calendar.workingDaysLeft(new Date('2026-03-09T02:00:00Z'), '2026-03-06', 'Asia/Jakarta')).toBe(-1);
  });
});

import type { TimeZoneId } from './regions';

const OFFSET_HOURS: Record<TimeZoneId, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};
const DAY_MS = 86_400_000;

export interface DayOff {
  date: string; // YYYY-MM-DD
  name: string;
  kind: 'HOLIDAY' | 'COLLECTIVE_LEAVE';
}

export interface CalendarYear {
  year: number;
  source: string;
  daysOff: DayOff[];
  /** False for a year with only operator-added days and no official SKB yet. */
  covered?: boolean;
}

/** An operator's change to the official calendar (an amended SKB is one call away). */
export type CalendarChange =
  | { action: 'ADD_DAY'; date: string; name: string; kind: DayOff['kind']; source: string; at: string; by: string }
  | { action: 'CANCEL_DAY'; date: string; source: string; at: string; by: string }
  | { action: 'DECLARE_YEAR'; year: number; source: string; at: string; by: string };

/** The official years from the data file with the operators' changes applied, in order. */
export function applyCalendarChanges(official: CalendarYear[], changes: CalendarChange[]): CalendarYear[] {
  const years = new Map(official.map((y) => [y.year, { ...y, daysOff: [...y.daysOff], covered: y.covered ?? true }]));
  const yearOf = (year: number) => {
    let y = years.get(year);
    if (!y) {
      y = { year, source: '', daysOff: [], covered: false };
      years.set(year, y);
    }
    return y;
  };
  for (const c of [...changes].sort((a, b) => a.at.localeCompare(b.at))) {
    if (c.action === 'DECLARE_YEAR') {
      const y = yearOf(c.year);
      y.covered = true;
      y.source = c.source;
    } else {
      const y = yearOf(Number(c.date.slice(0, 4)));
      y.daysOff = y.daysOff.filter((d) => d.date !== c.date);
      if (c.action === 'ADD_DAY') y.daysOff.push({ date: c.date, name: c.name, kind: c.kind });
    }
  }
  return [...years.values()];
}

export interface WorkingDayResult {
  /** The local calendar date of the last working day. */
  date: string;
  /** The end of that day in the zone, as an ISO instant with the zone's offset. */
  deadline: string;
  timeZone: TimeZoneId;
  /** Years the count crossed for which no official holiday data is loaded (weekends only). */
  uncoveredYears: number[];
}

/** The years a calendar computation accepts: far wider than any complaint, narrow enough to stay cheap. */
export const CALENDAR_YEAR_RANGE = { min: 2000, max: 2100 } as const;
/** The most working days one count may span (statutory limits are 60 days; a year is ~245 working days). */
export const MAX_WORKING_DAYS = 365;

/**
 * Working days: Monday–Friday in the agency's zone minus national holidays and cuti bersama.
 * A year without official data is counted with weekends only and reported in
 * `uncoveredYears`, never silently treated as complete.
 *
 * Days are counted as integers (days since 1970-01-01), so every loop advances by one and is
 * bounded by MAX_WORKING_DAYS and the year range: no input can make it stall.
 */
export class WorkingDayCalendar {
  private readonly daysOff = new Map<string, DayOff>();
  private readonly dayOffNumbers = new Set<number>();
  private readonly years = new Map<number, CalendarYear>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      if (y.covered !== false) this.years.set(y.year, y);
      for (const d of y.daysOff) {
        this.daysOff.set(d.date, d);
        this.dayOffNumbers.add(dayNumberOf(d.date));
      }
    }
  }

  coveredYears(): number[] {
    return [...this.years.keys()].sort();
  }

  isCovered(year: number): boolean {
    return this.years.has(year);
  }

  /** The official source of a covered year. */
  sourceOf(year: number): string | undefined {
    return this.years.get(year)?.source;
  }

  daysOffIn(year: number): DayOff[] {
    return [...this.daysOff.values()].filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
  }

  dayOff(date: string): DayOff | undefined {
    return this.daysOff.get(date);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  private isWorkingDayNumber(day: number): boolean {
    // 1970-01-01 was a Thursday (weekday 4).
    const weekday = (((day + 4) % 7) + 7) % 7;
    return weekday !== 0 && weekday !== 6 && !this.dayOffNumbers.has(day);
  }

  /** The end of the Nth working day after the start day (the start day itself never counts). */
  addWorkingDays(start: Date, workingDays: number, timeZone: TimeZoneId): WorkingDayResult {
    if (!Number.isInteger(workingDays) || workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new RangeError(`workingDays must be a whole number 0–${MAX_WORKING_DAYS}`);
    }
    if (!withinCalendarRange(start)) throw new RangeError(`start must lie in ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}`);
    const uncovered = new Set<number>();
    let day = dayNumberOf(localDate(start, timeZone));
    // Each working day is at most a handful of calendar days away (a long Lebaran break is ~10).
    for (let counted = 0; counted < workingDays; ) {
      day++;
      const year = yearOfDayNumber(day);
      if (!this.years.has(year)) uncovered.add(year);
      if (this.isWorkingDayNumber(day)) counted++;
    }
    const date = dateOfDayNumber(day);
    return { date, deadline: endOfDay(date, timeZone), timeZone, uncoveredYears: [...uncovered] };
  }

  /**
   * Working days after today up to the deadline's day: as a deadline is counted (10 working days
   * set today are "10 left", as its mail says), 0 on the day itself ("today"); negative when overdue.
   */
  workingDaysLeft(now: Date, deadlineDate: string, timeZone: TimeZoneId): number {
    const today = dayNumberOf(localDate(now, timeZone));
    const target = dayNumberOf(deadlineDate);
    if (today === target) return 0;
    let count = 0;
    if (today < target) {
      for (let day = today + 1; day <= target; day++) if (this.isWorkingDayNumber(day)) count++;
      return count;
    }
    for (let day = today; day > target; day--) if (this.isWorkingDayNumber(day)) count--;
    return count;
  }
}

/** Whether an instant lies in the years the calendar computes with. */
export function withinCalendarRange(instant: Date): boolean {
  const t = instant.getTime();
  return Number.isFinite(t) && t >= Date.UTC(CALENDAR_YEAR_RANGE.min, 0, 1) && t < Date.UTC(CALENDAR_YEAR_RANGE.max + 1, 0, 1);
}

export function localDate(instant: Date, timeZone: TimeZoneId): string {
  return new Date(instant.getTime() + OFFSET_HOURS[timeZone] * 3_600_000).toISOString().slice(0, 10);
}

/** The hour of the day (0–23) at `instant` in the zone. */
export function localHour(instant: Date, timeZone: TimeZoneId): number {
  return new Date(instant.getTime() + OFFSET_HOURS[timeZone] * 3_600_000).getUTCHours();
}

function offsetOf(timeZone: TimeZoneId): string {
  return `+0${OFFSET_HOURS[timeZone]}:00`;
}

/** An instant as local time with its offset, to the second (`2026-11-29T13:36:00+08:00`). */
export function withOffset(iso: string, timeZone: TimeZoneId): string {
  const local = new Date(Date.parse(iso) + OFFSET_HOURS[timeZone] * 3_600_000).toISOString().slice(0, 19);
  return `${local}${offsetOf(timeZone)}`;
}

export function endOfDay(date: string, timeZone: TimeZoneId): string {
  return `${date}T23:59:59${offsetOf(timeZone)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws on anything else (a bug, never user input). */
function dayNumberOf(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const yearOfDayNumber = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

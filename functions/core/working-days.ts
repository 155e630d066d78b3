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

/**
 * Working days: Monday–Friday in the agency's zone minus national holidays and cuti bersama.
 * A year without official data is counted with weekends only and reported in
 * `uncoveredYears`, never silently treated as complete.
 */
export class WorkingDayCalendar {
  private readonly daysOff = new Map<string, DayOff>();
  private readonly years = new Map<number, CalendarYear>();

  constructor(years: CalendarYear[]) {
    for (const y of years) {
      if (y.covered !== false) this.years.set(y.year, y);
      for (const d of y.daysOff) this.daysOff.set(d.date, d);
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
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.daysOff.has(date);
  }

  /** The end of the Nth working day after the start day (the start day itself never counts). */
  addWorkingDays(start: Date, workingDays: number, timeZone: TimeZoneId): WorkingDayResult {
    if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('workingDays must be a whole number ≥ 0');
    const uncovered = new Set<number>();
    let day = localDate(start, timeZone);
    let counted = 0;
    while (counted < workingDays) {
      day = nextDate(day);
      const year = Number(day.slice(0, 4));
      if (!this.years.has(year)) uncovered.add(year);
      if (this.isWorkingDay(day)) counted++;
    }
    return { date: day, deadline: endOfDay(day, timeZone), timeZone, uncoveredYears: [...uncovered] };
  }

  /** Working days from `now` until the deadline's day, counting today if it is one; negative when overdue. */
  workingDaysLeft(now: Date, deadlineDate: string, timeZone: TimeZoneId): number {
    const today = localDate(now, timeZone);
    if (today === deadlineDate) return this.isWorkingDay(today) ? 1 : 0;
    const forward = today < deadlineDate;
    let day = today;
    let count = 0;
    if (forward) {
      // today counts while it is still running
      if (this.isWorkingDay(day)) count++;
      while (day < deadlineDate) {
        day = nextDate(day);
        if (this.isWorkingDay(day)) count++;
      }
      return count;
    }
    while (day > deadlineDate) {
      if (this.isWorkingDay(day)) count--;
      day = previousDate(day);
    }
    return count;
  }
}

export function localDate(instant: Date, timeZone: TimeZoneId): string {
  return new Date(instant.getTime() + OFFSET_HOURS[timeZone] * 3_600_000).toISOString().slice(0, 10);
}

/** The hour of the day (0–23) at `instant` in the zone. */
export function localHour(instant: Date, timeZone: TimeZoneId): number {
  return new Date(instant.getTime() + OFFSET_HOURS[timeZone] * 3_600_000).getUTCHours();
}

export function offsetOf(timeZone: TimeZoneId): string {
  return `+0${OFFSET_HOURS[timeZone]}:00`;
}

export function endOfDay(date: string, timeZone: TimeZoneId): string {
  return `${date}T23:59:59${offsetOf(timeZone)}`;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}
function previousDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

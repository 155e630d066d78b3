import { officialCalendarYears } from '../core/official-calendar';
import type { CalendarSource, CalendarStore } from '../core/ports';
import { applyCalendarChanges, WorkingDayCalendar } from '../core/working-days';

/** Operators' calendar changes reach every function within this long. */
const MAX_AGE_MS = 60_000;

/**
 * The calendar in force: the official years with the operators' changes applied, read from the
 * store at most once a minute per function instance. Use cases ask it for the calendar, so none
 * can forget to refresh it.
 */
export class OperatorCalendar implements CalendarSource {
  private cached: { at: number; calendar: Promise<WorkingDayCalendar> } | undefined;

  constructor(private readonly store: CalendarStore) {}

  current(opts: { fresh?: boolean } = {}): Promise<WorkingDayCalendar> {
    const now = Date.now();
    if (opts.fresh || !this.cached || now - this.cached.at > MAX_AGE_MS) {
      const calendar = this.store.changes().then((changes) => new WorkingDayCalendar(applyCalendarChanges(officialCalendarYears(), changes)));
      // A failed read is not kept: the next call tries again.
      calendar.catch(() => {
        if (this.cached?.calendar === calendar) this.cached = undefined;
      });
      this.cached = { at: now, calendar };
    }
    return this.cached.calendar;
  }
}

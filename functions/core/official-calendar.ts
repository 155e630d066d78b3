import holidaysFile from '../../data/holidays.json';
import { type CalendarYear, WorkingDayCalendar } from './working-days';

type YearEntry = { source: string; holidays: { date: string; name: string }[]; collectiveLeave: { date: string; name: string }[] };

/** The national calendar shipped in data/holidays.json (one SKB per year). */
export function officialCalendarYears(): CalendarYear[] {
  return Object.entries(holidaysFile as Record<string, YearEntry>).map(([year, entry]) => ({
    year: Number(year),
    source: entry.source,
    daysOff: [
      ...entry.holidays.map((d) => ({ ...d, kind: 'HOLIDAY' as const })),
      ...entry.collectiveLeave.map((d) => ({ ...d, kind: 'COLLECTIVE_LEAVE' as const })),
    ],
  }));
}

export const officialCalendar = () => new WorkingDayCalendar(officialCalendarYears());

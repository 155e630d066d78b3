import type { AgencyEmailPolicy } from '../core/agencies';
import type { Clock, ComplaintStore, Logger, Mailer, MessageQueue, RandomSource } from '../core/ports';
import type { WorkingDayCalendar } from '../core/working-days';

/** Clocks of the LAPOR! flow, in working days (national defaults). */
export interface ClockPolicy {
  dispositionWorkingDays: number;
  followUpWorkingDays: number;
}
export const NATIONAL_CLOCKS: ClockPolicy = { dispositionWorkingDays: 3, followUpWorkingDays: 5 };

export interface Deps {
  store: ComplaintStore;
  queue: MessageQueue;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  calendar: WorkingDayCalendar;
  logger: Logger;
  clocks: ClockPolicy;
  agencyEmail: AgencyEmailPolicy;
  portalUrl: string;
}

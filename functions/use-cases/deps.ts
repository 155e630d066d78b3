import type { AgencyEmailPolicy } from '../core/agencies';
import type { LifecyclePolicy } from '../core/lifecycle';
import type { Clock, ComplaintStore, Logger, Mailer, MessageQueue, RandomSource } from '../core/ports';
import type { WorkingDayCalendar } from '../core/working-days';

export interface Deps {
  store: ComplaintStore;
  queue: MessageQueue;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  calendar: WorkingDayCalendar;
  logger: Logger;
  policy: LifecyclePolicy;
  /** Categories an operator switched to automatic routing (no verification step). */
  autoRoutedCategories: ReadonlySet<string>;
  agencyEmail: AgencyEmailPolicy;
  portalUrl: string;
}

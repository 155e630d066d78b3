/** The notifications a change owes: which mail, to whom (an agency, or the reporter). */

export type NotificationTemplate =
  | 'AGENCY_ASSIGNED'
  | 'AGENCY_TRANSFER_IN'
  | 'AGENCY_REPORTER_REPLY'
  | 'AGENCY_REOPENED'
  | 'REPORTER_CONFIRM_EMAIL'
  | 'REPORTER_VERIFIED'
  | 'REPORTER_HOLD'
  | 'REPORTER_RESPONSE'
  | 'REPORTER_CLOSED'
  | 'AGENCY_REMINDER'
  | 'AGENCY_ESCALATED_TO'
  | 'AGENCY_ESCALATION_NOTICE'
  | 'AGENCY_OMBUDSMAN_ACTION'
  | 'OMBUDSMAN_FLAGGED'
  | 'SUPERVISOR_UNVERIFIED';

export interface NotificationIntent {
  template: NotificationTemplate;
  /** For agency mail: which agency. Reporter mail goes to the reporter's own address. */
  agencyId?: string;
  /** The text the mail quotes (question, follow-up, reply), already in the timeline. */
  message?: string;
}

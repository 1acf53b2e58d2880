import type { EventRoles } from './journal/types';
import { nonEmpty } from './lib/must';
import { CERTIFICATE_EVENTS, type CertificateEvents } from './modules/certificates/events';
import { CITIZEN_EVENTS, type CitizenEvents } from './modules/citizens/events';
import { CONSENT_EVENTS, type ConsentEvents } from './modules/consents/events';
import { CLIENT_EVENTS, type ClientEvents } from './modules/clients/events';
import { DOCUMENT_EVENTS, type DocumentEvents } from './modules/documents/events';
import type { FeedTypes } from './modules/feed/reader';
import { OFFICE_EVENTS, type OfficeEvents } from './modules/offices/events';
import { PERSON_EVENTS, type PersonEvents } from './modules/persons/events';
import { RECORD_EVENTS, type RecordEvents } from './modules/records/events';
import { SUBSCRIPTION_EVENTS, type SubscriptionEvents } from './modules/subscriptions/events';
import { USER_EVENTS, type UserEvents } from './modules/users/events';
import { KIND_EVENTS, KIND_FEED_TYPES, type KindEvents } from './record-kinds';

/**
 * Every event the journal holds, from its type to its payload: the intersection of the modules'
 * catalogues, each declared beside the commands that append it (`<module>/events.ts`). A
 * command's draft and the projector of its type are both typed from its module's catalogue, so
 * the compiler checks that they agree.
 */
export type EventCatalogue = PersonEvents &
  RecordEvents &
  KindEvents &
  CertificateEvents &
  OfficeEvents &
  SubscriptionEvents &
  UserEvents &
  ClientEvents &
  CitizenEvents &
  ConsentEvents &
  DocumentEvents;

/** The role of every event type: a projected type without a projector stops the start. */
export const EVENT_ROLES: EventRoles<EventCatalogue> = {
  ...PERSON_EVENTS,
  ...RECORD_EVENTS,
  ...KIND_EVENTS,
  ...CERTIFICATE_EVENTS,
  ...OFFICE_EVENTS,
  ...SUBSCRIPTION_EVENTS,
  ...USER_EVENTS,
  ...CLIENT_EVENTS,
  ...CITIZEN_EVENTS,
  ...CONSENT_EVENTS,
  ...DOCUMENT_EVENTS,
};

/** The events a sectoral system may follow (the feed, webhooks): registrations, then corrections and voidings. */
export const FEED_TYPES: FeedTypes = nonEmpty([...KIND_FEED_TYPES, 'record.corrected', 'record.voided'], 'feed type');

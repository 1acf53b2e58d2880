import type { Notification } from './store';

/** What every declaration entry carries, whatever the kind. */
export interface RecordDeclared<F> {
  recordId: string;
  office: string;
  facts: F;
  /** NINs of the registered people the declaration names (parents, parties, the deceased). */
  personNins: string[];
  /** A hospital's notification this record came from: its client, its own id, and the hash of what it sent. */
  notification?: Notification;
}

import type { EventRoles, Role } from '../../journal/types';
import type { FieldChange } from '../records/rules';
import type { UserChange } from './schemas';

/**
 * The events of staff and citizen accounts: append, then project. The hashes of their passwords
 * live in `secrets`, written first, and the entries name them by id.
 */
export interface UserEvents {
  /** `secretId` names the password's hash in `secrets`; the hash never enters the journal. */
  'user.created': { userId: string; username: string; role: Role; office: string; secretId: string; nin?: string };
  'user.changed': { userId: string; changes: FieldChange[]; set: UserChange };
}

export const USER_EVENTS: EventRoles<UserEvents> = {
  'user.created': 'projected',
  'user.changed': 'projected',
};

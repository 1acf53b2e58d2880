import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { DeathFacts } from './schemas';

export interface DeathEvents {
  'death.declared': RecordDeclared<DeathFacts>;
  /** `nin`: the deceased. */
  'death.registered': { recordId: string; registrationNumber: string; nin: string };
}

export const DEATH_EVENTS: EventRoles<DeathEvents> = {
  'death.declared': 'projected',
  'death.registered': 'projected',
};

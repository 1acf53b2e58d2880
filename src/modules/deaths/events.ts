import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { VitalStanding } from '../records/store';
import type { DeathFacts } from './schemas';

export interface DeathEvents {
  'death.declared': RecordDeclared<DeathFacts>;
  /**
   * `nin`: the deceased; `derived`: their sex and age at death, from their entry (none in entries
   * from before they were kept).
   */
  'death.registered': {
    recordId: string;
    registrationNumber: string;
    nin: string;
    derived?: Pick<VitalStanding, 'ageAtDeath' | 'sex'>;
  };
}

export const DEATH_EVENTS: EventRoles<DeathEvents> = {
  'death.declared': 'projected',
  'death.registered': 'projected',
};

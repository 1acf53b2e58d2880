import type { EventRoles } from '../../journal/types';
import type { RecordDeclared } from '../records/events';
import type { FoetalDeathFacts } from './schemas';

export interface FoetalDeathEvents {
  /** A foetal death declared; its personNins hold the mother's NIN when she is registered. */
  'foetal-death.declared': RecordDeclared<FoetalDeathFacts>;
  /** A declared foetal death registered under its number; it creates no person. */
  'foetal-death.registered': { recordId: string; registrationNumber: string; motherNin?: string };
}

export const FOETAL_DEATH_EVENTS: EventRoles<FoetalDeathEvents> = {
  'foetal-death.declared': 'projected',
  'foetal-death.registered': 'projected',
};

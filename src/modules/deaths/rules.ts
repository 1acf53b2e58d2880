import type { DeathFacts } from './schemas';

/**
 * Whether a physician certified the death (the UN's "certifier" topic, counted as medically
 * certified): the certifier's type says it. A coroner or a facility is not taken for a physician
 * here (where coroners are physicians by law, this is the one place to say so); no certifier, no answer.
 */
export const certifiedByPhysician = (certifier: DeathFacts['certifier']): boolean | undefined =>
  certifier === undefined ? undefined : certifier.type === 'physician';

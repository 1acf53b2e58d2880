import type { Actor, CommandContext } from '../journal/types';
import { unauthorized } from './problem';

/** The context a command records in the journal: who, and under which request id. */
export function commandContext(input: { actor: Actor | undefined; requestId: string }): CommandContext {
  if (!input.actor) throw unauthorized();
  return { actor: input.actor, requestId: input.requestId };
}

import type { CommandContext } from '../src/journal/types';
import { issueExtract } from '../src/modules/certificates/extract-issue';
import { createClient } from '../src/modules/clients/commands';
import { giveConsent } from '../src/modules/consents/commands';
import type { Services } from '../src/services';

const SYSTEM: CommandContext = { actor: { id: 'seed', role: 'system' }, requestId: 'seed' };

/**
 * The registry's dealings with the rest of government in the demo: the Ministry of Education's
 * system, which obtains certificates with the citizen's consent (the first mother consented, for
 * her children's school enrolment), and civil-status extracts printed at an office (Baghdad) and
 * at a service centre of the Kurdistan Region (in Arabic and Kurdish). Returns the client's
 * credentials, printed once like the demo passwords.
 */
export async function sectoralDemo(
  s: Services,
  people: { mother: string; father: string; kurdistan?: string },
): Promise<{ clientId: string; clientSecret: string }> {
  const client = await createClient(s, SYSTEM, { name: 'Ministry of Education', scopes: ['certificates:issue'] });
  const citizen: CommandContext = {
    actor: { id: `seed-citizen-${people.mother}`, role: 'citizen', nin: people.mother },
    requestId: 'seed',
  };
  const expiresAt = new Date(Date.now() + 180 * 86_400_000).toISOString();
  await giveConsent(s, citizen, {
    nin: people.mother,
    clientId: client.clientId,
    purpose: 'school enrolment',
    expiresAt,
  });
  const officer: CommandContext = { actor: { id: 'seed-officer', role: 'officer', office: 'BGD' }, requestId: 'seed' };
  await issueExtract(s, officer, { nin: people.father });
  if (people.kurdistan) {
    const clerk: CommandContext = {
      actor: { id: 'seed-clerk', role: 'service-clerk', office: 'SYC' },
      requestId: 'seed',
    };
    await issueExtract(s, clerk, { nin: people.kurdistan });
  }
  return { clientId: client.clientId, clientSecret: client.clientSecret };
}

import { newCertificateId } from './ids';
import { forbidden } from '../../http/problem';
import type { CommandContext } from '../../journal/types';
import { officeGovernorate } from '../offices/commands';
import { nextRegistrationNumber } from '../records/ids';
import { requirePersonConsent } from '../consents/commands';
import { citizenCountOnce, clientIssue, signedIssue, statusIndexOnce, type CertificateDeps } from './commands';
import { EXTRACT_KIND, EXTRACT_LETTER, EXTRACT_TYPE, extractOf } from './extract';
import { defaultLanguage } from './languages';
import type { CertificateLanguage } from './store';

/**
 * Issues a person's civil-status extract (صورة قيد): signed like a record's certificate, with its
 * own number in the issuing office's book of extracts (OFFICE-YEAR-E-000001). Staff issue any
 * person's; a citizen their own (counted against their daily limit). Each extract is one paper
 * of the entry as it stands today: a later change of the entry supersedes it (extract-listener.ts).
 */
export async function issueExtract(
  deps: CertificateDeps,
  ctx: CommandContext,
  input: { nin: string; language?: CertificateLanguage; purpose?: string },
) {
  const statusIndex = statusIndexOnce(deps);
  const countCitizen = citizenCountOnce(deps, ctx);
  const certificateId = newCertificateId();
  let number: string | undefined;
  return deps.journal.execute(ctx, async () => {
    if (ctx.actor.role === 'citizen' && ctx.actor.nin !== input.nin)
      throw forbidden('A citizen may have their own civil-status extract only');
    const client = clientIssue(ctx, input.purpose);
    if (client) await requirePersonConsent(deps, input.nin, client.audience, client.purpose);
    const extract = await extractOf(deps, input.nin);
    // Staff print it at their office; a citizen's own comes from the office that keeps their entry.
    const office = ctx.actor.role !== 'citizen' && ctx.actor.office ? ctx.actor.office : extract.homeOffice;
    const language = input.language ?? defaultLanguage(await officeGovernorate(deps.offices, office), deps.config);
    await countCitizen();
    const now = new Date();
    // Allocated once per command, like the status index: a retry keeps the number, so none is skipped.
    number ??= await nextRegistrationNumber(deps.db, office, EXTRACT_LETTER, now.getUTCFullYear());
    return signedIssue(deps, certificateId, await statusIndex(), {
      kind: EXTRACT_KIND,
      credentialType: EXTRACT_TYPE,
      subjectNin: input.nin,
      registrationNumber: number,
      registeredAt: now.toISOString(),
      copyNumber: 1,
      tokenFacts: extract.facts,
      factsHash: extract.hash,
      language,
      office,
      ...client,
    });
  });
}

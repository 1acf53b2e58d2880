import { unprocessable } from '../../http/problem';
import type { CorrectionEvidence } from './events';
import { evidenceNeeded, type EvidenceLevel, type FieldChange } from './rules';
import type { CivilRecord } from './store';

/**
 * What a correction must bring. A registered record: the evidence the policy asks for the field
 * groups the changes touch; a court order is named with the attached `court-order` documents of
 * this record that hold it. A declared record, not yet registered, is amended on a reason (a
 * notified birth gets its names so). Evidence given where none is needed is still checked: the
 * entry keeps it, and it must name documents that are there.
 */
export function requireEvidence(
  record: Pick<CivilRecord, 'status' | 'kind' | 'documents'>,
  changes: readonly FieldChange[],
  groups: Readonly<Record<string, readonly string[]>>,
  levels: Readonly<Record<string, EvidenceLevel>>,
  evidence: CorrectionEvidence | undefined,
): void {
  if (record.status === 'registered') {
    const needed = evidenceNeeded(changes, groups, levels);
    if (needed.level === 'court-order' && !evidence)
      throw unprocessable(
        `Correcting the ${needed.groups.join(', ')} of a registered ${record.kind} needs a court order: attach the judgment (POST /v1/records/{id}/documents?type=court-order) and send evidence: {courtOrder: {court, reference, date}, documentIds}`,
        'evidence-required',
      );
  }
  if (!evidence) return;
  const today = new Date().toISOString().slice(0, 10);
  if (evidence.courtOrder.date > today)
    throw unprocessable(`The court order's date ${evidence.courtOrder.date} is in the future`, 'court-order-date');
  const courtOrders = new Set((record.documents ?? []).filter((d) => d.type === 'court-order').map((d) => d.id));
  const others = evidence.documentIds.filter((d) => !courtOrders.has(d));
  if (others.length > 0)
    throw unprocessable(
      `${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} not a court-order document of this record: attach the judgment to this record with ?type=court-order and name the id it gets`,
      'evidence-not-court-order',
    );
}

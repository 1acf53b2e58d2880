import { describe, expect, it } from 'vitest';
import type { RecordView } from '../src/api/types';
import {
  checkCorrection,
  correctionBody,
  labelOf,
  needsCourtOrder,
  valuesOf,
} from '../src/screens/record/correction-form';
import { fileProblem, formatOf, formatSize, MAX_DOCUMENT_BYTES } from '../src/screens/record/document-file';
import { changesOf, valueText } from '../src/screens/record/history-values';
import { matches } from '../src/screens/record/compare';

const birth = {
  id: 'r_aaaaaaaaaaaaaaaaaaaaaa',
  kind: 'birth',
  status: 'registered',
  version: 3,
  office: 'BGD',
  declaredBy: { id: 'u1' },
  declaredAt: '2026-03-15T10:00:00Z',
  flags: [],
  certificatesIssued: 0,
  documents: [],
  updatedAt: '2026-03-15T10:00:00Z',
  child: {
    givenName: 'زينب',
    sex: 'female',
    dateOfBirth: '2026-03-14',
    placeOfBirth: { governorate: 'IQ-BG', facility: 'Yarmouk Teaching Hospital' },
  },
} as unknown as RecordView;
const none = { court: '', reference: '', date: '', documentIds: [] };

describe('the correction form', () => {
  it('starts from the record as it is and sends only what changed, a place whole', () => {
    const values: Record<string, string> = {
      ...valuesOf(birth),
      'child.placeOfBirth.facility': 'Karkh Maternity Hospital',
    };
    expect(values['child.givenName']).toBe('زينب');
    expect(correctionBody(birth, values, ' The hospital named the wrong ward ', none)).toEqual({
      changes: { child: { placeOfBirth: { governorate: 'IQ-BG', facility: 'Karkh Maternity Hospital' } } },
      reason: 'The hospital named the wrong ward',
    });
    expect(needsCourtOrder(birth, values)).toBe(false);
  });

  it('says which changes need a court order, and sends the evidence that names the judgment', () => {
    const values = { ...valuesOf(birth), 'child.givenName': 'زينة', 'child.weightGrams': '3200' };
    expect(needsCourtOrder(birth, values)).toBe(true);
    const evidence = { court: 'Karkh', reference: 'KRK-1', date: '2026-04-02', documentIds: ['d_1'] };
    expect(correctionBody(birth, values, 'Court order', evidence)).toEqual({
      changes: { child: { givenName: 'زينة', weightGrams: 3200 } },
      reason: 'Court order',
      evidence: { courtOrder: { court: 'Karkh', reference: 'KRK-1', date: '2026-04-02' }, documentIds: ['d_1'] },
    });
  });

  it('checks before sending: a reason, a change, Arabic names, no future date, a whole court order', () => {
    const today = '2026-05-01';
    expect(checkCorrection(birth, valuesOf(birth), '', none, today)).toEqual({
      '': 'registrar.check.nothingChanged',
      reason: 'check.required',
    });
    const wrong = {
      ...valuesOf(birth),
      'child.givenName': 'Zainab',
      'child.dateOfBirth': '2026-06-01',
      'child.weightGrams': '3.2',
    };
    expect(checkCorrection(birth, wrong, 'x', { ...none, court: 'Karkh' }, today)).toEqual({
      'child.givenName': 'check.arabic',
      'child.dateOfBirth': 'check.future',
      'child.weightGrams': 'registrar.check.number',
      'evidence.courtOrder.reference': 'check.required',
      'evidence.courtOrder.date': 'check.required',
      'evidence.documentIds': 'registrar.check.courtOrderDocument',
    });
    expect(checkCorrection(birth, { ...valuesOf(birth), 'child.givenName': '' }, 'x', none, today)).toEqual({
      'child.givenName': 'check.required',
    });
  });

  it('names the fields a history entry changed', () => {
    expect(labelOf('child.givenName')).toBe('birth.givenName');
    expect(labelOf('child.placeOfBirth')).toBe('record.placeOfBirth');
    expect(labelOf('child.unknown')).toBeUndefined();
  });
});

describe('documents before sending', () => {
  it('tells the format by the first bytes, and refuses empty, too large or other files', () => {
    expect(formatOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(formatOf(new TextEncoder().encode('%PDF-1.4'))).toBe('application/pdf');
    expect(formatOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(formatOf(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(fileProblem({ size: 0 }, 'image/png')).toBe('empty');
    expect(fileProblem({ size: MAX_DOCUMENT_BYTES + 1 }, 'image/png')).toBe('tooLarge');
    expect(fileProblem({ size: 10 }, undefined)).toBe('format');
    expect(fileProblem({ size: 10 }, 'application/pdf')).toBeUndefined();
    expect([formatSize(512), formatSize(12_345), formatSize(MAX_DOCUMENT_BYTES)]).toEqual([
      '512 B',
      '12.3 kB',
      '10.5 MB',
    ]);
  });
});

describe('the history of a record', () => {
  it('reads a correction’s changes and shows values as text', () => {
    const data = { changes: [{ path: 'child.givenName', before: 'زينب', after: 'زينة' }, 'junk'] };
    expect(changesOf(data)).toEqual([{ path: 'child.givenName', before: 'زينب', after: 'زينة' }]);
    expect(changesOf({})).toEqual([]);
    const name = (c: string) => (c === 'IQ-BG' ? 'Baghdad' : c);
    expect(valueText({ governorate: 'IQ-BG', facility: 'Yarmouk' }, name)).toBe('Baghdad، Yarmouk');
    expect([valueText(null, name), valueText(3200, name)]).toEqual(['', '3200']);
  });
  it('marks the facts a duplicate rule found alike', () => {
    expect(matches(['mother.name', 'child.dateOfBirth'], 'child.dateOfBirth')).toBe(true);
    expect(matches(['mother.nin'], 'mother.name')).toBe(false);
  });
});

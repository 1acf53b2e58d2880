import { contentTypeOf, downloadName, matchesMagic } from '../../src/modules/documents/rules';

const PDF = Buffer.from('%PDF-1.7\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 0x00]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]);

describe('magic bytes', () => {
  it('takes each format by its own first bytes', () => {
    expect(matchesMagic('application/pdf', PDF)).toBe(true);
    expect(matchesMagic('image/jpeg', JPEG)).toBe(true);
    expect(matchesMagic('image/png', PNG)).toBe(true);
  });

  it('refuses a file whose bytes are another format than declared', () => {
    expect(matchesMagic('application/pdf', PNG)).toBe(false);
    expect(matchesMagic('image/png', JPEG)).toBe(false);
    expect(matchesMagic('image/jpeg', PDF)).toBe(false);
  });

  it('refuses a file shorter than its magic, or one that only nearly matches', () => {
    expect(matchesMagic('application/pdf', Buffer.from('%PDF'))).toBe(false);
    expect(matchesMagic('image/png', PNG.subarray(0, 7))).toBe(false);
    expect(matchesMagic('application/pdf', Buffer.from('%pdf-1.7'))).toBe(false);
    expect(matchesMagic('image/jpeg', Buffer.alloc(0))).toBe(false);
  });
});

describe('content types', () => {
  it('reads the format a Content-Type names, parameters and case aside', () => {
    expect(contentTypeOf('application/pdf')).toBe('application/pdf');
    expect(contentTypeOf('Image/PNG; name=scan.png')).toBe('image/png');
    expect(contentTypeOf('image/gif')).toBeUndefined();
    expect(contentTypeOf(undefined)).toBeUndefined();
  });

  it('names a download by type, id and extension', () => {
    expect(downloadName('court-order', 'd_x', 'image/jpeg')).toBe('court-order-d_x.jpg');
  });
});

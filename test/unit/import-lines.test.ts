import { Readable } from 'node:stream';
import { boundedLines } from '../../src/modules/imports/lines';

async function lines(chunks: string[], max: number) {
  const out = [];
  for await (const l of boundedLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) out.push(l);
  return out;
}

describe('reading lines of bounded length', () => {
  it('splits LF and CRLF lines across chunks, a multi-byte letter split too', async () => {
    const text = 'ab\r\nسعاد\nlast';
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 6), bytes.subarray(6)].map((b) => b.toString('latin1'));
    const out = [];
    for await (const l of boundedLines(Readable.from(chunks.map((c) => Buffer.from(c, 'latin1'))), 100)) out.push(l);
    expect(out).toEqual([
      { line: 1, text: 'ab' },
      { line: 2, text: 'سعاد' },
      { line: 3, text: 'last' },
    ]);
  });

  it('reports a line over the limit by number alone and goes on; a line at the limit is read', async () => {
    expect(await lines(['1234', '5678\n12', '34\n', 'x'.repeat(9), '\nok\n'], 8)).toEqual([
      { line: 1, text: '12345678' },
      { line: 2, text: '1234' },
      { line: 3, tooLong: true },
      { line: 4, text: 'ok' },
    ]);
  });
});

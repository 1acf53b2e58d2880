import { Transform, type Readable, type TransformCallback } from 'node:stream';

/** A line of an import file: its number and text, or only its number when it was too long to read. */
export type Line = { line: number; text: string } | { line: number; tooLong: true };

/**
 * Splits a stream into lines (LF or CRLF) of at most `maxBytes` bytes each (the LF not counted). A
 * longer line is never held: its bytes are dropped as they come and it is reported by its number
 * alone, so a file with a 5 MB line costs no more memory than one with short lines.
 */
export async function* boundedLines(input: Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 0;
  const end = (): Line => {
    line++;
    const out: Line =
      size > maxBytes
        ? { line, tooLong: true }
        : { line, text: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    size = 0;
    return out;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let start = 0; ;) {
      const nl = bytes.indexOf(10, start);
      const piece = bytes.subarray(start, nl === -1 ? bytes.length : nl);
      size += piece.length;
      if (size > maxBytes) parts = [];
      else parts.push(piece);
      if (nl === -1) break;
      yield end();
      start = nl + 1;
    }
  }
  if (size > 0) yield end();
}

/**
 * Passes a stream through unchanged until a line is longer than `maxBytes`; then it ends the
 * stream there and calls `onTooLong` with that line's number. For CSV, whose records a line may
 * not end (a quoted field), so the rest of the file cannot be read safely after such a line.
 */
export function capLines(maxBytes: number, onTooLong: (line: number) => void): Transform {
  let line = 1;
  let size = 0;
  let stopped = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (stopped) return done();
      let start = 0;
      for (let nl = chunk.indexOf(10, start); ; nl = chunk.indexOf(10, start)) {
        const length = (nl === -1 ? chunk.length : nl) - start;
        if (size + length > maxBytes) {
          stopped = true;
          onTooLong(line);
          this.push(chunk.subarray(0, start));
          this.push(null);
          return done();
        }
        if (nl === -1) {
          size += length;
          break;
        }
        size = 0;
        line++;
        start = nl + 1;
      }
      done(null, chunk);
    },
  });
}

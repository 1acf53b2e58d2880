import bidiFactory from 'bidi-js';

/**
 * Mixed Arabic and Latin text for pdfkit. pdfkit shapes Arabic letters (through fontkit) and
 * reverses a run it detects as Arabic script, but neither orders mixed right-to-left and
 * left-to-right runs nor falls back to another font for a glyph the Arabic font lacks. So a line
 * is ordered here with the Unicode Bidirectional Algorithm (bidi-js), brackets mirrored, and cut
 * into runs of one font each, in visual order, ready to draw left to right.
 */
const bidi = bidiFactory();

export type FontRole = 'arabic' | 'latin';

/** A piece of a line: a word of one font, or a gap of spaces. */
export type VisualRun = { text: string; font: FontRole } | { spaces: number };

/** Characters the Arabic font draws: Arabic script, Arabic punctuation, the joiners. */
const ARABIC_FONT = /[\p{Script=Arabic}\u060C\u061B\u061F\u0640\u200C\u200D]/u;
/** What fontkit lays out right to left: a run with a character of Arabic script. */
const FONTKIT_RTL = /\p{Script=Arabic}/u;

/**
 * The pieces of a line, left to right as they appear on the page, in a paragraph of this
 * direction. Words are drawn one by one: pdfkit lays out a string word by word and would put the
 * spaces of a right-to-left phrase at the wrong end of each word.
 */
export function visualRuns(text: string, direction: 'rtl' | 'ltr'): VisualRun[] {
  const levels = bidi.getEmbeddingLevels(text, direction);
  const chars = text.split('');
  for (const [i, c] of bidi.getMirroredCharactersMap(text, levels.levels)) chars[i] = c;
  for (const [start, end] of bidi.getReorderSegments(text, levels)) {
    if (start === undefined || end === undefined)
      throw new Error('internal error: bidi-js gave a reorder segment without its ends');
    const flipped = chars.slice(start, end + 1).reverse();
    chars.splice(start, flipped.length, ...flipped);
  }
  const runs: VisualRun[] = [];
  for (const c of chars) {
    const last = runs[runs.length - 1];
    if (/\s/.test(c)) {
      if (last && 'spaces' in last) last.spaces++;
      else runs.push({ spaces: 1 });
      continue;
    }
    // A combining mark (a shadda, a kasra) belongs to the letter before it, whatever its script.
    const mark = /\p{M}/u.test(c) && last !== undefined && 'font' in last;
    const font: FontRole = mark ? last.font : ARABIC_FONT.test(c) ? 'arabic' : 'latin';
    if (last && 'font' in last && last.font === font) last.text += c;
    else runs.push({ text: c, font });
  }
  // fontkit reverses a word it takes for Arabic script: give it such a word in logical order.
  return runs.map((r) =>
    'text' in r && FONTKIT_RTL.test(r.text) ? { ...r, text: r.text.split('').reverse().join('') } : r,
  );
}

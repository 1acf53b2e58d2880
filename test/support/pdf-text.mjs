// Reads a PDF with pdf.js (Mozilla's reader, as browsers and many archives use it) and prints what
// it extracts as JSON: the document's title and language, and the text of each page in reading
// order. A separate process: pdfjs-dist is an ES module, which jest's CommonJS runtime cannot load.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, verbosity: 0, useSystemFonts: false, disableFontFace: true }).promise;
const { info } = await pdf.getMetadata();
const pages = [];
// Each text item of the pages, with its font size in points (the scale of its text matrix).
const items = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const content = await (await pdf.getPage(n)).getTextContent();
  pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
  for (const i of content.items)
    if ('str' in i && i.str.trim())
      items.push({ page: n, str: i.str, size: Math.hypot(i.transform[0], i.transform[1]) });
}
process.stdout.write(JSON.stringify({ title: info.Title, language: info.Language, pages, items }));

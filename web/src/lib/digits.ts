/**
 * The digits dates are written in: Latin by default (as on the certificates and the national
 * card), or Arabic-Indic (٠١٢٣٤٥٦٧٨٩), which many Iraqis read in Arabic and Kurdish text. Only
 * dates follow the choice: NINs, registration numbers and counts stay Latin, as the documents
 * print them. English is always Latin. The choice is remembered, like the language.
 */
export const DIGITS = ['latn', 'arab'] as const;
export type Digits = (typeof DIGITS)[number];

const STORED = 'console.digits';
let chosen: Digits = read();

function read(): Digits {
  try {
    return localStorage.getItem(STORED) === 'arab' ? 'arab' : 'latn';
  } catch {
    return 'latn';
  }
}

export const chosenDigits = (): Digits => chosen;

export function chooseDigits(digits: Digits): void {
  chosen = digits;
  try {
    localStorage.setItem(STORED, digits);
  } catch {
    // not remembered: only the choice is lost on the next visit
  }
}

/** The digits a date is written in, in this language. */
export const dateDigits = (language: string, digits: Digits = chosen): Digits => (language === 'en' ? 'latn' : digits);

/** Latin digits written as Arabic-Indic ones (for text made here, such as Kurdish dates). */
export const arabicIndic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** Number words in es / pt / en (folded) and numeral parsing shared by victims, ages, money and phones. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map<string, number>([
  ['un', 1], ['una', 1], ['uno', 1], ['um', 1], ['uma', 1], ['one', 1], ['a', 1], ['an', 1],
  ['dos', 2], ['dois', 2], ['duas', 2], ['two', 2], ['tres', 3], ['three', 3], ['cuatro', 4], ['quatro', 4], ['four', 4],
  ['cinco', 5], ['five', 5], ['seis', 6], ['six', 6], ['siete', 7], ['sete', 7], ['seven', 7], ['ocho', 8], ['oito', 8], ['eight', 8],
  ['nueve', 9], ['nove', 9], ['nine', 9], ['diez', 10], ['dez', 10], ['ten', 10], ['once', 11], ['onze', 11], ['eleven', 11],
  ['doce', 12], ['doze', 12], ['twelve', 12], ['trece', 13], ['treze', 13], ['thirteen', 13], ['catorce', 14], ['quatorze', 14], ['catorze', 14], ['fourteen', 14],
  ['quince', 15], ['quinze', 15], ['fifteen', 15], ['dieciseis', 16], ['dezesseis', 16], ['dezasseis', 16], ['sixteen', 16],
  ['diecisiete', 17], ['dezessete', 17], ['dezassete', 17], ['seventeen', 17], ['dieciocho', 18], ['dezoito', 18], ['eighteen', 18],
  ['diecinueve', 19], ['dezenove', 19], ['dezanove', 19], ['nineteen', 19], ['veinte', 20], ['vinte', 20], ['twenty', 20],
  ['veintiuno', 21], ['veintiun', 21], ['veintiuna', 21], ['veintidos', 22], ['veintitres', 23], ['veinticuatro', 24], ['veinticinco', 25],
  ['veintiseis', 26], ['veintisiete', 27], ['veintiocho', 28], ['veintinueve', 29], ['treinta', 30], ['trinta', 30], ['thirty', 30],
  ['cuarenta', 40], ['quarenta', 40], ['forty', 40], ['cincuenta', 50], ['cinquenta', 50], ['fifty', 50], ['sesenta', 60], ['sessenta', 60], ['sixty', 60],
  ['setenta', 70], ['seventy', 70], ['ochenta', 80], ['oitenta', 80], ['eighty', 80], ['noventa', 90], ['ninety', 90],
  ['cien', 100], ['ciento', 100], ['cem', 100], ['hundred', 100], ['docena', 12], ['dozen', 12], ['decena', 10], ['dezena', 10],
]);

/** Digit words for spelled-out phone numbers. */
export const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ['cero', '0'], ['zero', '0'], ['uno', '1'], ['um', '1'], ['one', '1'], ['dos', '2'], ['dois', '2'], ['two', '2'], ['tres', '3'], ['three', '3'],
  ['cuatro', '4'], ['quatro', '4'], ['four', '4'], ['cinco', '5'], ['five', '5'], ['seis', '6'], ['meia', '6'], ['six', '6'], ['siete', '7'], ['sete', '7'], ['seven', '7'],
  ['ocho', '8'], ['oito', '8'], ['eight', '8'], ['nueve', '9'], ['nove', '9'], ['nine', '9'],
]);

const ASCII = /^[\x00-\x7f]*$/;
/** Lower case without accents; plain ASCII skips Unicode normalisation. */
export const fold = (s: string): string => (ASCII.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());

/** A number word or a compound like "treinta y dos" / "vinte e três" / "twenty-three" (folded input). */
export function wordsToNumber(phrase: string): number | null {
  const parts = phrase.split(/[\s-]+/).filter((p) => p !== 'y' && p !== 'e' && p !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  for (const p of parts) {
    const n = NUMBER_WORDS.get(p);
    if (n === undefined) return null;
    total += n;
  }
  return total;
}

/**
 * A written numeral: "3,000", "3.000", "1,5", "1.5", "23". `decimalComma` when the language writes 1,5 (es, pt).
 * Groups of exactly three digits after a separator are thousands.
 */
export function parseNumeral(s: string, decimalComma: boolean): number | null {
  const t = s.trim();
  if (!/^\d[\d.,]*$/.test(t)) return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) {
    return Number(t.replace(/[.,]/g, ''));
  }
  const dec = decimalComma ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
  const n = Number(dec);
  return Number.isFinite(n) ? n : null;
}

const SCALE: Array<[RegExp, number]> = [
  [/^(?:mil millones|bilhao|bilhoes|billion|billones?)$/, 1e9],
  [/^(?:millon|millones|milhao|milhoes|million|millions|mdp)$/, 1e6],
  [/^(?:mil|thousand|k)$/, 1e3],
];

/** Multiplier of a folded scale word ("millones" -> 1e6), or 1. */
export function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  for (const [re, v] of SCALE) if (re.test(word)) return v;
  return 1;
}

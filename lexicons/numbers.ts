import { fold } from './fold.js';

/**
 * Number words per language for the `#num` placeholder (folded). Articles that double as "one"
 * (un/una, um/uma, a/an) are left out on purpose: `#num mujeres` should not fire on "una mujer".
 */
const WORDS: Record<string, string> = {
  es: `uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete
    dieciocho diecinueve veinte veintiuno veintiún veintiuna veintidós veintitrés veinticuatro veinticinco veintiséis
    veintisiete veintiocho veintinueve treinta cuarenta cincuenta sesenta setenta ochenta noventa cien ciento
    doscientos doscientas trescientos trescientas cuatrocientos quinientos seiscientos setecientos ochocientos
    novecientos mil millón millones centenar centenares decena decenas docena docenas cientos miles`,
  pt: `dois duas três quatro cinco seis sete oito nove dez onze doze treze catorze quatorze quinze dezesseis dezasseis
    dezessete dezassete dezoito dezenove dezanove vinte trinta quarenta cinquenta sessenta setenta oitenta noventa
    cem cento duzentos duzentas trezentos trezentas quatrocentos quinhentos seiscentos setecentos oitocentos
    novecentos mil milhão milhões centena centenas dezena dezenas dúzia dúzias centenas milhares`,
  en: `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
    million millions dozen dozens score`,
};

const cache = new Map<string, ReadonlySet<string>>();

/** The folded number words of one language, or of several (for the mixed-language automaton). */
export function numberWords(langs: readonly string[]): ReadonlySet<string> {
  const key = langs.slice().sort().join(',');
  let set = cache.get(key);
  if (!set) {
    const s = new Set<string>();
    for (const l of langs) for (const w of (WORDS[l] ?? '').split(/\s+/)) if (w) s.add(fold(w));
    set = s;
    cache.set(key, set);
  }
  return set;
}

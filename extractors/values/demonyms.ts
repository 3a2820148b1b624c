/**
 * Demonyms (nationality words) in es / pt / en mapped to ISO 3166-1 alpha-2. Our own list: Latin America and
 * the Caribbean first, then the usual origin and destination countries in trafficking news.
 * Each base form expands to its gender and number variants (venezolano -> venezolana, venezolanos, venezolanas).
 */
const BASES: Record<string, string> = {
  VE: 'venezolano venezuelano venezuelan',
  CO: 'colombiano colombian',
  PE: 'peruano peruvian',
  BO: 'boliviano bolivian',
  EC: 'ecuatoriano equatoriano ecuadorian ecuadorean',
  HT: 'haitiano haitian',
  CU: 'cubano cuban',
  DO: 'dominicano dominican',
  MX: 'mexicano mexican',
  GT: 'guatemalteco guatemalan',
  HN: 'hondureño hondurenho honduran',
  SV: 'salvadoreño salvadorenho salvadoran salvadorean',
  NI: 'nicaragüense nicaraguense nicaraguan',
  CR: 'costarricense costa-riquenho costa rican',
  PA: 'panameño panamenho panamanian',
  PR: 'puertorriqueño porto-riquenho puerto rican',
  AR: 'argentino argentinian',
  CL: 'chileno chilean',
  PY: 'paraguayo paraguaio paraguayan',
  UY: 'uruguayo uruguaio uruguayan',
  BR: 'brasileño brasilero brasileiro brazilian',
  GY: 'guyanés guianense guyanese',
  SR: 'surinamés surinamês surinamese',
  JM: 'jamaiquino jamaicano jamaican',
  TT: 'trinitense trinidadian',
  US: 'estadounidense norteamericano norte-americano estadunidense',
  CA: 'canadiense canadense canadian',
  ES: 'español espanhol spaniard',
  PT: 'portugués português portuguese',
  FR: 'francés francês',
  DE: 'alemán alemão german',
  IT: 'italiano italian',
  GB: 'británico britânico british',
  CN: 'chino chinês chinese',
  KR: 'surcoreano sul-coreano south korean',
  JP: 'japonés japonês japanese',
  PH: 'filipino filipina',
  VN: 'vietnamita vietnamese',
  TH: 'tailandés tailandês thai',
  KH: 'camboyano cambojano cambodian',
  MM: 'birmano burmese',
  NP: 'nepalí nepalês nepalese nepali',
  IN: 'hindú indiano indian',
  PK: 'paquistaní paquistanês pakistani',
  BD: 'bangladesí bengalês bangladeshi',
  ID: 'indonesio indonésio indonesian',
  RU: 'ruso russo russian',
  UA: 'ucraniano ukrainian',
  RO: 'rumano romeno romanian',
  MD: 'moldavo moldovan',
  BG: 'búlgaro bulgarian',
  AL: 'albanés albanês albanian',
  NG: 'nigeriano nigerian',
  GH: 'ghanés ganês ghanaian',
  SN: 'senegalés senegalês senegalese',
  CM: 'camerunés camaronês cameroonian',
  CD: 'congoleño congolês congolese',
  AO: 'angoleño angolano angolan',
  MZ: 'mozambiqueño moçambicano mozambican',
  ET: 'etíope ethiopian',
  ER: 'eritreo eritreu eritrean',
  SO: 'somalí somali',
  KE: 'keniano queniano kenyan',
  MA: 'marroquí marroquino moroccan',
  EG: 'egipcio egípcio egyptian',
  SY: 'sirio sírio syrian',
  AF: 'afgano afegão afghan',
  IQ: 'iraquí iraquiano iraqi',
  IR: 'iraní iraniano iranian',
  TR: 'turco turkish',
  GR: 'griego grego greek',
  PL: 'polaco polonês polish',
  IL: 'israelí israelense israeli',
};

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Gender and number variants of one base form (folded). */
export function demonymForms(base: string): string[] {
  const w = fold(base);
  if (w.includes(' ')) return [w, `${w}s`];
  if (w.endsWith('o')) {
    const s = w.slice(0, -1);
    return [w, `${s}a`, `${s}os`, `${s}as`];
  }
  if (w.endsWith('es')) return [w, `${w}a`, `${w}es`, `${w}as`];
  if (w.endsWith('ao')) {
    const s = w.slice(0, -2);
    return [w, `${s}a`, `${s}aes`, `${s}as`, `${s}aos`];
  }
  if (w.endsWith('an') || w.endsWith('ian')) return [w, `${w}s`];
  if (w.endsWith('i') || w.endsWith('u')) return [w, `${w}es`, `${w}s`];
  if (w.endsWith('e') || w.endsWith('a')) return [w, `${w}s`];
  if (w.endsWith('l')) return [w, `${w}a`, `${w}es`, `${w}as`];
  if (w.endsWith('n')) return [w, `${w}a`, `${w}es`, `${w}as`];
  return [w];
}

/** Folded demonym form -> ISO country code. */
export const DEMONYMS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [cc, list] of Object.entries(BASES)) {
    // Multi-word English forms are written with a space inside one entry; split on the double boundary only.
    const parts = list.match(/south korean|costa rican|puerto rican|[^\s]+/g) ?? [];
    for (const p of parts) for (const f of demonymForms(p)) if (!m.has(f)) m.set(f, cc);
  }
  // Forms whose regular expansion is wrong or missing.
  for (const [f, cc] of [['alemanes', 'DE'], ['alemana', 'DE'], ['alemanas', 'DE'], ['espanola', 'ES'], ['espanoles', 'ES'], ['espanolas', 'ES'],
    ['americano', 'US'], ['americana', 'US'], ['americanos', 'US'], ['americanas', 'US'], ['american', 'US'], ['americans', 'US'],
    ['afgana', 'AF'], ['afganos', 'AF'], ['afegaos', 'AF'], ['chinesa', 'CN'], ['chineses', 'CN'], ['francesa', 'FR'], ['franceses', 'FR'],
    ['french', 'FR'], ['filipinos', 'PH'], ['filipinas', 'PH'], ['alemaes', 'DE'], ['espanhois', 'ES'], ['espanhola', 'ES'], ['espanholas', 'ES']] as const) m.set(f, cc);
  return m;
})();

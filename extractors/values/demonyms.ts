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
  // Added 2026-11-29: Lusophone Africa and Asia (Portuguese news), the Caribbean and Central America, and the European,
  // Asian and African origin countries of the dev news' victims ("17 Lithuanian men", "Seis cabo-verdianos").
  CV: 'caboverdiano cabo-verdiano cape verdean',
  GW: 'guineense bissau-guineense bissauguineense',
  GN: 'guineano guinean',
  GQ: 'ecuatoguineano equatoguineense',
  ST: 'santotomense são-tomense santomense',
  TL: 'timorense timorese',
  BZ: 'beliceño belizenho belizean',
  BS: 'bahameño bahamense bahamian',
  BB: 'barbadense barbadian',
  LC: 'santalucense santa-lucense saint lucian',
  AW: 'arubeño arubano aruban',
  LT: 'lituano lithuanian',
  LV: 'letón letão latvian',
  EE: 'estonio estónio estoniano estonian',
  CZ: 'checo tcheco czech',
  SK: 'eslovaco slovak',
  HU: 'húngaro hungarian',
  RS: 'serbio sérvio serbian',
  HR: 'croata croatian',
  BA: 'bosnio bósnio bosnian',
  BY: 'bielorruso bielorrusso belarusian',
  GE: 'georgiano',
  AM: 'armenio arménio armênio armenian',
  AZ: 'azerí azeri azerbaijani',
  UZ: 'uzbeko uzbeque uzbek',
  KG: 'kirguís quirguiz kyrgyz',
  TJ: 'tayiko tajique tajik',
  KZ: 'kazajo cazaque kazakh',
  LK: 'esrilanqués cingalês sri lankan',
  MY: 'malasio malaio malaysian',
  LA: 'laosiano laotian',
  KP: 'norcoreano norte-coreano north korean',
  TW: 'taiwanés taiwanês taiwanese',
  SD: 'sudanés sudanês sudanese',
  SS: 'sursudanés sul-sudanês south sudanese',
  UG: 'ugandés ugandense ugandan',
  TZ: 'tanzano tanzaniano tanzanian',
  RW: 'ruandés ruandês rwandan',
  BI: 'burundés burundiano burundian',
  CI: 'marfileño marfinense ivorian',
  ML: 'maliense malinés malian',
  SL: 'sierraleonés serra-leonês sierra leonean',
  LR: 'liberiano liberian',
  TG: 'togolés togolês togolese',
  BJ: 'beninés beninense beninese',
  BF: 'burkinés burquinense burkinabe',
  NE: 'nigerino nigerien',
  TD: 'chadiano tchadiano chadian',
  ZA: 'sudafricano sul-africano south african',
  ZW: 'zimbabuense zimbabwean',
  ZM: 'zambiano zambian',
  MW: 'malauí malawiano malawian',
  MG: 'malgache malgaxe malagasy',
  TN: 'tunecino tunisino tunisian',
  DZ: 'argelino algerian',
  LY: 'libio líbio libyan',
  JO: 'jordano jordanian',
  LB: 'libanés libanês lebanese',
  PS: 'palestino palestinian',
  YE: 'yemení iemenita yemeni',
  SA: 'saudí saudita saudi',
  AE: 'emiratí emiradense emirati',
  QA: 'qatarí catari qatari',
  KW: 'kuwaití kuwaitiano kuwaiti',
  BE: 'belga belgian',
  NL: 'neerlandés holandés holandês neerlandês dutch',
  CH: 'suizo suíço swiss',
  AT: 'austriaco austríaco austrian',
  SE: 'sueco swedish',
  NO: 'noruego norueguês norwegian',
  DK: 'danés dinamarquês danish',
  FI: 'finlandés finlandês finnish',
  IE: 'irlandés irlandês irish',
  SI: 'esloveno slovenian',
  MK: 'macedonio macedónio macedônio macedonian',
  AU: 'australiano australian',
  NZ: 'neozelandés neozelandês',
};

/** Folded as word tokens are: no accents, lower case, a hyphen read as a space ("cabo-verdianos" is "cabo verdianos"). */
const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/-/g, ' ');

/** Gender and number variants of one base form (folded). */
export function demonymForms(base: string): string[] {
  const w = fold(base);
  // Several words ("south african", "cabo verdiano" from "cabo-verdiano"): the last word varies.
  const sp = w.lastIndexOf(' ');
  if (sp > 0) return demonymForms(w.slice(sp + 1)).map((f) => `${w.slice(0, sp + 1)}${f}`);
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
    const parts = list.match(/south (?:korean|sudanese|african)|costa rican|puerto rican|cape verdean|saint lucian|north korean|sri lankan|sierra leonean|[^\s]+/g) ?? [];
    for (const p of parts) for (const f of demonymForms(p)) if (!m.has(f)) m.set(f, cc);
  }
  // Forms whose regular expansion is wrong or missing.
  for (const [f, cc] of [['alemanes', 'DE'], ['alemana', 'DE'], ['alemanas', 'DE'], ['espanola', 'ES'], ['espanoles', 'ES'], ['espanolas', 'ES'],
    ['americano', 'US'], ['americana', 'US'], ['americanos', 'US'], ['americanas', 'US'], ['american', 'US'], ['americans', 'US'],
    ['afgana', 'AF'], ['afganos', 'AF'], ['afegaos', 'AF'], ['chinesa', 'CN'], ['chineses', 'CN'], ['francesa', 'FR'], ['franceses', 'FR'],
    ['french', 'FR'], ['filipinos', 'PH'], ['filipinas', 'PH'], ['alemaes', 'DE'], ['espanhois', 'ES'], ['espanhola', 'ES'], ['espanholas', 'ES']] as const) m.set(f, cc);
  return m;
})();

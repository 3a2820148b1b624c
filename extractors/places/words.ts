/** Word lists for toponym detection (folded: lower case, no accents). Our own lists. */

/** A word before a name that makes a place reading likely ("en Cartagena", "in Dallas", "em Manaus"). */
export const CUES = new Set([
  'in', 'at', 'from', 'near', 'to', 'into', 'across', 'outside', 'throughout', 'around', 'toward', 'towards', 'via', 'between',
  'en', 'desde', 'hacia', 'hasta', 'para', 'por', 'entre', 'cerca', 'de', 'del',
  'em', 'no', 'na', 'nos', 'nas', 'do', 'da', 'dos', 'das', 'pelo', 'pela', 'ate',
]);
/** Cues that are strong alone: the next capitalised name is a place almost always. */
export const STRONG_CUES = new Set(['in', 'en', 'em', 'near', 'cerca', 'desde', 'hacia', 'throughout', 'outside', 'na', 'no']);

/** Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Isle of Man"). */
export const CONNECTORS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'do', 'da', 'dos', 'das', 'of', 'the', 'y', 'e', 'upon', 'on', 'sur', 'am', 'an', 'der', 'di', 'du', 'des', 'le', 'les']);

/** Words after a name that keep it a place inside an organisation name ("Dallas Police", "Bogotá University"). */
export const ORG_HEADS = new Set([
  'police', 'county', 'city', 'state', 'department', 'dept', 'university', 'college', 'airport', 'sheriff', 'sheriff\'s', 'fire',
  'public', 'school', 'schools', 'high', 'board', 'council', 'court', 'mayor', 'chamber', 'hospital', 'district', 'region',
  'regional', 'area', 'metro', 'metropolitan', 'international', 'times', 'post', 'herald', 'tribune', 'news', 'daily',
  'federal', 'province', 'government', 'authorities', 'officials', 'residents', 'bay', 'harbor', 'port', 'valley',
  'policia', 'policía', 'fiscalia', 'alcaldia', 'gobernacion', 'prefeitura', 'governo', 'estado', 'provincia',
]);

/** Words after a name that make it a street or a building, not the town. */
export const STREET_HEADS = new Set([
  'street', 'st', 'road', 'rd', 'avenue', 'ave', 'drive', 'dr', 'boulevard', 'blvd', 'lane', 'ln', 'highway', 'hwy', 'pike',
  'parkway', 'pkwy', 'trail', 'circle', 'place', 'terrace', 'square', 'hall', 'church', 'building', 'hotel', 'center', 'centre',
  'park', 'mall', 'plaza', 'elementary', 'middle',
]);

/** Titles before a person's name. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sr', 'sra', 'srta', 'don', 'dona', 'dr', 'dra', 'gov', 'sen', 'rep', 'president', 'presidente',
  'judge', 'juez', 'jueza', 'juiz', 'juiza', 'officer', 'sgt', 'lt', 'capt', 'coach', 'father', 'padre', 'pastor', 'rev', 'saint', 'san', 'santa',
  'sheriff', 'chief', 'detective', 'deputy', 'sergeant', 'lieutenant', 'captain', 'commissioner', 'councilman', 'councilwoman', 'superintendent', 'agent', 'trooper', 'attorney', 'mayor', 'governor', 'senator',
  'general', 'gen', 'col', 'coronel', 'alias', 'senor', 'senora', 'senhor', 'senhora', 'fiscal', 'delegado', 'delegada', 'deputy',
]);

/** Capitalised words that collide with place names but rarely are one in news text. */
export const COMMON = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'janeiro', 'fevereiro', 'marco', 'maio', 'junho', 'julho', 'setembro', 'outubro', 'novembro', 'dezembro',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'paz', 'victoria', 'esperanza', 'mercedes', 'dolores', 'soledad', 'consuelo', 'caridad', 'gloria', 'luz', 'pilar', 'fe', 'amor', 'libertad', 'union', 'progreso', 'bella', 'linda',
  'police', 'policia', 'mission', 'hope', 'liberty', 'independence', 'justice', 'justicia', 'enterprise', 'commerce', 'progress', 'unity', 'harmony', 'friendship', 'paradise',
  'mobile', 'reading', 'bath', 'nice', 'orange', 'christmas', 'easter', 'university', 'college', 'church', 'mass', 'home', 'man', 'best', 'most', 'many', 'more',
  'city', 'county', 'state', 'town', 'center', 'centre', 'north', 'south', 'east', 'west', 'central', 'street', 'new', 'national', 'republic', 'republica', 'federal', 'capital',
  'god', 'dios', 'deus', 'jesus', 'maria', 'mary', 'god\'s', 'obama', 'trump', 'bush', 'clinton', 'biden', 'lula', 'bolsonaro', 'petro', 'milei', 'maduro', 'chavez',
  'the', 'this', 'that', 'these', 'there', 'but', 'and', 'or', 'if', 'when', 'after', 'before', 'while', 'for', 'with', 'as', 'by', 'on', 'a', 'an', 'it', 'he', 'she', 'we', 'they', 'his', 'her',
  'el', 'la', 'los', 'las', 'un', 'una', 'o', 'os', 'as', 'um', 'uma', 'se', 'que', 'con', 'com', 'sin', 'sem', 'segun', 'segundo', 'tras', 'apos', 'durante', 'mientras', 'pero', 'mas', 'ya', 'tambien',
  'premier', 'prime', 'minister', 'ministro', 'ministerio', 'congress', 'congreso', 'senate', 'senado', 'house', 'white', 'black', 'red', 'green', 'gold', 'golden', 'silver', 'royal', 'grand', 'great',
  'internet', 'facebook', 'twitter', 'google', 'apple', 'amazon', 'island', 'beach', 'lake', 'river', 'mount', 'fort', 'port', 'bay', 'valley', 'hill', 'hills', 'spring', 'springs', 'falls',
  'democrat', 'democrats', 'republican', 'republicans', 'senator', 'governor', 'mayor', 'sheriff', 'chief', 'officer', 'deputy', 'judge', 'attorney', 'detective',
  'trata', 'tráfico', 'trafico', 'victima', 'victimas', 'vitima', 'vitimas', 'operacion', 'operacao', 'fiscalia', 'justica', 'estado', 'gobierno', 'governo', 'hoy', 'ayer', 'hoje', 'ontem',
  'northwest', 'northeast', 'southwest', 'southeast', 'northern', 'southern', 'eastern', 'western', 'gulf', 'metro', 'free', 'section', 'van', 'brittany',
  'nacional', 'national', 'oriental', 'occidental', 'metropolitana', 'metropolitano', 'sul', 'norte', 'sur', 'leste', 'oeste', 'centro',
  'cristo', 'santo', 'santa', 'san', 'sao', 'saint', 'real', 'nueva', 'nuevo', 'nova', 'novo', 'bien', 'buena', 'bueno', 'boa', 'bom', 'alta', 'alto', 'grande', 'mar', 'sol', 'luna',
]);

/** Words before a name that make it a compass/area modifier rather than a person's first name. */
export const AREA_MODIFIERS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'downtown', 'upstate', 'rural', 'metro', 'metropolitan',
  'norte', 'sur', 'sul', 'oeste', 'leste', 'este', 'centro',
]);

/** Multi-word names that are institutions, not places. */
export const COMMON_PHRASES = new Set(['el nino', 'la nina', 'white house', 'casa blanca', 'casa branca', 'new world', 'middle earth', 'main street', 'wall street']);

/** Verbs of saying next to a bare name make it a speaker. */
export const SPEECH = new Set(['said', 'says', 'told', 'added', 'explained', 'asked', 'wrote', 'dijo', 'afirmo', 'declaro', 'explico', 'senalo', 'indico', 'disse', 'afirmou', 'declarou', 'explicou']);

/**
 * English first names that are also the names of towns, states or countries ("Chad Walker", "Virginia Alexander",
 * "Lincoln", "Tyler"): followed by a surname they are a person. Our own list, joined with the entities' first names.
 */
export const PLACE_FIRST_NAMES = new Set([
  'chad', 'jordan', 'georgia', 'virginia', 'carolina', 'dakota', 'montana', 'nevada', 'india', 'israel', 'kenya', 'chelsea', 'savannah',
  'charlotte', 'florence', 'sydney', 'austin', 'dallas', 'houston', 'lincoln', 'jackson', 'madison', 'tyler', 'troy', 'eugene', 'warren',
  'clinton', 'marion', 'beverly', 'shelby', 'chester', 'vernon', 'douglas', 'logan', 'milton', 'stanley', 'raleigh', 'carson', 'orlando',
  'denver', 'brooklyn', 'aurora', 'camden', 'dayton', 'eden', 'homer', 'irving', 'ivy', 'laurel', 'nelson', 'quincy', 'sherman', 'vincent',
  'wayne', 'crystal', 'ben', 'taylor', 'lee', 'allen', 'barry', 'curtis', 'dale', 'dean', 'floyd', 'franklin', 'fred', 'glen', 'glenn',
  'grant', 'harvey', 'herbert', 'howard', 'jasper', 'jefferson', 'kent', 'lawrence', 'leon', 'lewis', 'lyndon', 'marshall', 'mitchell',
  'morgan', 'murray', 'norman', 'paris', 'phoenix', 'preston', 'ray', 'russell', 'sidney', 'spencer', 'wesley', 'winston',
  'adrian', 'alexandria', 'beatrice', 'bristol', 'cameron', 'camilla', 'clayton', 'cleveland', 'elgin', 'elizabeth', 'elmira', 'hamilton',
  'henderson', 'hudson', 'kingston', 'lafayette', 'lorraine', 'mckinney', 'mesa', 'odessa', 'regina', 'reno', 'sharon', 'stanton',
  'valencia', 'victoria', 'winchester', 'ariel', 'darwin', 'salem', 'milan', 'vienna', 'geneva', 'alma', 'angelica', 'augusta', 'bethany',
  'celeste', 'chandler', 'clifton', 'colby', 'dalton', 'darlington', 'derby', 'dexter', 'dudley', 'easton', 'everett', 'fletcher', 'harlan',
  'jerome', 'kendall', 'kimberley', 'kirby', 'lamar', 'lowell', 'mansfield', 'marlow', 'maxwell', 'melbourne', 'merrill', 'monroe', 'myrtle',
  'percy', 'reading', 'rochester', 'roscoe', 'ross', 'rowan', 'sterling', 'tracy', 'trenton', 'tucker', 'walker', 'wallace', 'whitney',
  'ashley', 'brandon', 'chloe', 'cody', 'kyle', 'travis', 'dylan', 'hailey', 'mckenzie', 'bailey', 'riley', 'avery', 'parker', 'mason',
]);

/** Language, nationality and people words that are also the names of small towns ("English", "Spanish", "Roman", "Arab"). */
export const LANGUAGE_WORDS = new Set([
  'english', 'spanish', 'french', 'german', 'italian', 'dutch', 'roman', 'latin', 'arab', 'arabic', 'hispanic', 'african', 'asian', 'european',
  'indian', 'irish', 'scottish', 'welsh', 'chinese', 'japanese', 'korean', 'russian', 'polish', 'greek', 'turkish', 'jewish', 'christian', 'muslim',
  'catholic', 'protestant', 'canadian', 'american', 'mexican', 'cuban', 'persian', 'hindu', 'swiss', 'swedish', 'norwegian', 'danish', 'finnish',
]);

/** Words after a place name that make it the name of a disease ("Hong Kong flu", "Lassa fever", "Marburg virus"). */
export const DISEASE_WORDS = new Set(['virus', 'fever', 'flu', 'disease', 'syndrome', 'influenza', 'encephalitis', 'strain', 'variant']);

import type { Entity, PersonRole } from '../core/index.js';
import type { AnalysisDoc, Extractor } from './types.js';

/*
 * People's roles (victim, suspect, official, other) for person entities, in Spanish, Portuguese and English.
 *
 * Each mention gets the evidence its own sentence gives, graded by how tightly the words bind to the name:
 * - 3, bound: a title or noun right before the name ('la fiscal Ana Torres', 'a vítima Ana', 'alias Flaco'), an
 *   apposition right after it ('Ana Torres, fiscal de...', 'Rosa, la víctima'), the name as the object of a verb
 *   ('rescataron a Ana', 'prenderam João') or the subject of a passive ('Ana fue captada', 'João foi preso'), a
 *   pseudonym note ('Ana (nombre ficticio)');
 * - 2, clause: an active verb of the name ('Pedro captaba', 'Ana escapó'), a relative's title ('su madre, Carmen'; 3 right
 *   before the name),
 *   a minor's age in apposition ('Ana, de 16 años', '15-year-old Ana');
 * - 1, nearby: the nearest role word in the sentence (what version 1 did alone).
 * Mentions of one person are then grouped (a mention whose name words all belong to one longer mention: 'López',
 * 'María Fernanda' -> 'María Fernanda López'), and the whole group takes the role of its strongest evidence; on a tie
 * the victim role wins, so that a doubt hides a name rather than shows it. A role set before this stage (a
 * missing-person notice's subject) counts as the strongest evidence. Names in one coordination ('condenó a X y a su
 * pareja, Y') share their evidence. A person with no evidence at all gets no role: the text does not establish one,
 * and the default redaction masks such names too (`NamePolicy.maskUnknownRoles` in redact.ts).
 *
 * Before that, two kinds of mention the tagger missed are added: names a text gives as pseudonyms ('la llamaremos
 * Rosa', '"Micaela" (nombre cambiado)'), as victims; and a word of a known person's name standing alone ('Linklater,
 * then 17, ...'), kept in the entity list only when it turns out to be a victim's, so that the tagger's output is
 * otherwise unchanged. Measured in samples/roles/README.md (scripts/score-roles.ts). Our own word lists.
 */

type Role = PersonRole;
interface Evidence {
  role: Role;
  strength: number;
}

/** Base letters of the accented Latin letters (U+00C0-U+024F) whose decomposition starts with a-z. */
const ACCENT_BASE: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (let c = 0xc0; c <= 0x24f; c++) {
    const ch = String.fromCharCode(c).toLowerCase();
    const base = ch.normalize('NFD')[0]!;
    if (ch.length === 1 && base !== ch && /[a-z]/.test(base)) m.set(ch, base);
  }
  return m;
})();

/** Lower case, accents removed, one UTF-16 unit per unit, so offsets into the folded text are offsets into the text. */
export function foldSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower.replace(/[\u00c0-\u024f]/g, (c) => ACCENT_BASE.get(c) ?? c);
  // A letter whose lower case is longer ('İ'): unit by unit.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const l = s[i]!.toLowerCase();
    const ch = l.length === 1 ? l : s[i]!;
    out += ACCENT_BASE.get(ch) ?? ch;
  }
  return out;
}

const alt = (words: readonly string[]) => words.join('|');

/** Public offices, before or after a name (folded). Our own list. */
const OFFICIAL_TITLES = alt([
  'fiscal', 'fiscala', 'fiscales', 'juez', 'jueza', 'juiz', 'juiza', 'magistrad[oa]', 'desembargador[a]?', 'delegad[oa]', 'comandante',
  'coronel', 'general', 'capitan', 'capitao', 'teniente', 'tenente', 'sargento', 'subcomisari[oa]', 'comisari[oa]', 'comissari[oa]',
  'inspector[a]?', 'inspetor[a]?', 'auditor[a]?(?:-| )fiscal', 'auditor[a]?', 'agente', 'perit[oa]', 'escriva[oa]?', 'investigador[a]? (?:de la|da|do|del) (?:policia|pdi|dijin|sijin|fiscalia|pf|prf|pc)',
  'director[a]?', 'diretor[a]?', 'jef[ea]', 'chefe', 'ministr[oa]', 'viceministr[oa]', 'secretari[oa]', 'subsecretari[oa]', 'alcalde',
  'alcaldesa', 'prefeit[oa]', 'gobernador[a]?', 'governador[a]?', 'vocer[oa]', 'portavoz', 'porta-voz', 'superintendente',
  'promotor[a]?', 'procurador[a]?', 'defensor[a]? (?:publica?|del pueblo|do povo)', 'defensor[a]? publico', 'consul', 'consula',
  'embajador[a]?', 'embaixador[a]?', 'senador[a]?', 'diputad[oa]', 'deputad[oa]', 'congresista', 'concejal', 'vereador[a]?',
  'policia', 'policial', 'patrullero', 'oficial', 'subteniente', 'cabo', 'detective', 'detetive', 'prosecutor', 'u\\.?s\\.? attorney',
  'district attorney', 'attorney general', 'assistant attorney', 'judge', 'justice', 'officer', 'sheriff', 'deputy', 'agent',
  'special agent', 'trooper', 'constable', 'superintendent', 'commissioner', 'spokes(?:wo)?man', 'spokesperson', 'minister',
  'mayor', 'governor', 'chief', 'lieutenant', 'sergeant', 'captain', 'senator', 'congress(?:wo)?man', 'ambassador', 'secretary',
  'colonel', 'major', 'corporal', 'conselheir[oa] tutelar', 'const\\.', 'councill?or', 'crown counsel', 'crown attorney', 'titular', 'subcomisionad[oa]', 'comisionad[oa]', 'subcomissari[oa]', 'relator[a]?', 'ouvidor[a]?', 'intendente', 'jefatura', 'magistrate', 'investigator', 'asp', 'sen\\.', 'rep\\.', 'det\\.', 'sgt\\.', 'lt\\.', 'capt\\.', 'gen\\.', 'col\\.', 'insp\\.', 'supt\\.',
]);

/** Relatives and other private roles (lawyers, neighbours, NGO staff), before or after a name (folded). */
const OTHER_TITLES = alt([
  'madre', 'padre', 'mae', 'pai', 'hermana', 'hermano', 'irma', 'irmao', 'tia', 'tio', 'abuela', 'abuelo', 'avo', 'prima', 'primo',
  'esposa', 'esposo', 'marido', 'mujer de', 'companera', 'companero', 'companheira', 'companheiro', 'novia', 'novio', 'namorada',
  'namorado', 'cunada', 'cunado', 'mother', 'father', 'sister', 'brother', 'aunt', 'uncle',
  'grandmother', 'grandfather', 'cousin', 'interprete', 'interpreter', 'tradutor[a]?', 'traductor[a]?', 'translator', 'wife', 'husband', 'boyfriend', 'girlfriend', 'abogad[oa]',
  'advogad[oa]', 'lawyer', 'defense attorney', 'defence lawyer', 'attorney for', 'attorney', 'barrister', 'solicitor', 'letrad[oa]',
  'defensor[a]?', 'atty\\.?', 'locutor[a]?', 'apresentador[a]?', 'presentador[a]?', 'conductor[a]? del programa', 'host', 'anchor', 'entrevistador[a]?', 'defen[cs]e counsel', 'counsel for', 'caseworker', 'case worker', 'advocate', 'cacique', 'elder',
  '(?:with )?reporting by', 'editing by', 'reported by', 'written by', 'additional reporting by', 'vecin[oa]', 'vizinh[oa]', 'neighbou?r',
  'activista', 'ativista', 'activist', 'sacerdote', 'pastor[a]?', 'padre catolico', 'priest', 'monja', 'freira', 'nun',
  'coordinador[a]?', 'coordenador[a]?', 'coordinator', 'fundador[a]?', 'founder', 'investigador[a]?', 'pesquisador[a]?',
  'researcher', 'professor[a]?', 'profesor[a]?', 'psicolog[oa]', 'psychologist', 'trabajador[a]? social', 'assistente social',
  'social worker', 'periodista', 'jornalista', 'journalist', 'reporter', 'testigo', 'testemunha', 'witness', 'amiga', 'amigo',
  'friend', 'voluntari[oa]', 'volunteer', 'maestr[oa]', 'teacher', 'docente', 'orientador[a]?', 'entrenador[a]?', 'treinador[a]?', 'coach', 'medic[oa]', 'doctor[a]?', 'enfermer[oa]', 'enfermeir[oa]', 'nurse', 'supervisor[a]?', 'antropolog[oa]', 'sociolog[oa]', 'academic',
]);

/** Nouns of a job that an apposition naming a body turns into an office ('X, coordenador da Diretoria da PJ'). */
const JOB_NOUNS = alt([
  'coordinador[a]?', 'coordenador[a]?', 'coordinator', 'director[a]?', 'diretor[a]?', 'jef[ea]', 'chefe', 'head', 'responsable', 'responsavel',
  'encargad[oa]', 'integrante', 'miembro', 'membro', 'member', 'funcionari[oa]', 'official', 'servidor[a]?', 'analista', 'analyst',
  'especialista', 'specialist', 'asesor[a]?', 'assessor[a]?', 'advis[eo]r', 'representante', 'representative', 'tecnic[oa]', 'titular',
  'investigador[a]?', 'pesquisador[a]?', 'researcher', 'psicolog[oa]', 'psychologist', 'trabajador[a]? social', 'assistente social',
  'social worker', 'presidente', 'presidenta', 'president', 'vicepresidente', 'gerente', 'manager', 'subdirector[a]?', 'subdiretor[a]?',
  'secretari[oa]', 'portavoz', 'porta-voz', 'vocer[oa]', 'spokes(?:wo)?man', 'spokesperson', 'agente', 'perit[oa]', 'auditor[a]?',
  'inspector[a]?', 'inspetor[a]?', 'comandante', 'fiscal', 'procurador[a]?', 'promotor[a]?', 'delegad[oa]', 'defensor[a]?',
]);

/** Victims: nouns right before a name, and what a victim is called in apposition (folded). */
const VICTIM_NOUNS = alt([
  'victima', 'victimas', 'vitima', 'vitimas', 'victim', 'victims', 'sobreviviente', 'sobrevivente', 'survivor', 'la menor',
  'a menor', 'el menor', 'o menor', 'menor de edad', 'adolescente', 'nina', 'nino', 'menina', 'menino', 'garota', 'garoto',
  'girl', 'boy', 'teen', 'teenager', 'la joven', 'a jovem', 'o jovem', 'el joven', 'desaparecid[oa]', 'missing',
  'rescatad[oa]s?', 'resgatad[oa]s?', 'rescued',
]);

/** Trades of the people rescued from forced labour, bound before a name (folded; victim, 2). */
const WORKER_NOUNS = alt([
  'workers?(?! social)', 'trabajador[a]?(?! social)', 'trabajadores', 'trabalhador[a]?(?! social)', 'trabalhadores', 'jornaler[oa]s?',
  'emplead[oa] domestic[oa]', 'empregada domestica', 'domestic worker',
  'lavrador[a]?', 'pedreiro', 'servente', 'peao', 'peon', 'boia-fria', 'cortador[a]? de [\\p{L}]+', 'carvoeiro', 'jornaleiro',
  'trabalhador[a]? rural', 'agricultor[a]?', 'costureir[oa]', 'costurer[oa]', 'empregada', 'baba', 'cuidadora', 'cozinheir[oa]',
  'domestica', 'seamstress', 'farmhand', 'labou?rer', 'fisherm[ae]n', 'pescador', 'minero', 'mineiro', 'garimpeiro', 'temporer[oa]',
  'vendimiador[a]?', 'recolector[a]?', 'cosechador[a]?', 'albanil', 'obrer[oa]', 'operari[oa]', 'cook', 'cociner[oa]', 'nanny', 'ninera',
  'maid', 'cleaner', 'builder', 'buzos?', 'divers?', 'crewm[ae]n', 'deckhand', 'tripulante', 'marinero', 'marinheiro', 'fishermen', 'carpenter',
  'bricklayer', 'farm worker', 'milker', 'jornalero', 'peones', 'interna', 'trabajadora del hogar', 'trabalhadora domestica',
]);
/** Children and wards in a family case ('su propia hija, X', 'a enteada, X'): in these stories, mostly the victim. */
const CHILD_KIN = alt([
  'hija', 'hijo', 'hijastra', 'hijastro', 'filha', 'filho', 'enteada', 'enteado', 'sobrina', 'sobrino', 'sobrinha', 'sobrinho', 'nieta',
  'nieto', 'neta', 'neto', 'ahijada', 'afilhada', 'daughter', 'son', 'stepdaughter', 'stepson', 'niece', 'nephew', 'granddaughter',
]);
const CHILD_KIN_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${CHILD_KIN})s?(?:\\s+(?:de|da|do|of|\\d{1,2}|anos|years|old|menor|mayor|mais nova|mas joven|youngest|eldest))*[\\s,]*$`, 'u');
const WORKER_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${WORKER_NOUNS})s?(?:\\s+(?:de|da|do|\\d{1,2}|anos|years|old|[\\p{L}]+(?:an[oa]|ense|ista)))?[\\s,]*$`, 'u');

/** Participles of what is done to victims (folded, as word starts). */
const VICTIM_PASSIVE = alt([
  'rescatad', 'liberad', 'resgatad', 'libertad', 'rescued', 'freed', 'captad(?!or)', 'reclutad(?!or)', 'recrutad(?!or)', 'aliciad(?!or)', 'enganad(?!or)',
  'explotad(?!or)', 'explorad(?!or)', 'exploited', 'trafficked', 'traficad', 'vendid', 'sold', 'obligad', 'obrigad', 'forzad', 'forcad', 'forced',
  'coerced', 'abusad', 'abused', 'violad', 'estuprad', 'raped', 'secuestrad', 'sequestrad', 'kidnapped', 'abducted',
  'desaparecid', 'reported missing', 'last seen', 'vist[oa] por (?:la |a )?ultima vez', 'localizad', 'located', 'found',
  'encontrad', 'hallad', 'lured', 'recruited', 'deceived', 'tricked', 'contratad[oa]s? (?:en|con|para|com|em|por)', 'approached', 'contacted', 'contactad', 'offered (?:a )?(?:job|work)', 'promised', 'groomed', 'held', 'retenid', 'retid', 'mantid', 'kept', 'encerrad',
  'trancad', 'confined', 'drogad', 'drugged', 'amenazad', 'ameacad', 'threatened', 'golpead', 'espancad', 'beaten',
  'prostituid', 'sometid', 'submetid', 'submitted', 'smuggled', 'transportad', 'trasladad', 'levad', 'llevad', 'taken',
  'atendid', 'acolhid', 'albergad', 'sheltered', 'identificad[oa] como victima', 'reunid', 'reunited',
]);

/** Participles of what is done to suspects (folded, as word starts). */
const SUSPECT_PASSIVE = alt([
  'capturad', 'detenid', 'detained', 'taken into custody', 'in custody', 'remanded', 'booked', 'held (?:at|in|on|without) (?:the )?(?:[\\p{L}$,.0-9]+ ){0,3}(?:jail|prison|custody|bail|bond|remand|detention)', 'arrestad', 'arrested', 'aprehendid', 'apprehended', 'pres[oa]s?\\b', 'detid', 'condenad', 'convicted',
  'sentenced', 'sentenciad', 'acusad', 'accused', 'charged(?! for)', 'indiciad', 'denunciad', 'imputad', 'procesad', 'processad',
  'vinculad', 'investigad[oa]s?\\b', 'investigated', 'indicted', 'extraditad', 'extradited', 'prendid', 'autuad', 'deportad', 'deported',
  'buscad[oa] por', 'wanted', 'foragid', 'profug', 'fugitiv', 'identified as the (?:suspect|leader|recruiter)', 'jailed',
  'encarcelad', 'recluid', 'enviad[oa] a (?:prision|la carcel)', 'remitid', 'judged', 'juzgad', 'julgad', 'declarad[oa] culpable',
  'found guilty', 'pleaded guilty', 'se declaro culpable', 'confes', 'formalizad', 'at large', 'em liberdade',
]);

/** Active verbs whose subject is a suspect (folded, word starts). */
const SUSPECT_ACTIVE = alt([
  'captaba', 'capto', 'captaron', 'reclut', 'recrut', 'alici', 'engan', 'explotaba', 'exploto', 'explorava', 'explorou',
  'obligaba', 'obligo', 'obrigava', 'obrigou', 'forzaba', 'forcava', 'vendio', 'vendeu', 'vendia', 'sold', 'ofrecia', 'ofrecio',
  'oferecia', 'ofereceu', 'prometio', 'prometia', 'prometeu', 'recruited', 'lured', 'forced', 'exploited', 'trafficked', 'ran a',
  'operated', 'regenteaba', 'administraba', 'gerenciava', 'cobraba', 'cobrava', 'retenia', 'retinha', 'amenazaba', 'ameacava',
  'abusaba', 'abuso', 'abusou', 'pimped', 'smuggled', 'transportaba', 'transportava', 'lideraba', 'liderava', 'led a', 'dirigia',
  'mantenia', 'mantinha', 'mantuvo', 'manteve', 'kept', 'held', 'confiscated', 'took (?:her|his|their) passport', 'quedaba con', 'retuvo', 'reteve',
  'pleaded guilty', 'se declaro culpable', 'admitted', 'confeso', 'confessou', 'nego', 'denied', 'denies', 'deny', 'faces', 'face charges',
  'threatened', 'amenazo', 'ameacou',
  'offered', 'offering', 'paid for', 'owned', 'ran', 'managed', 'nega', 'niega', 'se nego a declarar', 'se negou a depor', 'refused to testify', 'declined to comment', 'pagava', 'pagaba', 'recebia as vitimas', 'recibia a las victimas', 'controlava', 'controlaba', 'controlled', 'vigiava', 'vigilaba', 'anunciava', 'anunciaba', 'advertised', 'organizou', 'organizo', 'organized', 'organised', 'geriam', 'geria', 'gerenciava', 'falsificaba', 'falsificava', 'forged',
]);

/** Active verbs whose subject is usually a victim (folded, word starts). */
const VICTIM_ACTIVE = alt([
  'escapo', 'escapou', 'escaped', 'huyo', 'fugiu', 'fled', 'logro escapar', 'conseguiu fugir', 'managed to escape', 'pidio ayuda',
  'pediu ajuda', 'asked for help', 'sobrevivio', 'sobreviveu', 'survived', 'desaparecio', 'desapareceu', 'disappeared', 'went missing',
  'salio de su casa', 'saiu de casa', 'left home', 'nunca regreso', 'nunca voltou', 'never returned', 'fue vista', 'foi vista',
  'was last seen', 'testified', 'gave evidence', 'testifico', 'presto depoimento', 'prestou depoimento', 'deu depoimento', 'presto declaracion', 'gave a statement', 'testemunhou', 'recuerda', 'recordo', 'lembra', 'relembra', 'recalls', 'recalled',
  'relato', 'relatou', 'relata', 'conto', 'contou', 'conta', 'cuenta',
]);

/** Verbs right before a name whose object is a victim (folded, word starts). */
const VICTIM_OBJECT = alt([
  'rescat', 'resgat', 'liber(?!tad)', 'rescued', 'freed', 'salv', 'saved', 'localiz', 'located', 'encontr', 'found', 'hall', 'ofrecio a', 'ofrecieron a', 'prometio a', 'prometieron a', 'ofereceu a', 'prometeu a', 'sees', 'see', 'seen', 'entreg', 'handed over', 'reten', 'retin', 'retuv', 'retained', 'mantenia', 'mantinha', 'convenc', 'persuad', 'convinced', 'persuaded', 'groomed',
  'atend', 'acolh', 'albergar', 'repatri', 'paradero de', 'paradeiro de',
  'whereabouts of', 'desaparicion de', 'desaparecimento de', 'disappearance of', 'captar', 'capto a', 'reclut', 'recrut', 'alici',
  'engan', 'explot', 'explor', 'exploited', 'vend', 'sold', 'oblig', 'obrig', 'forced', 'secuestr', 'sequestr', 'kidnapped', 'abus',
  'lured', 'recruited', 'trafficked', 'tricked', 'deceived', 'prostitu', 'groom', 'amber alert for', 'alerta amber (?:para|por)',
  'alerta alba (?:para|por)', 'missing', 'where is', 'donde esta', 'onde esta', 'has anyone seen', 'have you seen', 'alguien ha visto',
  'alguem viu', 'ajude a encontrar', 'help (?:us )?find',
]);

/** Verbs right before a name whose object is a suspect (folded, word starts). */
const SUSPECT_OBJECT = alt([
  'captur', 'detuv', 'deten', 'sancion', 'aprehension de', 'detencion de', 'detencao de', 'captura de', 'arresto de', 'prisao de', 'arrest of', 'detention of', 'arrest', 'aprehend', 'apprehended', 'prend', 'conden', 'sentenc', 'imput', 'acus', 'accus', 'charged',
  'denunci', 'procesa', 'processa', 'investiga(?:n|ron|ram|m|ndo|ting|ted)? a\\b', 'investigou', 'investigating', 'vincul', 'indict', 'convict', 'extradit', 'orden de captura contra',
  'ordem de prisao contra', 'warrant for', 'mandado de prisao contra', 'prision preventiva (?:a|contra|para)', 'prisao preventiva de',
  'jailed', 'deport', 'identificaron al? (?:presunto|responsable)', 'cargos contra', 'charges against', 'conviction of', 'sentencing of',
  'trial of', 'condena de', 'julgamento de', 'juicio (?:a|contra)',
]);

/** Words that end the reach of a title or noun before a name: verbs of saying, conjunctions, relative pronouns. */
const REACH_BREAK = String.raw`(?!(?:said|says|dijo|dice|disse|diz|afirmo|afirmou|explico|explicou|senalo|told|that|que|quien|who|and|y|e|with|con|com|para|for|by|por|pelo|pela|to|a|al|ao)\b)`;
const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${OFFICIAL_TITLES})(?:es|s)?(?:\\s+${REACH_BREAK}[\\p{L}.'’-]+){0,6}?[\\s,]*$`, 'u');
const OTHER_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:su|sua|seu|his|her|their|la|el|a|o|the|dona|dono|un|una|um|uma|an?)?\\s*(${OTHER_TITLES})(?:[\\s,]+[\\p{L}.'’-]+){0,5}?[\\s,]*$`, 'u');
const VICTIM_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${VICTIM_NOUNS})(?:es|s)?(?:[\\s,]+(?:\\d{1,2} (?:y|e|and) \\d{1,2}|identificad[oa]|identified|como|as|only|solo|apenas|llamad[oa]|chamad[oa]|named|called|de|\\d{1,2}|anos|años|anos|years?|old|-year-old|young|joven|jovem|[a-z]+(?:an[oa]?s?|ense?s?|es[ae]s?|ish|ians?|in[oa]s?|eir[oa]s?|en[oa]s?|ay[oa]s?|e?c[oa]s?|tec[oa]s?))){0,4}[\\s,]*$`, 'u');
/** 'el padre de la menor, X', 'a mãe da vítima, X': the victim noun belongs to the title before it, which is X's. */
const OF_VICTIM_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${OTHER_TITLES}|${OFFICIAL_TITLES})\\s+(?:de|do|da|del|dos|das|of)\\s+(?:(?:la|el|a|o|the|las|los|as|os)\\s+)?(?:${VICTIM_NOUNS})(?:es|s)?[\\s,]*$`, 'u');
const RELATIVE_ADJACENT = new RegExp(`(?:^|[^\\p{L}])(?:${OTHER_TITLES})\\s*,?\\s*(?:(?:la|el|o|a|dona|don|senora|senhora|sr|sra|mrs|mr|ms)\\.?\\s+)?$`, 'u');
const TITLE_OF = new RegExp(`(?:^|[^\\p{L}])(?:${OTHER_TITLES})\\s+(?:de|do|da|del|dos|das|of)\\s+(?:(?:la|el|o|a|the)\\s+)?$`, 'u');
const TITLE_INSIDE = new RegExp(`^(?:${OFFICIAL_TITLES})\\s`, 'u');
const OTHER_INSIDE = new RegExp(`^(?:${OTHER_TITLES})\\s`, 'u');
const ALIAS_BEFORE = /(?:^|[^\p{L}])(?:alias|a\.k\.a\.?|aka|vulgo(?: de)?)\s*["“«'‘]?\s*(?:el|la|o|a|the)?\s*["“«'‘]?\s*$/u;
/** 'Known as', 'apodado': nicknames of suspects mostly, but victims have them too; weaker than 'alias'. */
const KNOWN_AS_BEFORE = /(?:^|[^\p{L}])(?:apodad[oa]|(?:conocid[oa]|conhecid[oa]|known|knew|know|conocia|conoce|conocen|conocian|conhecia|conhece|conhecem|conheciam)(?: [\p{L}]+){0,4} (?:como|as|por)|nicknamed|apelidad[oa](?: de)?|(?:le |lo |la |o |a )?(?:llamaban|llaman|decian|chamavam|chamam|apelidavam|called)(?: [\p{L}]+){0,2}?)\s*["“«'‘]?\s*(?:el|la|o|a|the)?\s*["“«'‘]?\s*$/u;
const PSEUDONYM_BEFORE = /(?:llamaremos|chamaremos|llamaremos aqui|we will call|we call|we are calling|we're calling|we have called|we've called|asked to be (?:called|identified (?:only )?as)|pidio ser identificad[oa] como|pidio que la llamaran|pediu para ser chamad[oa] de|pediu para ser identificad[oa] como|who gave (?:only )?(?:her|his) first name,?|de nombre ficticio|com nome ficticio|pede para ser chamad[oa] de|pide (?:que )?(?:la|lo|le) llamen|prefere ser chamad[oa] de|prefiere ser llamad[oa]|(?:nomes?|nombres?) ficticios? de|pseudonimos? de|seudonimos? de|pseudonyms?|called here|here called|aqui chamad[oa] de|aqui llamad[oa])\s*["“«'‘]?\s*$/u;
/** Words allowed between a verb and its object's name ('detuvo a dos hombres, identificados como X'). */
const OBJECT_FILLER = alt([
  'a', 'al', 'à', 'as', 'las', 'los', 'la', 'el', 'o', 'os', 'the', 'an?', 'un', 'una', 'um', 'uma', 'dos', 'dois', 'duas', 'tres', 'two',
  'three', 'young', 'joven', 'jovenes', 'jovem', 'jovens', 'menor', 'menores', 'adolescentes?', 'ninas?', 'meninas?', 'mujer', 'mujeres',
  'mulher', 'mulheres', 'woman', 'women', 'girls?', 'hombres?', 'homem', 'homens', 'man', 'men', 'personas?', 'pessoas?', 'persons?',
  'senora', 'senhora', 'dona', 'don', 'de', 'da', 'do', 'del', 'identified', 'identificad[oa]s?', 'como', 'as', '\\d{1,2}', 'anos', 'years?',
  'old', '-year-old', 'tambien', 'tambem', 'also', 'ademas', 'y', 'e', 'and', 'ciudadan[oa]s?', 'cidada[oa]s?', 'citizens?', 'nationals?',
  '[a-z]+(?:an[oa]s?|en[oa]s?|es[ae]s?|in[oa]s?|eir[oa]s?|ian|ians)', '(?:su|sua|seu|his|her|their|sus|suas|seus) [\\p{L}]+',
]);
const OBJECT_BEFORE = (verbs: string) =>
  new RegExp(`(?:^|[^\\p{L}])(?:${verbs})(?![\\p{L}]*(?:dor|dora|dores|doras|ers?)(?![\\p{L}]))[\\p{L}]*(?:\\s+(?:en|em|no|na|in|at|desde|durante|por|for)(?:\\s+(?!(?:by|por|pelo|pela|que|who|quien|they|ellos|eles|that|which|cuando|quando|when)\\b)[\\p{L}\\d-]+){1,5}?)?(?:\\s+(?:${OBJECT_FILLER}),?){0,8}\\s*["“«]?$`, 'u');
const VICTIM_OBJECT_BEFORE = OBJECT_BEFORE(VICTIM_OBJECT);
/** Searching for someone: a missing person, or a wanted one; weaker than the other objects. */
const SEARCH_OBJECT_BEFORE = OBJECT_BEFORE(alt(['busca', 'procura', 'search(?:ing)? for', 'looking for']));
const SUSPECT_OBJECT_BEFORE = OBJECT_BEFORE(SUSPECT_OBJECT);
/** Who runs the place or the trip: owners, employers, recruiters, bound before a name (folded; suspect, 2). */
const SUSPECT_NOUNS = alt([
  'owner', 'operator', 'duen[oa]', 'propietari[oa]', 'proprietari[oa]', 'dono', 'patron', 'patrao', 'empleador[a]?', 'empregador[a]?',
  'employer', 'encargad[oa]', 'gerente', 'manager', 'madame', 'recruiter', 'reclutador[a]?', 'recrutador[a]?', 'aliciador[a]?',
  'enganchador[a]?', 'captador[a]?', 'tratante', 'proxeneta', 'cafetina', 'cafiche', 'padrote', 'cafetao', 'cafetina', 'trafficker',
  'pimp', 'smuggler', 'coyote', 'suspect', 'sospechos[oa]', 'suspeit[oa]', 'acusad[oa]', 'accused', 'defendant', 'detenid[oa]',
  'capturad[oa]', 'pres[oa]', 'condenad[oa]', 'imputad[oa]', 'cabecilla', 'cabecilha', 'lider de la red', 'ringleader', 'leader', 'lider',
  'arguid[oa]', 'reu\\b', 'detid[oa]', 'denunciad[oa]', 'fazendeiro', 'fazendeira', 'pecuarista', 'empresari[oa]', 'empreiteir[oa]',
  'arrendatari[oa]', 'socio-administrador[a]?', 'socio', 'hacendad[oa]', 'finquer[oa]', 'contratista', 'contractor', 'businessman',
  'businesswoman', 'farmer', 'rancher', 'armador', 'capataz', 'encarregad[oa]', 'formalizad[oa]', 'business partner', 'dona da casa', 'duena de casa', 'patroa', 'patrona', 'mujer que la recluto', 'homem que organizou',
]);
const SUSPECT_BEFORE = new RegExp(`(?:^|[^\\p{L}])(${SUSPECT_NOUNS})(?:es|s)?(?:[\\s,]+${REACH_BREAK}[\\p{L}.'’-]+){0,6}?[\\s,]*$`, 'u');
const MINOR_AGE_BEFORE = /(?:^|[^\p{L}\d])(?:(\d{1,2})[-\s]year[-\s]old\s+(?:[\p{L}]+\s+)?|(?:a los|aos|at|at age|com|con)\s+(\d{1,2})(?:\s+(?:anos|years(?: old)?))?\s*,\s*)$/u;

/** Apposition right after the name: ', fiscal de...', ', la víctima', ', alias...', ', de 16 años', ' (16)'. */
const APPOSITION = /^\s*(?:\(\d{1,2}(?:\s+(?:anos|years))?\)\s*)?(?:,|\(|-|–|—|:)\s*(?:(?:el|la|o|a|the|an?|su|sua|seu|his|her|their|un|una|um|uma)\s+)?(?:(?:ex|former|antigu[oa]|actual|current|nuev[oa]|nov[oa]|new|propi[oa]|own)\s+)?/u;
const APPOS_TITLE = new RegExp(`^(?:[\\p{L}-]+\\s+){0,2}?(?:${OFFICIAL_TITLES})\\b`, 'u');
const APPOS_OTHER = new RegExp(`^(?:[\\p{L}'’-]+\\s+){0,1}?(?:${OTHER_TITLES})\\b`, 'u');
const APPOS_SUSPECT = new RegExp(`^(?:[\\p{L}-]+\\s+){0,1}?(?:${SUSPECT_NOUNS})\\b`, 'u');
const APPOS_JOB = new RegExp(`^(?:[\\p{L}-]+\\s+){0,1}?(?:${JOB_NOUNS})\\b`, 'u');
/** A victim noun as a whole apposition ('X, la víctima, ...'), not the subject of a new clause ('X, a adolescente era levada'). */
const APPOS_VICTIM_PHRASE = new RegExp(`^(?:${VICTIM_NOUNS})(?:es|s)?(?:\\s+(?:de|da|do|del|of|en|em|in)\\s+[^,.;:()]{1,50})?\\s*(?:[,.;:)]|$)`, 'u');
const APPOS_ALIAS = /^(?:alias|a\.k\.a|aka|vulgo|apodad[oa]|conocid[oa] como|conhecid[oa] como|known as)\b/u;
const AGE_AFTER = /^\s*(?:(?:,|\(|-|–)\s*(?:(?:ambas|ambos|both|las dos|los dos|as duas|os dois)\s+)?(?:de\s+|who is\s+|aged\s+|then\s+|now\s+|entonces(?: de)?\s+|entao com\s+|con\s+|com\s+)?|(?:,\s*)?(?:que |who |quien )?(?:tenia|tinha|had|was|era|is|es|tiene|tem|tenia apenas|tinha apenas|was only|tenia solo)\s+)(\d{1,2})(?:\s*(?:anos|years?|y\.o\.|,|\)|-year-old)|\s*$)/u;
const PSEUDONYM_AFTER = /^\s*["”»'’]?\s*(?:\(|,|-|–|—)?\s*(?:(?:su|sua|seu|her|his|un|el|o|a)\s+)?(?:nombre ficticio|nombre cambiado|nombre modificado|nombre protegido|nome ficticio|nome trocado|nome alterado|not (?:her|his|their) real name|a pseudonym|pseudonimo|seudonimo|name (?:has been )?changed|identidad (?:protegida|reservada)|identidade preservada|nombre real (?:se )?reserva|pide que no se publique su apellido|pidio que no se publicara su apellido|pede que (?:o )?(?:seu )?sobrenome nao seja (?:publicado|divulgado)|asked (?:that )?(?:her|his) (?:surname|last name) not be (?:published|used)|asked not to be (?:named|identified)|(?:para|to) (?:proteger|preservar|protect|preserve) (?:su|a sua|sua|her|his|their) (?:identidad|identidade|identity|privacidad|privacidade|privacy)|pidio no ser identificad[oa]|pediu para nao ser identificad[oa]|(?:asi|como) (?:pidio|prefiere|quiso) ser llamad[oa]|(?:assim|como) (?:pediu|prefere|quis) ser chamad[oa]|as (?:she|he) (?:asked|prefers|wished) to be (?:called|known)|(?:who|que|quien) (?:asked|pidio|pediu) (?:that |que |para )?(?:her|his|su|seu|o seu|o) (?:real |full |verdadero |verdadeiro |completo )?(?:name|nombre|nome)(?: (?:verdadero|verdadeiro|completo))? (?:not|no|nao))/u;
// One aside between commas ('X, de 40 años, fue...'), or up to two more short ones without a clause of their own ('X, 58,
// of Lyons, Georgia, pleaded guilty').
const BETWEEN = String.raw`(?:\s*,[^,.;:!?]{1,80}(?:\s*,(?:(?!(?<!\p{L})(?:que|that|quien|who|which|y|e|and)\b)[^,.;:!?]){1,30}){0,2},["”»’']?)?\s*,?\s*(?:quien|quienes|que|who|whom|which|also|tambien|tambem|ya|ja|hoy|hoje|today|now|ahora|agora|aun|ainda|still|had|has|have|presuntamente|supuestamente|allegedly|reportedly|(?:police|prosecutors|investigators|authorities|officials|la policia|la fiscalia|a policia|os investigadores) (?:say|said|allege|dicen|dijeron|afirman|dizem|disseram)|segun (?:la policia|la fiscalia|los investigadores)|\s)*`;
const PASSIVE_AFTER = new RegExp(
  `^${BETWEEN}(?:fue|fueron|foi|foram|was|were|era|eram|eran|ha sido|han sido|habia sido|havia sido|tinha sido|had been|has been|have been|is being|esta siendo|estaba|estava|estan|estao|seria|teria sido|resulto|acabo|ended up|got|sigue|segue|continua|permanece|remains|is|are|esta|está)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:(${SUSPECT_PASSIVE})|(${VICTIM_PASSIVE}))`,
  'u',
);
const NAME_ITEM = String.raw`[\p{L}.'’-]+(?:\s+[\p{L}.'’-]+){0,3}(?![\p{L}])`;
/** 'X, Y y Z fueron contratados': the first names of a list take the list's verb. */
const LIST_PASSIVE_AFTER = new RegExp(
  `^(?:\\s*,\\s*${NAME_ITEM}){0,5}(?:\\s*,\\s*|\\s+)(?:y|e|and)\\s+${NAME_ITEM}(?:\\s*,[^,.;:]{1,40},)?\\s+(?:fueron|foram|were|eran|eram|han sido|have been|estaban|estavam|had been|habian sido|tinham sido)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:(${SUSPECT_PASSIVE})|(${VICTIM_PASSIVE}))`,
  'u',
);
/** 'X llegó a Málaga y fue obligada...': a passive after a first verb of the same subject. */
const LATER_PASSIVE_AFTER = new RegExp(
  `^\\s+[^,.;:]{1,60}?\\s(?:y|e|and)\\s+(?:luego\\s+|depois\\s+|then\\s+|later\\s+|alli\\s+|la\\s+)?(?:fue|foi|was)\\s+(?:[\\p{L}]+\\s+){0,2}?(?:(${SUSPECT_PASSIVE})|(${VICTIM_PASSIVE}))`,
  'u',
);
const ACTIVE_AFTER = new RegExp(`^${BETWEEN}(?:(${SUSPECT_ACTIVE})|(${VICTIM_ACTIVE}))`, 'u');
/** Exploitation itself as the name's verb ('X, quien la vendió', 'X captaba'): as strong as a bound cue. */
/** ', a quien la fiscal imputa...', ', whom police accuse...': the name as the object of a relative clause. */
const RELATIVE_OBJECT_AFTER = new RegExp(
  `^\\s*,\\s*(?:a quien(?:es)?|al que|a la que|a los que|whom|a quem|o qual|a qual)\\s+(?:[\\p{L}]+\\s+){0,5}?(?:(${SUSPECT_OBJECT}|se (?:le )?(?:acusa|imputa|senala|investiga|busca por)|acusa|imputa|senala)|(${VICTIM_OBJECT}))`,
  'u',
);
/** What only victims get or do: compensation, work without pay, 'X y las demás víctimas'. */
const VICTIM_STRONG_AFTER = new RegExp(
  `^${BETWEEN}(?:(?:recibio|recibira|recebeu|recebera|vai receber|received|will receive|was awarded|fue indemnizad|foi indenizad)[^.;]{0,50}(?:indemniz|indeniz|compensa|verbas|back wages|reparac|salarios (?:adeudados|atrasados))|(?:trabalhou|trabalhava|trabajo|trabajaba|worked)(?: [\\p{L}]+){0,5}? (?:sem|sin|without) (?:carteira|salario|sueldo|paga|pagamento|receber|cobrar|pay|wages|a day off|descanso|folga)|(?:y|e|and) (?:(?:las|los|as|os|the) )?(?:demas|restantes|demais|other|outras|otras|otros|outros) (?:victimas|vitimas|victims))`,
  'u',
);
/** A participle right after the name, without an auxiliary, before a preposition: a headline's passive ('Builder
 * Darren kept in garden hut', 'Joven rescatada en...'). */
const BARE_PASSIVE_AFTER = new RegExp(
  `^\\s+(?!threatened to\\b)(?:(${SUSPECT_PASSIVE})|(${VICTIM_PASSIVE}))[\\p{L}]*\\s+(?:in|at|from|to|into|for|by|on|en|em|de|desde|a|por|pelo|pela|no|na|hacia|para)\\b`,
  'u',
);
/** The text calls the person a victim or survivor ('identified Bautista as a victim', 'X es una de las víctimas'). */
const CALLED_VICTIM_AFTER = new RegExp(
  `^${BETWEEN}(?:(?:es|is|era|was|foi|fue|e|has been|ha sido) |(?:as|como) )(?:(?:a|an|una|uma|la|the|one of the|una de las|uno de los|uma das|um dos|otra|outra|another)\\s+)*(?:victim|victima|vitima|survivor|sobreviviente|sobrevivente)s?\\b`,
  'u',
);
/** A survivor's story: a promise that took her away, her age 'when' it began. */
const STORY_AFTER = /^\s+[^.;]{0,80}?(?:con la promesa de|com a promessa de|with the promise of|with a promise of|con una oferta de|com uma oferta de|tras una oferta de)|^\s+(?:tenia|tinha|was|had just turned|acababa de cumplir|mal tinha)\s+\d{1,2}(?:\s+(?:anos|years(?: old)?))?\s+(?:cuando|quando|when)\b/u;
const STRONG_SUSPECT_AFTER = new RegExp(
  `^${BETWEEN}(?:la |lo |las |los |a |as |o |os |le |les |her |him |them )?(?:captaba|capto|reclut|recrut|alici|engan|explotaba|exploto|explorava|explorou|obligaba|obligo|obrigava|obrigou|vendio|vendeu|vendia|sold|prostitu|traficaba|traficava|trafficked|lured|recruited|forced|exploited|abusaba|abuso|abusou|pimped|responde por|respondera por|faces? charges|nega as acusacoes|niega los cargos|denies the charges|(?:recibio|recebeu|received|got|was given) (?:una pena de |uma pena de |pena de |a sentence of )?\\d+ (?:anos|years|meses|months)|(?:was given|were given|received|got|recebeu|recibio|le impusieron) (?:a |an |una |uma )?(?:[\\p{L}-]+ ){0,3}(?:sentence|jail term|prison term|condena|pena de prision|pena de prisao)|(?:acted|served|worked) as (?:(?:his|her|their|the) )?(?:enforcer|lookout|driver|accomplice|right-hand man)|(?:fue|foi|was|were|fueron|foram) (?:presentad[oa]s?|apresentad[oa]s?|brought|arraigned|llevad[oa]s?|levad[oa]s?)(?: [\\p{L}]+){0,2}? (?:ante|before|perante|em|a la|al|to) (?:(?:un|una|el|la|o|a|the|um|uma)\\s+)?(?:juez|jueza|juiz|juiza|judge|magistrad|tribunal|court|audiencia|juzgado)|arraigned|(?:appeared|appears|will appear|is due to appear) (?:before|in) (?:the )?(?:[\\p{L}]+ ){0,3}(?:court|judge|magistrates?)|(?:aguarda|aguardam|espera|awaits|is awaiting|esta a aguardar) (?:o |el |a |la )?(?:julgamento|juicio|trial|sentencing|sentenca|sentencia)|(?:cumple|cumplira|cumpre|cumprira|is serving|serves|will serve) (?:(?:una|uma|a|la) )?(?:pena|condena|sentence|\\d+ (?:anos|years|meses|months))|(?:acepto|aceptaron|admitted|admitiu|confesso) (?:los )?(?:cargos|charges|the charges|os crimes|el delito|os fatos)|(?:vai|va a|will) (?:responder|responde) (?:por|for)|(?:ficava|ficavam|se quedaba|se quedaban) (?:com|con) (?:tod[oa]s? )?(?:o |a |el |la |os |as |los |las )?(?:dinheiro|dinero|salario|sueldo|pagamento|pago|ganancias|ganhos)|(?:atuava|actuaba|acted|served|worked|trabajaba|trabalhava|funcionava|funcionaba) (?:como|as) (?:(?:a|o|el|la|the|an?)\\s+)?(?:${SUSPECT_NOUNS}))`,
  'u',
);
/** Before a name: what only a defendant has ('la defensa de X'), a prison term ('condenó a 12 años de prisión a X'),
 * the agent of a passive of exploitation ('levado pelo tio, X', 'liderada por X'), a relative clause of
 * exploitation ('la vecina que la reclutó, X'). */
const AGAINST_BEFORE = /(?:sentencia|condena|cargos|acusacion|denuncia|orden de (?:captura|aprehension|detencion)|proceso|imputacion|juicio|acao|mandado|processo|charges|case|indictment|complaint|warrant|verdict)[^.;:]{0,60}\b(?:contra|against)\s+(?:(?:el|la|o|a|the)\s+)?$/u;
/** What belongs to a victim: 'el caso de X', 'o relato de X', 'la desaparición de X' (before); "X's testimony" (after). */
const VICTIM_OF_BEFORE = /(?:reparacion (?:economica |integral )?(?:para|a)|indemnizacion (?:para|a)|indenizacao (?:para|a)|compensation (?:for|to)|restitution (?:for|to)|el caso de|o caso de|el testimonio de|o testemunho de|el relato de|o relato de|o depoimento de|la declaracion de|la desaparicion de|o desaparecimento de|el rescate de|o resgate de|la busqueda de|a busca (?:de|por)|el paradero de|o paradeiro de|la familia de|a familia de|la madre de|a mae de|el padre de|o pai de|the case of|the disappearance of|the rescue of|the family of|the mother of)\s+$/u;
const VICTIM_OF_AFTER = /^['’]s?\s+(?:account|testimony|story|statement|ordeal|disappearance|rescue|case|mother|father|parents|family|grandmother|aunt|traffickers?|captors?|abusers?|exploiters?|pimp|recruiter)\b/u;
const SUSPECT_OF_AFTER = /^['’]s?\s+(?:defen[cs]e|lawyers?|attorneys?|arrest|conviction|sentencing|trial|indictment|accomplices?|co-defendants?|victims?)\b/u;
const DEFENCE_BEFORE = /(?:la defensa de|a defesa de|el abogado de|la abogada de|o advogado de|a advogada de|defensor de|the defen[cs]e (?:for|of)|lawyer for|attorney for|lawyers for|attorneys for)\s*$/u;
const PRISON_TERM_BEFORE = /(?:anos|years|meses|months|decadas) (?:de (?:prision|carcel|reclusion|prisao|reclusao|cadeia|carcere|penitenciaria|privacion de (?:la )?libertad)|in prison|behind bars)(?: [\p{L}]+){0,3}?\s+(?:a\s+|al\s+|o\s+|el\s+)?$/u;
const AGENT_BEFORE = new RegExp(
  `(?:(?:${VICTIM_PASSIVE})[\\p{L}]*(?:\\s+[\\p{L}]+){0,8}?|liderad[oa]|chefiad[oa]|comandad[oa]|encabezad[oa]|organizad[oa]|run|led|organi[sz]ed|operated|owned)\\s+(?:por|pelo|pela|by)\\s+(?:(?:o|a|el|la|the|su|sua|seu|his|her|their)\\s+)?(?:[\\p{L}]+\\s*,?\\s*)?$`,
  'u',
);
const EXPLOITER_CLAUSE_BEFORE = /(?:que|quien|who|quem)\s+(?:la |lo |las |los |a |as |o |os |le |les |her |him |them )?(?:captaba|capto|reclut|recrut|alici|engan|explot|explor|oblig|obrig|vend|sold|organiz|arranged|agenci|abord|approached|financi|pago|pagou|paid|trajo|trouxe|brought|llevo|levou|took|ofrecio|ofereceu|offered|prometio|prometeu|promised|contrato|contratou|hired|administrava|administraba|gerenciava|regenteaba|dirigia|ran|owned)[\p{L}]*(?:\s+[\p{L}-]+){0,5}?\s*,\s*(?:(?:identificad[oa]s? (?:solo |apenas )?como|identified (?:only )?as|conocid[oa] como|conhecid[oa] como|known as|(?:na|no|don|dona|sr|sra|mr|mrs|ms)\.?)\s*)?$/u;


/** A byline: 'Por X', 'By X', 'Reportagem de X' opening a line or following a sentence, the name ending its line or
 * running into the next capitalised word or a date (a headline glued to the body: 'Por Ana Ruiz CULIACÁN, Sin.', 'Escrito
 * por X 17 de noviembre'); or '— X' at the very end. Read on the raw text: case matters here. */
const BYLINE_BEFORE = /(?:(?:^|\n|[.!?]["”»]?\s+)\s*(?:Por|By|POR|BY|Reportagem de|Reportaje de|Texto de|Texto|Escrito por|Written by|Text by|Fotos? de)\s*:?|\n\s*[—–-])\s*$/u;
const BYLINE_AFTER = /^(?:\s*$|\s*\n|\s*(?:[|/,—–-]\s*)?(?:\p{Lu}|\d|de\s+\p{Lu}|em\s+\p{Lu}|en\s+\p{Lu}|in\s+\p{Lu}|\())/u;
/** The speaker of 'said her client', 'dijo que su cliente', 'afirmou que o seu cliente': a lawyer. */
const CLIENT_AFTER = new RegExp(`^${'\\s*,?\\s*(?:[\\p{L}]+\\s+){0,2}?'}(?:said|says|told|argued|dijo|dice|afirmo|sostuvo|argumento|disse|diz|afirmou|alegou|sustentou)\\s+(?:that\\s+|que\\s+)?(?:(?:her|his|their|su|sus|o seu|a sua|seu|sua|o|a)\\s+)?(?:client|clients|cliente|clientes|defendid[oa]s?|representad[oa]s?)\\b`, 'u');

/** 'mãe do Wesley', 'father of a boy': an aside that names someone else through a relation. */
const RELATION_OF = new RegExp(`(?:^|[^\\p{L}])(?:${OTHER_TITLES})\\s+(?:de|do|da|del|dos|das|of)\\s`, 'u');
/**
 * Whether the first `length` characters after a name hold two asides or more and relate the name to someone else, so
 * that the second aside and the verb after it may be that other person's ('X, mãe do Y, de 14 anos, que…'); one aside
 * alone leaves the verb to the name ('X, madre de los acusados, permanece detenida').
 */
function crossesName(after: string, length: number): boolean {
  const seg = after.slice(0, length);
  return (seg.match(/,/g)?.length ?? 0) >= 3 && RELATION_OF.test(seg);
}

/** Public bodies: an apposition that names one makes an official ('X, coordinador regional de la Defensoría'). */
const PUBLIC_BODY = /\b(?:fiscalia|defensoria|policia|policial|ministerio|secretaria|procuraduria|gobernacion|alcaldia|prefeitura|governo|gobierno|government|ministry|department|departamento|dept|office|oficina|agency|agencia|unidad|unidade|unit|division|direccion|diretoria|superintendencia|juzgado|tribunal|corte|court|migracion|migracao|inm|icbf|dif|dijin|sijin|pdi|fgr|fge|mpt|mpf|pf|prf|fbi|hsi|ice|dhs|doj|cbp|interpol|guardia|guarda|gendarmeria|prefectura|carabineros|ejercito|army|armada|navy|police|sheriff|county|state|estado|municipal|federal|nacional|national|consulado|consulate|embajada|embaixada|embassy|senado|senate|congreso|congress|camara|assembly|asamblea|inspeccion|inspecao|fiscalizacao|auditoria|ministerio publico)\b/u;
/** Private bodies: an apposition or title that names one makes someone other ('directora de la fundación X'). */
const PRIVATE_BODY = /\b(?:shelter|albergue|abrigo|refugio|casa de acogida|casa de acolhimento|centro de acogida|fundacion|fundacao|foundation|ong|ngo|onlus|asociacion|associacao|association|organizacion|organizacao|organization|organisation|colectivo|coletivo|red|rede|network|iglesia|igreja|church|pastoral|caritas|universidad|universidade|university|college|instituto de investigacion|think tank|centro de estudios|observatorio|sindicato|union|empresa|company|firm|bufete|escritorio|despacho|law firm|periodico|jornal|newspaper|diario|radio|canal|channel)\b/u;
/** An apposition that says what someone does in office ('X, quien dirige la seccional de Fiscalía'). */
const LEADS = /^(?:quien|que|who)\s+(?:dirige|encabeza|lidera|coordina|preside|comanda|chefia|heads|leads|directs|runs|oversees|supervisa|manages|administra|gerencia|founded|fundo)\b/u;
/** 'Entre ellas X', 'among them X': the name takes the role of the group named before. */
const AMONG_BEFORE = /(?:(?:among|entre) (?:those|los|las|os|as|the) [\p{L} ]{1,40}?(?:was|were|estaba|estaban|estava|estavam|figura|figuran|figuram|esta|estao|are|is)(?:\s+[\p{L}-]+){0,4}|(?:victims|victimas|vitimas|liberad[oa]s|rescatad[oa]s|resgatad[oa]s|libertad[oa]s|freed|rescued|survivors|sobrevivientes|sobreviventes)[^.:;]{0,30}:|entre (?:ellas|ellos|elas|eles|las cuales|los cuales|as quais|os quais)|(?:uma|um) (?:delas|deles)|(?:una|uno) de (?:ellas|ellos)|one of them|among them|among whom|including|incluidas?|incluidos?|incluindo|incluyendo)\s*,?\s*$/u;
const VICTIM_CUE_G = new RegExp(`(?:^|[^\\p{L}])(?:${VICTIM_NOUNS}|${VICTIM_OBJECT}|${VICTIM_PASSIVE})`, 'gu');
const SUSPECT_CUE_G = new RegExp(`(?:^|[^\\p{L}])(?:${SUSPECT_NOUNS}|${SUSPECT_OBJECT}|${SUSPECT_PASSIVE})`, 'gu');
const lastIndex = (g: RegExp, s: string): number => {
  g.lastIndex = 0;
  let at = -1;
  for (let m = g.exec(s); m !== null; m = g.exec(s)) at = m.index;
  return at;
};
/** Speech verbs before a name that survivors' stories use ('relata Hernández', 'recalls Rosa'), not officials' 'dijo'. */
const VICTIM_SPEECH_BEFORE = /(?:^|[^\p{L}])(?:relata|relato|recuerda|recordo|rememora|cuenta|conto|conta|relatou|lembra|lembrou|recorda|recordou|recalls|recalled|remembers)\s*,?\s*$/u;
const STARTS_SUSPECT_PASSIVE = new RegExp(`^(?:${SUSPECT_PASSIVE}|senalad[oa] como|apontad[oa] como|described as the|identificad[oa] como (?:el|la|o|a) (?:presunt|responsable|lider|cabecilla|reclutador|recrutador))`, 'u');
const STARTS_VICTIM_PASSIVE = new RegExp(`^(?:${VICTIM_PASSIVE})`, 'u');

/** Role words for the nearby fallback (version 1's cues, folded). */
const NEARBY: Array<[Role, RegExp]> = [
  ['victim', /\b(?:victimas?|vitimas?|victims?|survivor|sobreviviente|sobrevivente|rescatad[oa]s?|resgatad[oa]s?|rescued|desaparecid[oa]s?|missing|explotad[oa]s?|explorad[oa]s?|la joven|a jovem|la menor|a menor|the girl|denunciante|sin (?:sueldo|salario|paga)|sem (?:salario|pagamento|receber)|without (?:pay|wages))\b/gu],
  ['suspect', /\b(?:alias|a\.k\.a\.?|capturad[oa]s?|detenid[oa]s?|arrestad[oa]s?|aprehendid[oa]s?|imputad[oa]s?|acusad[oa]s?|procesad[oa]s?|condenad[oa]s?|sentenciad[oa]s?|presunt[oa]s?|sospechos[oa]s?|suspeit[oa]s?|pres[oa]s?|investigad[oa]s?|tratante|proxeneta|cafetina|lider de la red|cabecilla|arrested|suspects?|charged|accused|convicted|defendants?|traffickers?|pimp|indicted|sentenced)\b/gu],
  ['official', new RegExp(`\\b(?:${OFFICIAL_TITLES})\\b`, 'gu')],
];

/** A word before a period that does not end a sentence: an initial, a title ('J.', 'Sr.', 'Det.', 'Sen.'). */
const ABBREVIATION_END = /(?:^|[^\p{L}])(?:\p{Lu}|Sr|Sra|Dr|Dra|Mr|Mrs|Ms|Det|Const|Cpl|Sgt|Lt|Capt|Gen|Col|Insp|Supt|Sen|Rep|Atty|Hon|St|Jr|No|Nº|sr|sra|dr|dra)$/u;

/** Where the sentence holding [start, end) begins and ends (periods of initials and titles do not end it). */
function sentenceBounds(text: string, start: number, end: number): [number, number] {
  let left = start;
  while (left > 0 && start - left < 400) {
    const c = text[left - 1]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && !(c === '.' && ABBREVIATION_END.test(text.slice(Math.max(0, left - 7), left - 1))))) break;
    left--;
  }
  let right = end;
  while (right < text.length && right - end < 400) {
    const c = text[right]!;
    if (c === '\n' || ((c === '.' || c === '!' || c === '?') && !(c === '.' && ABBREVIATION_END.test(text.slice(Math.max(0, right - 6), right))))) break;
    right++;
  }
  return [left, right];
}

const better = (a: Evidence | null, b: Evidence | null): Evidence | null => {
  if (!a) return b;
  if (!b) return a;
  if (a.strength !== b.strength) return a.strength > b.strength ? a : b;
  return PRIORITY[a.role] <= PRIORITY[b.role] ? a : b;
};
/** On a tie, the role that hides a name wins. */
const PRIORITY: Record<Role, number> = { victim: 0, suspect: 1, official: 2, other: 3 };

/**
 * What the sentence says about the person named at [start, end): the strongest piece of evidence, or null. `floor` is
 * where the words before the name may begin at the earliest: the end of the previous person's name, so that the title
 * of one person does not reach the next ('segundo a delegada X, Daniela era obrigada').
 */
export function mentionEvidence(text: string, start: number, end: number, floor = 0): Evidence | null {
  const [sl, sr] = sentenceBounds(text, start, end);
  const before = foldSameLength(text.slice(Math.max(sl, floor, start - 120), start));
  // A name the tagger took with its possessive ("Kravets's") is read as the name, then "'s ...".
  const own = /['’]s$/u.test(text.slice(start, end)) ? end - 2 : end;
  const after = foldSameLength(text.slice(own, Math.min(sr, own + 160)));
  const name = foldSameLength(text.slice(start, end));
  let best: Evidence | null = null;
  const give = (role: Role, strength: number) => {
    best = better(best, { role, strength });
  };

  // A title the name carries as its first word ('delegado Marcos Oliveira', Portuguese names keep their titles).
  if (TITLE_INSIDE.test(name)) give('official', 3.5);
  // Only a title in lower case: 'padre Evandro Lima', not 'Irma Soto' (a name that folds to 'irmã').
  else if (OTHER_INSIDE.test(name) && /^\p{Ll}/u.test(text[start]!)) give('other', 3.5);

  // Bound before the name: title, victim noun, alias, pseudonym, object of a verb.
  if (ALIAS_BEFORE.test(before)) give('suspect', 3);
  else if (KNOWN_AS_BEFORE.test(before)) give('suspect', 2);
  if (PSEUDONYM_BEFORE.test(before)) give('victim', 3);
  const tailWords = before.split(/\s+/).slice(-9).join(' ');
  if (VICTIM_BEFORE.test(tailWords) && !OF_VICTIM_BEFORE.test(tailWords)) give('victim', 3);
  const title = TITLE_BEFORE.exec(tailWords);
  if (title) give(PRIVATE_BODY.test(tailWords.slice(title.index)) ? 'other' : 'official', 3);
  if (VICTIM_SPEECH_BEFORE.test(before)) give('victim', 2);
  if (AMONG_BEFORE.test(before)) {
    const group = foldSameLength(text.slice(Math.max(0, start - 300), start));
    const v = lastIndex(VICTIM_CUE_G, group);
    const sx = lastIndex(SUSPECT_CUE_G, group);
    if (v >= 0 || sx >= 0) give(v > sx ? 'victim' : 'suspect', 3);
  }
  // 'la madre de X' makes X the relative's child, not a relative ('o advogado de X': X is the client).
  if (OTHER_BEFORE.test(tailWords) && !TITLE_OF.test(before)) give('other', RELATIVE_ADJACENT.test(before) ? 3 : 2.5);
  if (SUSPECT_BEFORE.test(tailWords)) give('suspect', 2);
  const objectTail = before.split(/\s+/).slice(-14).join(' ');
  const vObj = VICTIM_OBJECT_BEFORE.exec(objectTail);
  const sObj = SUSPECT_OBJECT_BEFORE.exec(objectTail);
  // The nearer verb governs the name ('la policía que rescató a Ana capturó a Pedro').
  if (vObj && (!sObj || vObj.index > sObj.index)) give('victim', 3);
  else if (sObj) give('suspect', 3);
  else if (SEARCH_OBJECT_BEFORE.test(objectTail)) give('victim', 2);
  if (AGAINST_BEFORE.test(before) || DEFENCE_BEFORE.test(before) || PRISON_TERM_BEFORE.test(before) || AGENT_BEFORE.test(objectTail) || EXPLOITER_CLAUSE_BEFORE.test(before)) give('suspect', 3);
  // 'Esa trabajadora, X' points back to someone already described (an NGO worker as often as a rescued one).
  if (WORKER_BEFORE.test(tailWords) && !/(?:^|[^\p{L}])(?:esa|ese|essa|esse|aquella|aquele|aquela|that|this|esta|este)\s+[\p{L}]+\s*,?\s*$/u.test(before)) give('victim', 2);
  if (CHILD_KIN_BEFORE.test(before)) give('victim', 1.5);
  // 'El caso de X' is mostly a victim's case, but a court's case is the defendant's: weaker than a bound cue.
  if (VICTIM_OF_BEFORE.test(before)) give('victim', 2);
  const minorBefore = MINOR_AGE_BEFORE.exec(before);
  if (minorBefore && Number(minorBefore[1] ?? minorBefore[2]) < 18) give('victim', 2);

  if (BYLINE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && BYLINE_AFTER.test(text.slice(end, end + 40))) give('other', 3);

  // Bound after the name: apposition, age, pseudonym note, passive and active verbs.
  if (CLIENT_AFTER.test(after)) give('other', 3);
  if (PSEUDONYM_AFTER.test(after)) give('victim', 3);
  const app = APPOSITION.exec(after);
  if (app) {
    const rest = after.slice(app[0].length);
    const clause = rest.split(/[,.;:!?()]/u)[0]!;
    if (APPOS_ALIAS.test(rest)) give('suspect', 3);
    else if (STARTS_SUSPECT_PASSIVE.test(rest)) give('suspect', 3);
    else if (STARTS_VICTIM_PASSIVE.test(rest) || APPOS_VICTIM_PHRASE.test(rest)) give('victim', 3);
    else if (PRIVATE_BODY.test(clause) || (LEADS.test(rest) && PRIVATE_BODY.test(rest.split(/[.;!?]/u)[0]!))) give('other', 3);
    else if (APPOS_JOB.test(rest) && PUBLIC_BODY.test(clause)) give('official', 3);
    else if (APPOS_OTHER.test(rest)) give('other', 2);
    else if (APPOS_SUSPECT.test(rest)) give('suspect', 2);
    else if (!/^(?:quien|quienes|que|who|whom|which|a quien|al que|cuyo|cuya|whose|o qual|a qual)\b/u.test(rest) && (APPOS_TITLE.test(rest) || (APPOS_JOB.test(rest) && PUBLIC_BODY.test(clause))) || (LEADS.test(rest) && PUBLIC_BODY.test(rest.split(/[.;!?]/u)[0]!))) give('official', 3);
  }
  const age = AGE_AFTER.exec(after);
  if (age && Number(age[1]) < 18) give('victim', 2);
  // A verb reached across two asides, one of which relates the name to someone else, is that person's ('Ivone
  // Rodrigues, mãe do Wesley Rodrigues, de 14 anos, que está desaparecido').
  const own2 = (m: RegExpExecArray | null) => (m && !crossesName(after, m[0].length) ? m : null);
  const passive = own2(PASSIVE_AFTER.exec(after));
  if (passive) give(passive[1] ? 'suspect' : 'victim', 3);
  const listed = LIST_PASSIVE_AFTER.exec(after) ?? LATER_PASSIVE_AFTER.exec(after);
  if (listed) give(listed[1] ? 'suspect' : 'victim', 3);
  if (own2(STRONG_SUSPECT_AFTER.exec(after)) || SUSPECT_OF_AFTER.test(after)) give('suspect', 3);
  const relative = RELATIVE_OBJECT_AFTER.exec(after);
  if (relative) give(relative[1] ? 'suspect' : 'victim', 3);
  if (VICTIM_OF_AFTER.test(after) || own2(VICTIM_STRONG_AFTER.exec(after)) || own2(CALLED_VICTIM_AFTER.exec(after))) give('victim', 3);
  const bare = BARE_PASSIVE_AFTER.exec(after);
  if (bare) give(bare[1] ? 'suspect' : 'victim', 3);
  if (STORY_AFTER.test(after)) give('victim', 2);
  const active = own2(ACTIVE_AFTER.exec(after));
  if (active) give(active[1] ? 'suspect' : 'victim', 2);

  if (best) return best;
  // Nearby: the nearest role word in the sentence, cues before the name binding tighter than cues after it.
  const nl = Math.max(sl, start - 150);
  const sentence = foldSameLength(text.slice(nl, Math.min(sr, end + 150)));
  let bestD = Infinity;
  let near: Role | null = null;
  for (const [role, g] of NEARBY) {
    g.lastIndex = 0;
    for (let m = g.exec(sentence); m !== null; m = g.exec(sentence)) {
      const s = nl + m.index;
      const e = s + m[0].length;
      if ((s < end && start < e) || (e <= start && s < floor)) continue;
      const d = e <= start ? start - e : (s - end) * 1.5 + 5;
      if (d < bestD) [near, bestD] = [role, d];
    }
  }
  return near ? { role: near, strength: 1 } : null;
}

/** The role one mention's own sentence gives, for callers that look at a single name; undefined when it gives none. */
export function roleAt(text: string, start: number, end: number): PersonRole | undefined {
  return mentionEvidence(text, start, end)?.role;
}

const NAME_CONNECTORS = new Set(['de', 'da', 'do', 'das', 'dos', 'del', 'la', 'las', 'los', 'y', 'e', 'van', 'von', 'di', 'du', 'le']);

const TITLE_WORD = new RegExp(`^(?:${OFFICIAL_TITLES}|${OTHER_TITLES})$`, 'u');

/** The words that name a person (capitalised words, titles left out), folded. */
export function nameWords(name: string): string[] {
  return name
    .split(/[\s,]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !NAME_CONNECTORS.has(w.toLowerCase()))
    .map((w) => foldSameLength(w.replace(/(?:['’]s?|[.])+$/u, '')))
    .filter((w) => w.length >= 2 && !TITLE_WORD.test(w));
}

/**
 * Groups the person entities that name one person: each name joins the one longer name whose words hold all of its
 * words; a name that two different longer names could belong to stays on its own. Returns a group index per entity
 * (-1 for entities that are not people).
 */
export function personGroups(entities: readonly Entity[]): number[] {
  const group = entities.map(() => -1);
  const words = entities.map((e) => (e.type === 'person' ? nameWords(e.text) : []));
  const order = entities.map((_, i) => i).filter((i) => entities[i]!.type === 'person' && words[i]!.length > 0);
  order.sort((a, b) => words[b]!.length - words[a]!.length || a - b);
  const heads: Array<{ words: Set<string>; id: number }> = [];
  for (const i of order) {
    const w = words[i]!;
    const holders = heads.filter((h) => w.every((x) => h.words.has(x)));
    const ids = new Set(holders.map((h) => h.id));
    if (ids.size === 1) group[i] = holders[0]!.id;
    else if (ids.size === 0) {
      group[i] = heads.length;
      heads.push({ words: new Set(w), id: heads.length });
    } else group[i] = heads.length + 1_000_000 + i; // ambiguous: its own group, never joined
  }
  // Entities without name words (all titles) are their own group.
  entities.forEach((e, i) => {
    if (e.type === 'person' && group[i] === -1) group[i] = 2_000_000 + i;
  });
  return group;
}

/** What may stand between two coordinated names (folded): an age, a comma or 'y', a possessive noun phrase. */
const COORDINATION = /^(?:\s*,[^.;:!?]{0,60})?\s*(?:,|;|,?\s*(?:y|e|and|&))\s*(?:(?:y|e|and)\s+)?(?:a\s+|à\s+)?(?:(?:su|sua|seu|his|her|their|o|a|el|la|the|los|las|os|as|sus|seus|suas)\s+[\p{L}]+\s*,?\s*(?:(?:el|la|o|a|the)\s+)?(?:[\p{L}]+\s+)?)?$/u;

const PSEUDONYM_CUE = PSEUDONYM_BEFORE.source.replace(/\\s\*\["“«'‘\]\?\\s\*\$$/u, '');
const PSEUDONYM_NOTE = PSEUDONYM_AFTER.source.replace(/^\^\\s\*\["”»'’\]\?\\s\*\(\?:\\\(\|,\|-\|–\|—\)\?\\s\*/u, '');
const IDENTIFIED_AS_QUOTED = String.raw`(?:identified|identificad[oa]s?) (?:in court |en (?:el|la) [a-z]+ |no processo |em tribunal )?(?:only |solo |solamente |apenas |unicamente )?(?:as|como)\s*["“«]`;
/** Words of which every pseudonym cue holds one (folded). */
const PSEUDONYM_WORDS = [
  'llamar', 'chamar', 'llamad', 'chamad', 'call', 'asked', 'pidio', 'pediu', 'pede ', 'pide ', 'prefere', 'prefiere', 'ficticio',
  'seudonim', 'pseudonim', 'pseudonym', 'identified', 'identificad', 'gave only', 'gave her', 'gave his', 'nombre ', 'nome ', 'name',
  'identidad', 'identidade', 'identity', 'privacidad', 'privacidade', 'privacy', 'apellido', 'sobrenome', 'surname', 'aqui ',
];
/** Windows of the text around the cue words (70 characters either side), merged where they overlap. */
function pseudonymWindows(text: string): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  PSEUDONYM_WORDS_G.lastIndex = 0;
  for (let m = PSEUDONYM_WORDS_G.exec(text); m !== null; m = PSEUDONYM_WORDS_G.exec(text)) {
    const w: [number, number] = [Math.max(0, m.index - 70), Math.min(text.length, m.index + m[0].length + 70)];
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return merged;
}
/**
 * One scan of the raw text for all the words, accents and case allowed (one alternation is several times faster than
 * a substring search per word, and only the windows are then folded).
 */
const PSEUDONYM_WORDS_G = new RegExp(
  PSEUDONYM_WORDS.map((w) => w.replace(/[aeiou]/g, (v) => `[${v}${{ a: 'áàâã', e: 'éê', i: 'í', o: 'óôõ', u: 'ú' }[v]}]`)).join('|'),
  'gi',
);
// Cues start at a word start: 'Estela para proteger…' must not read 'a para proteger' off the end of the name.
const PSEUDONYM_SCAN_G = new RegExp(`(?<![\\p{L}])(?:(${PSEUDONYM_CUE})|(${IDENTIFIED_AS_QUOTED})|(${PSEUDONYM_NOTE}))`, 'gu');
const NAME_AFTER_CUE = /^\s*["“«'‘]?\s*(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u;
const NAME_BEFORE_NOTE = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\s*["”»'’]?(?:\s*,\s*(?:de\s+)?\d{1,2}(?:\s*(?:años|anos|years(?: old)?))?)?\s*[(,—–-]?\s*(?:(?:su|sua|seu|her|his|un|el|o|a)\s+)?$/u;

/** The tagger's entity is the name itself, perhaps with the quote marks around it ('"Génesis"' tagged as misc). */
function quotedSame(e: Entity, start: number, end: number): boolean {
  return e.start >= start - 1 && e.end <= end + 1 && e.start <= start && e.end >= end;
}

/**
 * Names that a text gives as pseudonyms ('la llamaremos Rosa', '"Micaela" (nombre cambiado)', 'who asked to be called
 * Rosa') are victims' names even when the tagger missed them (one unusual word in quotes often is): they become person
 * entities with the role victim, so that the name is masked wherever it occurs.
 */
export function addPseudonymVictims(text: string, entities: Entity[]): void {
  const found: Array<{ start: number; end: number }> = [];
  // Every cue holds one of PSEUDONYM_WORDS, so the scan runs only on windows around them; it finds all three kinds of
  // cue at once: a cue before a name (1), a quoted 'identified as' (2), a note after a name (3).
  const seen = new Set<number>();
  for (const [a, b] of pseudonymWindows(text)) {
    const window = foldSameLength(text.slice(a, b));
    PSEUDONYM_SCAN_G.lastIndex = 0;
    for (let m = PSEUDONYM_SCAN_G.exec(window); m !== null; m = PSEUDONYM_SCAN_G.exec(window)) {
      const index = a + m.index;
      if (seen.has(index)) continue;
      seen.add(index);
      if (m[3] !== undefined) {
        const from = Math.max(0, index - 60);
        const n = NAME_BEFORE_NOTE.exec(text.slice(from, index));
        if (n) found.push({ start: from + n.index, end: from + n.index + n[1]!.length });
        continue;
      }
      const at = index + m[0].length;
      const n = NAME_AFTER_CUE.exec(text.slice(at, at + 60));
      if (!n) continue;
      const start = at + n[0].length - n[1]!.length;
      const end = start + n[1]!.length;
      if (m[1] !== undefined) found.push({ start, end });
      // 'Identified only as "X"' names victims and suspects alike: a person, whose role the sentence decides.
      else {
        const hit = entities.find((e) => e.start < end && start < e.end);
        if (!hit) insertEntity(entities, { type: 'person', start, end, text: n[1]! });
        else if (hit.type !== 'person' && quotedSame(hit, start, end)) Object.assign(hit, { type: 'person', start, end, text: n[1]! });
      }
    }
  }
  for (const f of found) {
    const hit = entities.find((e) => e.start < f.end && f.start < e.end);
    if (hit) {
      // The cue is stronger than the tagger's type: 'asked to be identified as Rosa' names a woman, not a place.
      if (hit.type !== 'person' && quotedSame(hit, f.start, f.end)) Object.assign(hit, { type: 'person', start: f.start, end: f.end, text: text.slice(f.start, f.end) });
      if (hit.type === 'person' && !hit.role) hit.role = 'victim';
      continue;
    }
    insertEntity(entities, { type: 'person', start: f.start, end: f.end, text: text.slice(f.start, f.end), role: 'victim' });
  }
}

/** A letter or digit: what a whole-word match may not touch on either side. */
export const isWordUnit = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function insertEntity(entities: Entity[], e: Entity): void {
  const at = entities.findIndex((x) => x.start > e.start);
  entities.splice(at < 0 ? entities.length : at, 0, e);
}

/**
 * A word of a person's name written again on its own where the tagger saw no name ('Linklater, then 17, was...',
 * "Alvarado's account") becomes a person entity too, so that its sentence counts as evidence and a victim's name is
 * masked there. Only capitalised words of three letters or more, whole words, outside every entity and place, and
 * only words that belong to one person's name.
 */
export function addNameRepeats(
  text: string,
  entities: Entity[],
  blockers: ReadonlyArray<{ start: number; end: number }> = [],
  retyped = new Map<Entity, Entity['type']>(),
): Set<Entity> {
  const added = new Set<Entity>();
  const owners = new Map<string, Set<string>>();
  // Words that may turn another entity type into a person: a given name (the first name word of a longer name) or a
  // name a pseudonym cue gave; never an inner word ('Presidente do Parlamento grego' does not make 'Parlamento' a name).
  const given = new Set<string>();
  for (const e of entities) {
    if (e.type !== 'person') continue;
    const words = nameWords(e.text);
    const key = words.join(' ');
    if (words.length >= 2 || e.role === 'victim') given.add(words[0]!);
    for (const w of e.text.split(/[\s,]+/)) {
      const bare = w.replace(/(?:['’]s?|[.])+$/u, '');
      if (bare.length >= 3 && /^\p{Lu}\p{Ll}/u.test(bare) && nameWords(bare).length === 1) {
        if (!owners.has(bare)) owners.set(bare, new Set());
        owners.get(bare)!.add(key);
      }
    }
  }
  for (const [word, keys] of owners) {
    // A word shared by two names that do not hold each other ('Pedro Rojas', 'Luz Rojas') is left alone.
    const names = [...keys].map((k) => new Set(k.split(' ')));
    const longest = names.reduce((a, b) => (b.size > a.size ? b : a));
    if (!names.every((n) => [...n].every((x) => longest.has(x)))) continue;
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + word.length)) {
      const end = i + word.length;
      if (isWordUnit(text[i - 1]) || isWordUnit(text[end])) continue;
      if (blockers.some((b) => b.start < end && i < b.end)) continue;
      // The tagger's organisation or other name that is exactly the word ('rescataron a Micaela' read as an organisation).
      const same = given.has(foldSameLength(word)) ? entities.find((e) => e.start === i && e.end === end && (e.type === 'organization' || e.type === 'misc')) : undefined;
      if (same) {
        retyped.set(same, same.type);
        same.type = 'person';
        added.add(same);
        continue;
      }
      if (entities.some((e) => e.start < end && i < e.end)) continue;
      const e: Entity = { type: 'person', start: i, end, text: word };
      insertEntity(entities, e);
      added.add(e);
    }
  }
  return added;
}

/** A sentence that opens with a singular subject pronoun ('Ela foi presa', 'He appeared in court', 'Ella escapó'). */
const PRONOUN_OPENING = /(?:^|[.!?]["”»’']?\s+|\n\s*)(?:(She|He|Ela|Ele|Ella|Él)\s)/gu;

const SPEECH_AFTER_PRONOUN = /^\s*(?:said|says|told|added|explained|recalled|dijo|dice|contó|cuenta|explicó|afirmó|añadió|relató|recuerda|disse|diz|contou|conta|explicou|afirmou|relatou|lembra)\b/u;

/**
 * Evidence that a sentence opening with a subject pronoun gives the one person the sentence before names ('A casa
 * caiu para X. Ela foi presa...'): read as if the pronoun were the name, at most as strong as a clause cue (2), and
 * only when the sentence before names one person (however many times).
 */
function pronounEvidence(
  text: string,
  entities: readonly Entity[],
  people: readonly number[],
  group: readonly number[],
): Array<{ person: number; evidence: Evidence | null }> {
  const out: Array<{ person: number; evidence: Evidence | null }> = [];
  if (people.length === 0) return out;
  PRONOUN_OPENING.lastIndex = 0;
  for (let m = PRONOUN_OPENING.exec(text); m !== null; m = PRONOUN_OPENING.exec(text)) {
    const start = m.index + m[0].length - m[1]!.length - 1;
    const end = start + m[1]!.length;
    const [sl] = sentenceBounds(text, start, end);
    const [pl] = sentenceBounds(text, Math.max(0, sl - 2), Math.max(0, sl - 1));
    const named = people.filter((i) => entities[i]!.start >= pl && entities[i]!.end <= sl);
    const last = named[named.length - 1];
    if (last === undefined || !named.every((i) => group[i] === group[last])) continue;
    // 'He said he...' reports speech: what follows is the speaker's story, not the pronoun's own predicate.
    const x = SPEECH_AFTER_PRONOUN.test(text.slice(end, end + 40)) ? null : mentionEvidence(text, start, end, sl);
    out.push({ person: last, evidence: x && x.strength >= 2 && x.role !== 'other' ? { role: x.role, strength: 2 } : null });
  }
  return out;
}

/**
 * Gives every person entity without a role the role of its person: the strongest evidence over all its mentions. A
 * person with no evidence stays without a role.
 */
export function assignRoles(text: string, entities: Entity[], harmStory = false): void {
  const group = personGroups(entities);
  const ev = new Map<number, Evidence | null>();
  entities.forEach((e, i) => {
    if (e.type !== 'person') return;
    const prev = entities.filter((p) => p.type === 'person' && p.end <= e.start).reduce<Entity | null>((a, p) => (a && a.end >= p.end ? a : p), null);
    // 'O advogado de Almeida, Pedro Vieira': the title before the client's name is Pedro's, so it may reach him.
    const titleOfPrev = prev !== null && /^\s*,\s*$/u.test(text.slice(prev.end, e.start)) && TITLE_OF.test(foldSameLength(text.slice(Math.max(0, prev.start - 60), prev.start)));
    const floor = prev === null || titleOfPrev ? 0 : prev.end;
    ev.set(i, e.role ? { role: e.role, strength: 4 } : mentionEvidence(text, e.start, e.end, floor));
  });
  // Names in one coordination share their evidence: 'condenó a X y a su pareja, Y', 'X, de 17 años; Y, de 20, y Z'.
  const people = [...ev.keys()].sort((a, b) => entities[a]!.start - entities[b]!.start);
  let chain: number[] = [];
  let joined = false;
  const closeChain = () => {
    // A list is a list when a conjunction joins it somewhere ('X, Y y Z') or it has three names or more; two names and a
    // comma alone may be 'Segundo X, Y era...'.
    if (!joined && chain.length < 3) {
      chain = [];
      return;
    }
    joined = false;
    let pooled: Evidence | null = null;
    for (const i of chain) pooled = better(pooled, ev.get(i) ?? null);
    // A name's own bound evidence stands ('Segundo a delegada X, Daniela era obrigada': Daniela is no official).
    for (const i of chain) if ((ev.get(i)?.strength ?? 0) < 3 || ev.get(i)?.role === 'other') ev.set(i, pooled);
    chain = [];
  };
  people.forEach((i, k) => {
    const prev = k > 0 ? entities[people[k - 1]!]! : null;
    const e = entities[i]!;
    const between = prev && prev.end <= e.start ? foldSameLength(text.slice(prev.end, e.start)) : null;
    if (between !== null && COORDINATION.test(between)) {
      chain.push(i);
      if (/(?:^|[^\p{L}])(?:y|e|and)\s|&/u.test(between)) joined = true;
    } else {
      closeChain();
      chain = [i];
    }
  });
  closeChain();
  const best = new Map<number, Evidence | null>();
  for (const [i, x] of ev) best.set(group[i]!, better(best.get(group[i]!) ?? null, x));
  const pronouns = pronounEvidence(text, entities, people, group);
  for (const { person, evidence } of pronouns) best.set(group[person]!, better(best.get(group[person]!) ?? null, evidence));
  if (harmStory) {
    // A survivor's profile ('Rodel Bautista knows every rope on the deck...'): in a story of exploitation where nobody
    // is a victim yet, the one person the text names most (three times or more, pronouns that open a sentence included),
    // with no cue for a suspect or an official and nothing stronger than a nearby word for another role, is its
    // subject. Two names or fewer, or a tie, decide nothing.
    const count = new Map<number, number>();
    for (const i of ev.keys()) count.set(group[i]!, (count.get(group[i]!) ?? 0) + 1);
    for (const { person } of pronouns) count.set(group[person]!, (count.get(group[person]!) ?? 0) + 1);
    const top = [...count].sort((a, b) => b[1] - a[1]);
    const anyVictim = [...best.values()].some((b) => b?.role === 'victim' && b.strength >= 2);
    if (!anyVictim && top.length > 0 && top[0]![1] >= 3 && (top.length === 1 || top[1]![1] < top[0]![1])) {
      const g = top[0]![0];
      // Not someone a suspect's or official's word stands near ('Tillman', named four times in a sentencing report).
      const b = best.get(g);
      if (!b || (b.strength < 2 && (b.role === 'victim' || b.role === 'other'))) best.set(g, { role: 'victim', strength: 1.5 });
    }
  }
  entities.forEach((e, i) => {
    if (e.type !== 'person' || e.role) return;
    const role = best.get(group[i]!)?.role;
    if (role) e.role = role;
  });
}

/** Indicator groups that make a text a story of exploitation (not only a named crime or a context word). */
const HARM_GROUPS: ReadonlySet<string> = new Set(['act', 'means', 'purpose', 'ilo', 'victim']);

/** Sets `role` on person entities. Runs after `entities` (NER). */
export const roles: Extractor = {
  name: 'roles',
  version: '3',
  extract(doc: AnalysisDoc): void {
    addPseudonymVictims(doc.text, doc.entities);
    const retyped = new Map<Entity, Entity['type']>();
    const repeats = addNameRepeats(doc.text, doc.entities, doc.places, retyped);
    assignRoles(doc.text, doc.entities, doc.indicators.some((i) => HARM_GROUPS.has(i.group)));
    // Repeats serve the roles and the masking; the entity list keeps only those of victims, whose names must be hidden
    // there too, and leaves the tagger's output otherwise as it was.
    if (repeats.size) {
      for (const [e, type] of retyped) {
        if (e.role === 'victim') continue;
        e.type = type;
        delete e.role;
      }
      doc.entities = doc.entities.filter((e) => !repeats.has(e) || retyped.has(e) || e.role === 'victim');
    }
  },
};

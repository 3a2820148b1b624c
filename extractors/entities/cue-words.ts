/**
 * Cue words for NER features (our own lists, lower case). They feed the model
 * through gazetteer features, so a trained model stores the hashes it was trained with (see
 * gazetteer.ts): editing these lists changes nothing until the models are retrained.
 */

/** Words that head or close organisation names. */
export const ORG_WORDS = [
  // es
  'fiscalía', 'ministerio', 'policía', 'procuraduría', 'defensoría', 'contraloría', 'registraduría', 'secretaría',
  'superintendencia', 'gobernación', 'alcaldía', 'ayuntamiento', 'gobierno', 'congreso', 'senado', 'cámara',
  'tribunal', 'juzgado', 'corte', 'consejo', 'comisión', 'comité', 'instituto', 'universidad', 'colegio', 'escuela',
  'hospital', 'clínica', 'banco', 'partido', 'asociación', 'fundación', 'federación', 'confederación', 'sindicato',
  'unión', 'organización', 'agencia', 'dirección', 'departamento', 'oficina', 'servicio', 'guardia', 'ejército',
  'armada', 'fuerza', 'fuerzas', 'brigada', 'cártel', 'cartel', 'clan', 'frente', 'grupo', 'compañía', 'empresa',
  'club', 'diario', 'periódico', 'radio', 'televisión', 'editorial', 'sociedad', 'corporación', 'cooperativa',
  'iglesia', 'junta', 'mesa', 'red', 'centro', 'observatorio', 'defensor', 's.a', 's.a.', 'sa', 'sl', 's.l', 's.l.',
  'ltda', 'ltda.', 'cía', 'cía.', 'hnos', 'inc', 'inc.', 'corp', 'corp.', 'ltd', 'ltd.', 'llc', 'plc', 'gmbh', 'ag',
  // pt
  'ministério', 'polícia', 'procuradoria', 'defensoria', 'secretaria', 'prefeitura', 'câmara', 'assembleia',
  'supremo', 'superior', 'justiça', 'conselho', 'comissão', 'instituto', 'universidade', 'faculdade', 'escola',
  'fundação', 'associação', 'federação', 'confederação', 'sindicato', 'união', 'organização', 'agência', 'direção',
  'departamento', 'serviço', 'exército', 'marinha', 'força', 'forças', 'comando', 'companhia', 'empresa', 'jornal',
  'rádio', 'televisão', 'sociedade', 'cooperativa', 'igreja', 'junta', 'rede', 'centro', 'clube', 'partido', 's/a',
  // en
  'ministry', 'department', 'police', 'office', 'agency', 'bureau', 'court', 'council', 'committee', 'commission',
  'institute', 'university', 'college', 'school', 'hospital', 'bank', 'party', 'association', 'foundation',
  'federation', 'union', 'organization', 'organisation', 'company', 'group', 'corporation', 'army', 'navy', 'force',
  'forces', 'cartel', 'church', 'club', 'news', 'times', 'post', 'press', 'network', 'trust', 'fund', 'service',
  'administration', 'authority', 'board', 'senate', 'congress', 'parliament', 'government', 'prosecutor',
];

/** Titles and roles that precede person names. */
export const PERSON_TITLES = [
  // es
  'sr', 'sr.', 'sra', 'sra.', 'srta', 'srta.', 'don', 'doña', 'dr', 'dr.', 'dra', 'dra.', 'lic', 'lic.', 'ing', 'ing.',
  'presidente', 'presidenta', 'ministro', 'ministra', 'vicepresidente', 'vicepresidenta', 'secretario', 'secretaria',
  'senador', 'senadora', 'diputado', 'diputada', 'alcalde', 'alcaldesa', 'gobernador', 'gobernadora', 'juez', 'jueza',
  'fiscal', 'general', 'coronel', 'capitán', 'teniente', 'sargento', 'comandante', 'director', 'directora', 'padre',
  'monseñor', 'papa', 'rey', 'reina', 'príncipe', 'princesa', 'señor', 'señora', 'alias', 'abogado', 'abogada',
  'portavoz', 'defensor', 'defensora', 'procurador', 'procuradora', 'agente', 'entrenador', 'técnico', 'delantero',
  'jugador', 'jugadora', 'escritor', 'escritora', 'cantante', 'actor', 'actriz', 'periodista', 'líder', 'jefe', 'jefa',
  // pt
  'senhor', 'senhora', 'dona', 'doutor', 'doutora', 'presidenta', 'ministro', 'deputado', 'deputada', 'prefeito',
  'prefeita', 'governador', 'governadora', 'juiz', 'juíza', 'delegado', 'delegada', 'procurador', 'procuradora',
  'vereador', 'vereadora', 'promotor', 'promotora', 'padre', 'papa', 'rei', 'rainha', 'professor', 'professora',
  'treinador', 'jogador', 'escritor', 'escritora', 'cantor', 'cantora', 'ator', 'atriz', 'jornalista', 'chefe',
  'tio', 'tia', 'irmão', 'irmã', 'filho', 'filha', 'mãe', 'pai', 'santo', 'santa', 'são',
  // en
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'sen', 'sen.', 'rep', 'rep.', 'gov', 'gov.', 'gen', 'gen.', 'lt',
  'lt.', 'col', 'col.', 'sgt', 'sgt.', 'capt', 'capt.', 'president', 'minister', 'senator', 'governor', 'mayor',
  'judge', 'justice', 'prosecutor', 'attorney', 'sheriff', 'officer', 'detective', 'chief', 'director', 'secretary',
  'spokesman', 'spokeswoman', 'spokesperson', 'prime', 'king', 'queen', 'prince', 'princess', 'pope', 'sir', 'lady',
  'lord', 'father', 'sister', 'brother', 'coach', 'actor', 'actress', 'singer', 'author', 'reporter', 'leader',
];

/**
 * Portuguese titles and forms of address that HAREM puts inside a person's name ("senhor deputado X", "tio Zeca",
 * "sr. X"): recognition widens a person name over those right before it when the model says so
 * (`meta.titlesInside`, Portuguese). Abbreviations are listed without their full stop. Read at run time (no
 * retraining needed after an edit).
 */
export const PT_NAME_TITLES = [
  'senhor', 'senhora', 'sr', 'sra', 'srª', 'srta', 'dona', 'dom', 'd', 'doutor', 'doutora', 'dr', 'dra', 'drª',
  'professor', 'professora', 'prof', 'profª', 'eng', 'engenheiro', 'engenheira', 'arquitecto', 'arquiteto',
  'presidente', 'vice-presidente', 'ministro', 'ministra', 'deputado', 'deputada', 'senador', 'senadora',
  'governador', 'governadora', 'prefeito', 'prefeita', 'vereador', 'vereadora', 'secretário', 'secretária',
  'embaixador', 'embaixadora', 'cônsul', 'cónego', 'juiz', 'juíza', 'desembargador', 'desembargadora', 'delegado', 'delegada',
  'comissário', 'comissária', 'procurador', 'procuradora', 'promotor', 'promotora',
  // posts of the labour inspection, the police and the child-protection councils ('auditora-fiscal X', 'conselheira X')
  'auditor-fiscal', 'auditora-fiscal', 'inspetor', 'inspetora', 'inspector', 'inspectora', 'conselheiro', 'conselheira',
  'general', 'marechal', 'almirante', 'brigadeiro', 'coronel', 'major', 'capitão', 'tenente', 'sargento', 'cabo', 'comandante',
  'padre', 'frei', 'irmão', 'irmã', 'madre', 'pastor', 'bispo', 'arcebispo', 'cardeal', 'monsenhor', 'papa',
  'rei', 'rainha', 'príncipe', 'princesa', 'infante', 'infanta', 'conde', 'condessa', 'duque', 'duquesa', 'barão', 'baronesa', 'visconde', 'marquês',
  'mestre', 'maestro', 'comendador', 'tio', 'tia', 'avô', 'avó', 'miss', 'mister', 'madame', 'lady', 'sir',
];

/** Words that precede or head place names. */
export const PLACE_CUES = [
  // es
  'calle', 'avenida', 'av', 'av.', 'avda', 'avda.', 'plaza', 'paseo', 'carretera', 'ruta', 'autopista', 'puente',
  'barrio', 'colonia', 'municipio', 'departamento', 'provincia', 'estado', 'región', 'ciudad', 'pueblo', 'villa',
  'río', 'lago', 'laguna', 'mar', 'océano', 'golfo', 'isla', 'islas', 'cerro', 'monte', 'sierra', 'cordillera',
  'valle', 'puerto', 'bahía', 'península', 'frontera', 'localidad', 'comuna', 'distrito', 'vereda', 'corregimiento',
  'parque', 'aeropuerto', 'estadio', 'sur', 'norte', 'este', 'oeste', 'san', 'santa', 'santo',
  // pt
  'rua', 'avenida', 'praça', 'rodovia', 'estrada', 'ponte', 'bairro', 'município', 'cidade', 'vila', 'estado',
  'região', 'rio', 'lagoa', 'oceano', 'ilha', 'ilhas', 'serra', 'morro', 'vale', 'porto', 'baía', 'fronteira',
  'distrito', 'concelho', 'freguesia', 'aeroporto', 'estádio', 'são',
  // en
  'street', 'st', 'st.', 'avenue', 'ave', 'road', 'boulevard', 'square', 'bridge', 'county', 'province', 'state',
  'region', 'city', 'town', 'village', 'river', 'lake', 'sea', 'ocean', 'gulf', 'island', 'islands', 'mount',
  'mountains', 'valley', 'port', 'bay', 'border', 'district', 'airport', 'north', 'south', 'east', 'west', 'new',
];

/** Common first names across Latin America, Spain, Portugal, Brazil and English-speaking countries. */
export const FIRST_NAMES = [
  'josé', 'juan', 'luis', 'carlos', 'jorge', 'miguel', 'antonio', 'francisco', 'manuel', 'pedro', 'jesús', 'javier',
  'alejandro', 'fernando', 'rafael', 'ricardo', 'roberto', 'eduardo', 'daniel', 'david', 'mario', 'sergio', 'andrés',
  'diego', 'pablo', 'álvaro', 'alberto', 'raúl', 'óscar', 'enrique', 'ramón', 'gabriel', 'héctor', 'gustavo',
  'hugo', 'víctor', 'julio', 'césar', 'arturo', 'felipe', 'ignacio', 'joaquín', 'martín', 'nicolás', 'santiago',
  'sebastián', 'mateo', 'gonzalo', 'emilio', 'ernesto', 'guillermo', 'alfonso', 'agustín', 'iván', 'rubén',
  'marco', 'marcos', 'lucas', 'tomás', 'cristian', 'felix', 'félix', 'alfredo', 'esteban', 'rodrigo', 'mauricio',
  'fabio', 'wilson', 'jairo', 'yolanda', 'maría', 'ana', 'carmen', 'rosa', 'isabel', 'laura', 'marta', 'elena',
  'lucía', 'sofía', 'valentina', 'camila', 'daniela', 'gabriela', 'andrea', 'paula', 'claudia', 'patricia',
  'mónica', 'verónica', 'silvia', 'sandra', 'lorena', 'natalia', 'carolina', 'diana', 'alejandra', 'adriana',
  'teresa', 'pilar', 'dolores', 'mercedes', 'cristina', 'beatriz', 'julia', 'juana', 'margarita', 'gloria',
  'luz', 'esperanza', 'inés', 'victoria', 'raquel', 'sara', 'susana', 'alicia', 'angela', 'ángela', 'lucía',
  'fernanda', 'jimena', 'ximena', 'valeria', 'mariana', 'paola', 'karen', 'yesenia', 'marisol', 'guadalupe',
  'joão', 'antónio', 'antônio', 'francisco', 'paulo', 'pedro', 'luís', 'luiz', 'carlos', 'marcelo', 'rui',
  'nuno', 'jorge', 'mário', 'sérgio', 'ricardo', 'rodrigo', 'fernando', 'gonçalo', 'tiago', 'thiago', 'bruno',
  'rafael', 'gustavo', 'felipe', 'leonardo', 'eduardo', 'andré', 'fábio', 'márcio', 'marcos', 'vítor', 'vitor',
  'henrique', 'manoel', 'sebastião', 'raimundo', 'miguel', 'diogo', 'duarte', 'afonso', 'alberto', 'artur',
  'maria', 'ana', 'francisca', 'antónia', 'antônia', 'adriana', 'juliana', 'márcia', 'fernanda', 'patrícia',
  'aline', 'sandra', 'camila', 'amanda', 'bruna', 'jéssica', 'letícia', 'júlia', 'luciana', 'vanessa', 'mariana',
  'beatriz', 'joana', 'inês', 'catarina', 'rita', 'sofia', 'helena', 'teresa', 'isabel', 'manuela', 'graça',
  'conceição', 'fátima', 'lúcia', 'cláudia', 'carla', 'sónia', 'sônia', 'rosa', 'luísa', 'luiza', 'dilma',
  'john', 'james', 'robert', 'michael', 'william', 'richard', 'joseph', 'thomas', 'charles', 'christopher',
  'daniel', 'matthew', 'anthony', 'mark', 'donald', 'steven', 'paul', 'andrew', 'joshua', 'kenneth', 'kevin',
  'brian', 'george', 'timothy', 'ronald', 'edward', 'jason', 'jeffrey', 'ryan', 'jacob', 'gary', 'nicholas',
  'eric', 'jonathan', 'stephen', 'larry', 'justin', 'scott', 'brandon', 'benjamin', 'samuel', 'frank', 'gregory',
  'peter', 'henry', 'patrick', 'jack', 'dennis', 'jerry', 'tyler', 'aaron', 'adam', 'nathan', 'bill', 'tony',
  'mary', 'patricia', 'jennifer', 'linda', 'elizabeth', 'barbara', 'susan', 'jessica', 'sarah', 'karen', 'lisa',
  'nancy', 'betty', 'margaret', 'sandra', 'ashley', 'kimberly', 'emily', 'donna', 'michelle', 'carol', 'amanda',
  'dorothy', 'melissa', 'deborah', 'stephanie', 'rebecca', 'sharon', 'laura', 'cynthia', 'kathleen', 'amy',
  'angela', 'anna', 'emma', 'olivia', 'hillary', 'kate', 'jane', 'helen', 'alice', 'rachel', 'catherine',
];

/** Words that mark a sports story, where city and country names often stand for teams. */
export const SPORTS_WORDS = [
  'partido', 'gol', 'goles', 'liga', 'equipo', 'jugador', 'jugadores', 'entrenador', 'campeonato', 'temporada',
  'torneo', 'copa', 'final', 'semifinal', 'victoria', 'derrota', 'empate', 'estadio', 'afición', 'delantero',
  'portero', 'defensa', 'centrocampista', 'fútbol', 'baloncesto', 'tenis', 'ciclismo', 'etapa', 'clasificación',
  'jornada', 'puntos', 'marcador', 'selección', 'mundial', 'olímpico', 'olímpicos', 'atleta', 'carrera',
  'jogo', 'golo', 'golos', 'equipa', 'time', 'jogador', 'jogadores', 'treinador', 'campeonato', 'temporada',
  'futebol', 'basquete', 'vitória', 'empate', 'seleção', 'torcida', 'goleiro', 'atacante', 'rodada',
  'match', 'game', 'goal', 'goals', 'league', 'team', 'player', 'players', 'coach', 'season', 'tournament', 'cup',
  'score', 'scored', 'football', 'soccer', 'basketball', 'tennis', 'championship', 'win', 'defeat', 'striker',
];

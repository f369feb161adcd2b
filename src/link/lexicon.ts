/**
 * Word lists the cross-article linker reasons with. They describe how English news names what it
 * counts and who speaks, not any one story: general nouns grouped into classes (a labourer and a
 * builder are both workers), the verbs that turn "N people" into a count of something else ("N
 * people were killed"), markers of intent ("will send"), and the heads of source descriptions
 * ("the intelligence service", "a ministry spokeswoman").
 */

/** Counted nouns (singular, lower case) to the class a series compares them as. */
export const NOUN_CLASS: Record<string, string> = {
  worker: 'worker', labourer: 'worker', laborer: 'worker', employee: 'worker', builder: 'worker', labour: 'worker',
  labor: 'worker', workforce: 'worker', bricklayer: 'worker', welder: 'worker', craftsman: 'worker', farmhand: 'worker',
  'guest worker': 'worker', 'migrant worker': 'worker', 'construction worker': 'worker', staff: 'worker', jobholder: 'worker',
  engineer: 'engineer', sapper: 'engineer', deminer: 'engineer', 'combat engineer': 'engineer', 'military engineer': 'engineer',
  soldier: 'soldier', troop: 'soldier', serviceman: 'soldier', servicewoman: 'soldier', 'service member': 'soldier',
  'military personnel': 'soldier', 'special force': 'soldier', force: 'soldier', fighter: 'soldier', combatant: 'soldier',
  marine: 'soldier', paratrooper: 'soldier', conscript: 'soldier', reservist: 'soldier', mercenary: 'soldier', infantryman: 'soldier',
  killed: 'killed', dead: 'killed', death: 'killed', fatality: 'killed', 'death toll': 'killed',
  wounded: 'wounded', injured: 'wounded', injury: 'wounded',
  casualty: 'casualty',
  arrival: 'arrival', entry: 'arrival', entrant: 'arrival', visitor: 'arrival', 'border crossing': 'arrival',
  person: 'person', people: 'person', citizen: 'person', national: 'person', resident: 'person', individual: 'person',
  'work permit': 'work permit', 'labour permit': 'work permit', 'labor permit': 'work permit', 'work visa': 'work permit',
  permit: 'permit', visa: 'visa', licence: 'permit', license: 'permit',
  student: 'student', trainee: 'student',
  migrant: 'migrant', refugee: 'refugee', 'asylum seeker': 'refugee', evacuee: 'refugee',
  prisoner: 'prisoner', detainee: 'prisoner', captive: 'prisoner', 'prisoner of war': 'prisoner',
  child: 'child', woman: 'woman', man: 'man', civilian: 'civilian',
};

/**
 * Classes to the family a series is kept under: series are what a reader follows over time
 * ("North Korean labour in Kursk"), comparisons stay within one exact class set. Sappers and
 * deminers are grouped with labour because contingents sent to clear and rebuild are reported as
 * one; soldiers stay apart.
 */
export const CLASS_FAMILY: Record<string, string> = {
  worker: 'labour', engineer: 'labour', soldier: 'military', killed: 'killed', wounded: 'wounded', casualty: 'casualties',
  arrival: 'arrivals', person: 'people', 'work permit': 'work permits', permit: 'permits', visa: 'visas', student: 'students',
  migrant: 'migrants', refugee: 'refugees', prisoner: 'prisoners', child: 'children', woman: 'women', man: 'men', civilian: 'civilians',
};

/** How a family is named in a series label. */
export const FAMILY_NOUN: Record<string, string> = {
  labour: 'workers', military: 'troops', killed: 'killed', wounded: 'wounded', casualties: 'casualties', arrivals: 'arrivals',
  people: 'people', 'work permits': 'work permits', permits: 'permits', visas: 'visas', students: 'students', migrants: 'migrants',
  refugees: 'refugees', prisoners: 'prisoners', children: 'children', women: 'women', men: 'men', civilians: 'civilians',
};

/** Classes a comparison treats as counting the same people ("3,000 work permits" against "10,000 workers"). */
export const COMPARE_AS: Record<string, string> = { 'work permit': 'worker' };

/** Counted nouns that are ratios or parts, not things: "three times", "a third". */
export const NOT_A_MEASURE = new Set([
  'time', 'fold', 'percent', 'per cent', 'percentage', 'percentage point', 'point', 'half', 'third', 'quarter', 'fifth', 'tenth',
  'figure', 'number', 'numbers', 'estimate', 'one', 'other', 'more', 'most', 'some', 'many', 'few', 'each', 'all', 'those', 'these',
  'them', 'they', 'it', 'which', 'who', 'that', 'year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'century',
]);

/** Generic person nouns whose predicate says what is counted ("N citizens entered", "N North Koreans worked"). */
export const PERSON_CLASSES = new Set(['person']);

/** Predicate verbs (lower-case forms) to the class they make of a generic person count. */
export const PERSON_PREDICATE: Record<string, string> = {
  work: 'worker', works: 'worker', worked: 'worker', working: 'worker', employed: 'worker', labour: 'worker', labor: 'worker',
  labouring: 'worker', laboring: 'worker',
  enter: 'arrival', entered: 'arrival', entering: 'arrival', enters: 'arrival', arrive: 'arrival', arrived: 'arrival',
  arriving: 'arrival', came: 'arrival', come: 'arrival', crossed: 'arrival', immigrated: 'arrival',
  serve: 'soldier', served: 'soldier', serving: 'soldier', fought: 'soldier', fight: 'soldier', fighting: 'soldier',
  studied: 'student', studying: 'student', study: 'student',
  fled: 'refugee', displaced: 'refugee',
};

/** Predicates that count victims whatever the noun: "N soldiers were killed". */
export const CASUALTY_PREDICATE: Record<string, string> = {
  killed: 'killed', died: 'killed', dead: 'killed', perished: 'killed', slain: 'killed',
  wounded: 'wounded', injured: 'wounded', hurt: 'wounded',
  captured: 'prisoner', detained: 'prisoner', arrested: 'prisoner', abducted: 'prisoner',
};

/** Words that end a noun phrase when they follow it in `counts` ("citizens entered Russia"). */
export const VERB_LIKE = /^(is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|who|which|that|to|in|on|at|by|from|for|with|into|across|of|and|or|but|as|than|said|say|says|since|until|after|before|during|because|while|when|where|they|he|she|it|we|you|them|their|his|her|its|our|this|these|those|there|here|not|no|about|over|under|between|through|against|per|each|every|then|so|such|only|just|also|now|already|up|down|out|off|last|next|a|an|the|near|outside|inside|along|around|among|beyond|toward|towards|without|within|behind|below|above|amid|despite|like|via)$/;

/** Prepositions that introduce where a counted group is. */
export const PLACE_PREPOSITION = new Set(['in', 'to', 'into', 'inside', 'across', 'at', 'within', 'throughout', 'near']);

/** Places that are not names. */
export const NON_NAMED_PLACE: Record<string, string> = { abroad: 'abroad', overseas: 'abroad' };

/** Before a figure in its clause: a commitment, plan or forecast rather than a count of what exists. */
export const PLANNED_BEFORE = /\b(will|would|shall|['’]ll|to be|plans?|planned|planning|intends?|intended|promised|promises|pledged|pledges|agreed to|agrees to|expects?|expected|expecting|set to|due to|aims? to|wants? to|offered to|is to|are to|need|needs|needed)\b/i;

/** After a figure in its clause: "6,000 … will be sent", "the 6,000 that Moscow said it would receive". */
export const PLANNED_AFTER = /^[^.;:!?]{0,60}?\b(will|would|shall|['’]ll|to be sent|to be deployed|to arrive|are to|is to|are due|is due|are expected|is expected)\b/i;

/** Pronouns and relative words: a source written this way names nobody until resolved. */
export const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'that', 'him', 'her', 'them', 'its', 'their', 'his', 'one', 'this', 'these', 'those', 'everyone', 'nobody', 'someone']);

/**
 * Heads of source descriptions to the kind of body they name, so that "South Korea's spy agency",
 * "the intelligence service" and the listed "National Intelligence Service" (kind intelligence)
 * can be recognised as the same speaker. Keys are lower-case phrases, longest tried first.
 */
export const SOURCE_HEAD: Record<string, string> = {
  'intelligence service': 'intelligence', 'intelligence agency': 'intelligence', 'spy agency': 'intelligence',
  'intelligence officials': 'intelligence', 'intelligence official': 'intelligence', intelligence: 'intelligence',
  'spy service': 'intelligence', 'security service': 'intelligence', 'military intelligence': 'military intelligence',
  'foreign ministry': 'foreign ministry', 'foreign office': 'foreign ministry', 'state department': 'foreign ministry',
  'interior ministry': 'interior ministry', 'home office': 'interior ministry', 'migration department': 'interior ministry',
  'defence ministry': 'defence ministry', 'defense ministry': 'defence ministry', pentagon: 'defence ministry',
  'defence officials': 'defence ministry', 'defense officials': 'defence ministry',
  'construction ministry': 'construction ministry', 'labour ministry': 'labour ministry', 'labor ministry': 'labour ministry',
  'unification ministry': 'unification ministry', 'finance ministry': 'finance ministry', 'trade ministry': 'trade ministry',
  embassy: 'embassy', ambassador: 'embassy', 'border service': 'border service', 'border guard': 'border service',
  'state media': 'state media', 'news agency': 'state media', 'state news agency': 'state media',
  'security council': 'security council', 'presidential office': 'president', president: 'president', kremlin: 'president',
  'defence minister': 'defence ministry', 'defense minister': 'defence ministry', 'foreign minister': 'foreign ministry',
  'interior minister': 'interior ministry', 'labour minister': 'labour ministry', 'labor minister': 'labour ministry',
  minister: 'government', 'prime minister': 'government', government: 'government', officials: 'government', official: 'government', authorities: 'government',
  'regional administration': 'regional government', 'regional official': 'regional government', governor: 'regional government',
  'deputy governor': 'regional government', lawmakers: 'parliament', lawmaker: 'parliament', parliament: 'parliament',
  military: 'military', army: 'military', 'armed forces': 'military', 'general staff': 'military',
};

/** Gazetteer kinds to the description kinds they can be called by. */
export const LISTED_KIND_AS: Record<string, string> = {
  intelligence: 'intelligence', media: 'state media', military: 'military', seat: 'president', government: 'government',
  legislature: 'parliament',
};

/** Kinds of body that belong to a government: a capital used as a speaker ("Seoul said") may stand for any of them. */
export const GOVERNMENT_KINDS = new Set([
  'intelligence', 'military intelligence', 'foreign ministry', 'interior ministry', 'defence ministry', 'construction ministry',
  'labour ministry', 'unification ministry', 'finance ministry', 'trade ministry', 'embassy', 'border service', 'president',
  'government', 'military', 'security council', 'regional government',
]);

/** Function words left out when comparing what reports say. */
export const STOPWORDS = new Set(
  ('a an the of to in on at by for from with and or but if as than then that this these those it its it’s he she they them their his her ' +
    'we our you your i me my is are was were be been being has have had do does did will would shall should can could may might must ' +
    'not no nor so such there here which who whom whose what when where why how all any some each every more most other another ' +
    'said says say told tell according also just only about over into out up down off again further once very s t').split(/\s+/),
);

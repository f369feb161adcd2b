/**
 * The trigger lexicon for PLOVER 2.0 event coding, written for this project from how English news
 * reports political events. Type and mode names are PLOVER's; the word lists and their grouping
 * are ours.
 *
 * A trigger is a verb (by lemma), or an event noun that a supporting verb puts into action
 * ("held talks", "imposed sanctions", "launched an investigation"). Many verbs mean different
 * things depending on what they act on ("lift sanctions" concedes, "impose sanctions" sanctions,
 * "strike a deal" agrees, "strike a town" assaults), so a verb carries an ordered list of senses,
 * each with the conditions under which it applies; the first sense whose conditions hold wins.
 */

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** Cooperation reported as a promise is coded AGREE; these are the types that fold into it. */
export const COOPERATIVE: ReadonlySet<string> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'AGREE']);
/** Material conflict: when announced for the future by the one who would do it, it is a threat. */
export const COERCIVE: ReadonlySet<string> = new Set(['SANCTION', 'COERCE', 'ASSAULT', 'MOBILIZE', 'PROTEST']);
/** Verbal acts: their time of utterance is the event, so future or past tense does not change them. */
export const VERBAL: ReadonlySet<string> = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

/**
 * What a governing verb does with the event in its complement: "agreed to send" is a promise,
 * "demanded that X withdraw" a demand, "refused to meet" a rejection, "threatened to impose" a
 * threat, "accused X of attacking" an accusation. The complement is not reported as a separate
 * event, because it did not happen as such; it only shapes the governor's type and mode.
 */
export type Governs = 'intent' | 'request' | 'reject' | 'threat' | 'accuse' | 'protest';

export type Sense = {
  /** null: the word is an event only through the complement it governs ("warned that ... would"). */
  type: PloverType | null;
  mode?: string;
  /** The word right after the verb must be one of these ("call for", "step down", "open fire"). */
  particle?: readonly string[];
  /** The verb's object (or, in the passive, its subject) must contain a word of one of these classes. */
  object?: readonly WordClassName[];
  /** ...and none of these. */
  notObject?: readonly WordClassName[];
  governs?: Governs;
  /** Verbs such as "kill" or "destroy" also describe accidents and disasters: require a doer who is a named actor or an armed group. */
  agent?: boolean;
  /** Meetings need a counterpart: a named entity after the verb, or "with". */
  party?: boolean;
  /** "urged X to ...", "called on X to ...": a to-infinitive must follow within a few words. */
  thenTo?: boolean;
  /** The subject must contain a word of one of these classes ("workers struck" is a labour strike). */
  subject?: readonly WordClassName[];
  /** Only in the passive ("were beaten" by police, not "beat Brazil 2-1"). */
  passiveOnly?: boolean;
  /** Only with an object: "Brazil attacked relentlessly" is football, "Brazil attacked the town" is not. */
  needsObject?: boolean;
  /** The word right before the verb must be this one ("sexually abused"). */
  after?: string;
  /** The subject must be a state, an organisation or an office: permissions are given by authorities. */
  official?: boolean;
  /** Both sides act: a compound subject ("Israel and Syria agreed") gives actor and recipient. */
  symmetric?: boolean;
  /** Pick the ASSAULT mode from the weapons named near the trigger. */
  weaponMode?: boolean;
};

export type NounSense = Sense & {
  /** Verbs (lemma, or "lemma particle") that put the noun into action: "held talks", "carried out raids". */
  support: ReadonlySet<string>;
};

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/** "Ukraine's partners", "Iran's allies": a possessor whose relatives are other parties. */
export const RELATIONS: ReadonlySet<string> = words(
  'partner ally enemy neighbour neighbor critic opponent rival friend backer supporter foe adversary counterpart',
);

/** Word classes, by lower-case lemma (singular). */
export const WORD_CLASSES = {
  AID_GOODS: words(`aid assistance relief help food grain wheat rice flour fuel diesel medicine medication vaccine
    supply equipment materiel weapon arm ammunition munition missile rocket tank artillery jet fighter drone helicopter
    warship money fund funding grant loan credit cash dollar euro pound yen yuan rouble ruble shelter tent blanket
    asylum refuge worker labourer laborer engineer doctor nurse medic specialist adviser advisor instructor volunteer
    peacekeeper rescuer personnel sapper contingent donation generator ambulance`),
  /** Armed people and military hardware: sending these is a show of force unless it is to help someone. */
  FORCES: words(`troop soldier force army unit battalion brigade division regiment reservist marine paratrooper
    commando warship ship vessel carrier fleet submarine tank jet bomber missile battery artillery weapon`),
  POLICE: words(`police policeman officer gendarme gendarmerie security guard riot`),
  SANCTIONS: words(`sanction embargo tariff penalty duty blacklist`),
  CURFEW: words(`curfew`),
  EMERGENCY: words(`emergency martial siege`),
  RESTRICTIONS: words(`restriction ban blockade limit curb control barrier`),
  TIES: words(`tie relation link contact cooperation relationship diplomatic`),
  TRADE: words(`trade import export flight shipment commerce investment aid assistance loan funding credit delivery
    supply`),
  DIPLOMATS: words(`diplomat ambassador envoy attache attaché consul embassy chargé charge`),
  /** Civilians a state or organisation keeps abroad: withdrawing or expelling them cuts relations. */
  MISSIONS: words(`observer inspector monitor peacekeeper mission staff delegation worker adviser advisor expert
    volunteer personnel team`),
  /** Passages a state can close to others. */
  CLOSABLE: words(`border frontier crossing strait airspace port harbour harbor checkpoint waters corridor`),
  OBSERVERS: words(`observer inspector monitor peacekeeper`),
  ACCESS: words(`access entry passage`),
  EVACUEES: words(`wounded injured sick civilian resident people refugee child patient casualty survivor`),
  JOINT: words(`joint combined bilateral multinational trilateral`),
  WAR: words(`war`),
  CAPTIVES: words(`prisoner hostage detainee captive pow inmate abductee`),
  PEOPLE: words(`people person civilian citizen national journalist reporter activist migrant refugee worker
    protester demonstrator student opponent dissident leader member official suspect man woman child`),
  AGREEMENTS: words(`agreement deal accord treaty pact memorandum mou contract protocol convention declaration
    compact framework charter`),
  SETTLEMENTS: words(`agreement deal accord consensus compromise understanding settlement bargain truce ceasefire
    cease-fire armistice`),
  PROPOSALS: words(`proposal offer plan request demand call appeal ultimatum invitation resolution bid motion idea
    initiative suggestion allegation accusation charge claim report criticism condition term`),
  MEETINGS: words(`talk meeting negotiation summit visit conference consultation discussion dialogue trip session`),
  CEASEFIRE: words(`ceasefire cease-fire truce armistice`),
  DISSENT: words(`strike protest boycott demonstration rally sit-in march walkout blockade`),
  INTEL: words(`intelligence information evidence data expertise knowledge findings`),
  PLACES: words(`town city village territory area region province district stronghold base position hill
    airport port capital border bridge road highway street control`),
  ROADS: words(`road highway street motorway bridge crossing route junction railway entrance access`),
  MEDIA: words(`newspaper website site broadcaster channel station publication magazine paper book film app
    platform network account outlet`),
  ORGANISATIONS: words(`party group organization organisation movement union association opposition faction`),
  UTILITIES: words(`water power electricity internet supply phone telephone gas fuel`),
  GOODS: words(`weapon arm explosive ammunition drug property asset document passport ship vessel tanker cargo
    equipment vehicle land house`),
  ABSTRACT: words(`corruption poverty disease virus crime inflation climate fire cancer hunger unemployment
    discrimination racism extremism terrorism drought pandemic epidemic battle case charge election elections
    ruling decision law tooth nail odds`),
  OPINIONS: words(`policy plan decision remark comment statement proposal move law bill idea approach record
    claim report government administration leadership strategy budget reform measure`),
  /** What officials decline to give reporters: declining these is no political rejection. */
  NON_STATEMENTS: words(`comment say elaborate confirm discuss disclose answer respond speak name identify specify
    reveal detail number figure estimate interview information details`),
  SUPPORTED: words(`right policy decision action record plan move measure stance position law reform effort
    sovereignty independence integrity`),
  RECOGNISED: words(`independence government state sovereignty statehood republic`),
  MUNITIONS: words(`missile rocket shell mortar round bullet shot salvo barrage grenade teargas cannon weapon
    artillery drone projectile`),
  HUNGER: words(`hunger`),
  STRIKE_KINDS: words(`general national nationwide labour labor warning token day-long week-long indefinite`),
  GOVERNMENTS: words(`government ministry embassy office administration cabinet presidency council parliament
    kremlin president minister spokesman spokeswoman spokesperson authority authorities state`),
  /** Things that cannot act: "a resolution that aims to tighten sanctions" has no actor of its own. */
  DOCUMENTS: words(`resolution report law bill plan proposal statement decision agreement deal accord treaty
    measure policy rule regulation order decree document letter draft text programme program initiative`),
  ARMED_GROUPS: words(`troop soldier force army military militant rebel gunman insurgent fighter militia
    militiaman guerrilla guerilla commando paratrooper marine navy reservist unit battalion brigade`),
  LABOUR: words(`worker union teacher doctor nurse miner driver pilot employee staff student farmer docker
    railworker labourer laborer trucker porter`),
} as const satisfies Record<string, ReadonlySet<string>>;
export type WordClassName = keyof typeof WORD_CLASSES;

/** Doers whose killing or destroying is an act of force, not an accident. */
export const ARMED: ReadonlySet<string> = words(`troop soldier force army military militant rebel gunman police
  insurgent fighter militia militiaman bomber attacker terrorist jet warplane aircraft drone missile rocket
  shelling airstrike strike attack bomb bombing explosion gunfire sniper assailant guerrilla guerilla raid
  artillery shell mortar commando paratrooper marine navy airforce regime junta mob gang assassin jihadist
  extremist separatist squad unit battalion brigade`);

/** Verbs that only set an event noun going; the noun carries the meaning. */
const LAUNCH = 'launch mount stage carry_out conduct begin start resume continue unleash step_up intensify escalate';

const support = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/).map((w) => w.replace(/_/g, ' ')));

/**
 * Senses of verbs, by lemma. Ordered: a verb's particle- and object-specific senses come before
 * its general one.
 */
export const VERB_SENSES: ReadonlyMap<string, readonly Sense[]> = new Map<string, Sense[]>([
  // --- CONSULT: meetings, visits, calls, negotiation
  ['meet', [{ type: 'CONSULT', party: true, symmetric: true, notObject: ['PROPOSALS'] }]],
  ['visit', [{ type: 'CONSULT', mode: 'visit', party: true }]],
  ['host', [{ type: 'CONSULT', mode: 'visit', party: true }]],
  ['negotiate', [{ type: 'CONSULT', symmetric: true }]],
  ['confer', [{ type: 'CONSULT', party: true, symmetric: true }]],
  ['consult', [{ type: 'CONSULT', party: true, symmetric: true }]],
  ['mediate', [{ type: 'CONSULT', mode: 'third-party' }]],
  ['telephone', [{ type: 'CONSULT', mode: 'phone', party: true }]],
  ['phone', [{ type: 'CONSULT', mode: 'phone', party: true }]],
  ['talk', [{ type: 'CONSULT', particle: ['with'], party: true, symmetric: true }]],
  ['speak', [{ type: 'CONSULT', particle: ['with'], party: true, symmetric: true }]],
  ['discuss', [{ type: 'CONSULT', party: true, symmetric: true }]],
  ['receive', [{ type: 'CONSULT', mode: 'visit', party: true, object: ['DIPLOMATS'] }, { type: 'RETREAT', mode: 'access', object: ['OBSERVERS'] }]],
  ['arrive', [{ type: 'CONSULT', mode: 'visit', object: ['MEETINGS'] }]],
  ['travel', [{ type: 'CONSULT', mode: 'visit', object: ['MEETINGS'] }]],
  ['fly', [{ type: 'CONSULT', mode: 'visit', object: ['MEETINGS'] }]],

  // --- AGREE: promises, offers, settlements
  ['agree', [{ type: 'AGREE', particle: ['to', 'on', 'upon'], governs: 'intent', symmetric: true }, { type: 'AGREE', object: ['SETTLEMENTS', 'PROPOSALS'], symmetric: true }]],
  ['promise', [{ type: 'AGREE', governs: 'intent' }]],
  ['pledge', [{ type: 'AGREE', governs: 'intent' }]],
  ['vow', [{ type: null, governs: 'intent' }]],
  ['commit', [{ type: 'AGREE', particle: ['to'], governs: 'intent' }]],
  ['offer', [
    { type: 'AGREE', particle: ['to'], governs: 'intent' },
    { type: 'AGREE', object: ['AID_GOODS', 'FORCES', 'MEETINGS', 'SETTLEMENTS', 'PROPOSALS'], notObject: ['NON_STATEMENTS'] },
  ]],
  ['propose', [{ type: 'AGREE', governs: 'intent' }]],
  ['invite', [{ type: 'AGREE', party: true }]],
  ['accept', [{ type: 'CONCEDE', object: ['PROPOSALS'], notObject: ['AGREEMENTS'] }, { type: 'AGREE', object: ['SETTLEMENTS', 'AGREEMENTS', 'MEETINGS'] }]],
  ['decide', [{ type: null, governs: 'intent' }]],

  // --- SUPPORT: praise, endorsement, signing, diplomatic recognition
  ['praise', [{ type: 'SUPPORT' }]],
  ['commend', [{ type: 'SUPPORT' }]],
  ['hail', [{ type: 'SUPPORT' }]],
  ['applaud', [{ type: 'SUPPORT' }]],
  ['laud', [{ type: 'SUPPORT' }]],
  ['endorse', [{ type: 'SUPPORT' }]],
  ['thank', [{ type: 'SUPPORT' }]],
  ['congratulate', [{ type: 'SUPPORT' }]],
  ['forgive', [{ type: 'SUPPORT' }]],
  ['welcome', [{ type: 'CONSULT', mode: 'visit', object: ['DIPLOMATS'] }, { type: 'SUPPORT', notObject: ['PEOPLE'] }]],
  ['back', [{ type: 'CONCEDE', particle: ['down'] }, { type: 'SUPPORT', notObject: ['PLACES'] }]],
  ['support', [{ type: 'SUPPORT' }]],
  ['defend', [{ type: 'SUPPORT', object: ['SUPPORTED'] }]],
  ['recognize', [{ type: 'SUPPORT', object: ['RECOGNISED'] }]],
  ['sign', [{ type: 'SUPPORT', object: ['AGREEMENTS'], symmetric: true }]],
  ['ratify', [{ type: 'SUPPORT' }]],
  ['restore', [{ type: 'SUPPORT', object: ['TIES'], symmetric: true }]],
  ['establish', [{ type: 'SUPPORT', object: ['TIES'], symmetric: true }]],
  ['normalize', [{ type: 'SUPPORT', object: ['TIES'], symmetric: true }]],
  ['upgrade', [{ type: 'SUPPORT', object: ['TIES'], symmetric: true }]],

  // --- COOPERATE: material cooperation between both sides
  ['cooperate', [{ type: 'COOPERATE', symmetric: true }]],
  ['collaborate', [{ type: 'COOPERATE', symmetric: true }]],
  ['share', [{ type: 'COOPERATE', object: ['INTEL'], symmetric: true }]],
  ['extradite', [{ type: 'COOPERATE' }]],

  // --- AID: material help whose benefit goes to the recipient
  ['send', [{ type: 'MOBILIZE', mode: 'troops', object: ['FORCES'] }, { type: 'AID', object: ['AID_GOODS'] }]],
  ['dispatch', [{ type: 'MOBILIZE', mode: 'troops', object: ['FORCES'] }, { type: 'AID', object: ['AID_GOODS'] }]],
  ['provide', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['supply', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['deliver', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['ship', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['airlift', [{ type: 'AID' }]],
  ['give', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['donate', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['contribute', [{ type: 'AID', object: ['AID_GOODS', 'FORCES'] }]],
  ['lend', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['extend', [{ type: 'AID', object: ['AID_GOODS'] }]],
  ['grant', [{ type: 'CONCEDE', object: ['CAPTIVES'] }, { type: 'AID', object: ['AID_GOODS'] }]],
  ['rescue', [{ type: 'AID' }]],
  ['evacuate', [{ type: 'AID', object: ['EVACUEES'] }]],

  // --- CONCEDE: promises and verbal concessions
  ['lift', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'EMERGENCY', 'RESTRICTIONS'] }]],
  ['ease', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'EMERGENCY', 'RESTRICTIONS'] }]],
  ['relax', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'EMERGENCY', 'RESTRICTIONS'] }]],
  ['pardon', [{ type: 'CONCEDE' }]],
  ['acquit', [{ type: 'CONCEDE' }]],
  ['apologize', [{ type: 'CONCEDE' }]],
  ['call', [
    { type: 'REQUEST', particle: ['for'], governs: 'request' },
    { type: 'REQUEST', particle: ['on', 'upon'], thenTo: true, governs: 'request' },
    { type: 'CONCEDE', particle: ['off'], object: ['DISSENT'] },
    { type: 'REJECT', mode: 'meet', particle: ['off'], object: ['MEETINGS'] },
  ]],

  // --- RETREAT: withdrawals, releases, resignations, disarming
  ['withdraw', [
    { type: 'RETREAT', mode: 'withdraw', object: ['FORCES'] },
    { type: 'SANCTION', mode: 'withdraw', object: ['DIPLOMATS', 'AGREEMENTS', 'ORGANISATIONS', 'TRADE', 'MISSIONS'] },
  ]],
  ['pull', [{ type: 'RETREAT', mode: 'withdraw', particle: ['out', 'back'], object: ['FORCES'] }]],
  ['retreat', [{ type: 'RETREAT', mode: 'withdraw', agent: true }]],
  ['release', [{ type: 'RETREAT', mode: 'release', object: ['CAPTIVES', 'PEOPLE'] }]],
  ['free', [{ type: 'RETREAT', mode: 'release', object: ['CAPTIVES', 'PEOPLE'] }]],
  ['resign', [{ type: 'RETREAT', mode: 'resign' }]],
  ['step', [{ type: 'RETREAT', mode: 'resign', particle: ['down'] }]],
  ['disarm', [{ type: 'RETREAT', mode: 'disarm' }]],
  ['demobilize', [{ type: 'RETREAT', mode: 'disarm' }]],
  ['surrender', [{ type: 'RETREAT', mode: 'disarm' }]],
  ['observe', [{ type: 'RETREAT', mode: 'ceasefire', object: ['CEASEFIRE'] }]],
  ['exchange', [{ type: 'RETREAT', mode: 'release', object: ['CAPTIVES'], symmetric: true }]],

  // --- REQUEST: requests, demands, orders
  ['demand', [{ type: 'REQUEST', governs: 'request' }]],
  ['urge', [{ type: 'REQUEST', governs: 'request' }]],
  ['appeal', [{ type: 'REQUEST', particle: ['for', 'to'], governs: 'request' }]],
  ['ask', [
    { type: 'REQUEST', particle: ['for'], governs: 'request' },
    { type: 'REQUEST', thenTo: true, governs: 'request', notObject: ['NON_STATEMENTS'] },
  ]],
  ['request', [{ type: 'REQUEST', governs: 'request' }]],
  ['press', [{ type: 'REQUEST', particle: ['for'], governs: 'request' }, { type: 'REQUEST', thenTo: true, governs: 'request' }]],
  ['push', [{ type: 'REQUEST', particle: ['for'], governs: 'request' }]],
  ['plead', [{ type: 'REQUEST', governs: 'request' }]],
  ['implore', [{ type: 'REQUEST', governs: 'request' }]],
  ['petition', [{ type: 'REQUEST', governs: 'request' }]],
  ['insist', [{ type: 'REQUEST', particle: ['on', 'upon'], governs: 'request' }]],
  ['order', [{ type: 'REQUEST', governs: 'request', notObject: ['GOODS'] }]],
  ['seek', [{ type: 'REQUEST', mode: 'assist', object: ['AID_GOODS'] }, { type: 'REQUEST', mode: 'meet', object: ['MEETINGS'] }, { type: 'REQUEST', thenTo: true, governs: 'request' }]],

  // --- ACCUSE: criticism, accusation, lawsuits, investigations
  ['accuse', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['blame', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['allege', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['charge', [{ type: 'ACCUSE', mode: 'allege', particle: ['that'], governs: 'accuse' }, { type: 'ACCUSE', mode: 'allege', governs: 'accuse', object: ['PEOPLE'] }]],
  ['indict', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['prosecute', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['sue', [{ type: 'ACCUSE', mode: 'allege', governs: 'accuse' }]],
  ['condemn', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['denounce', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['criticize', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['decry', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['deplore', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['slam', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['censure', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['rebuke', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['reprimand', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['lambast', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['complain', [{ type: 'ACCUSE', mode: 'disapprove', governs: 'accuse' }]],
  ['summon', [{ type: 'ACCUSE', mode: 'disapprove', object: ['DIPLOMATS'] }]],
  ['investigate', [{ type: 'ACCUSE', mode: 'investigate', governs: 'accuse' }]],
  ['probe', [{ type: 'ACCUSE', mode: 'investigate', governs: 'accuse' }]],
  ['interrogate', [{ type: 'ACCUSE', mode: 'investigate' }]],

  // --- REJECT: rejections, refusals, vetoes
  ['reject', [{ type: 'REJECT', governs: 'reject' }]],
  ['refuse', [{ type: 'REJECT', governs: 'reject', notObject: ['NON_STATEMENTS'] }]],
  ['decline', [
    { type: 'REJECT', particle: ['to'], governs: 'reject', notObject: ['NON_STATEMENTS'] },
    { type: 'REJECT', object: ['PROPOSALS', 'MEETINGS'], notObject: ['NON_STATEMENTS'] },
  ]],
  ['deny', [{ type: 'REJECT', governs: 'reject' }]],
  ['veto', [{ type: 'REJECT' }]],
  ['oppose', [{ type: 'REJECT', governs: 'reject' }]],
  ['rebuff', [{ type: 'REJECT' }]],
  ['spurn', [{ type: 'REJECT' }]],
  ['renege', [{ type: 'REJECT' }]],
  ['defy', [{ type: 'REJECT' }]],
  ['dismiss', [{ type: 'REJECT', object: ['PROPOSALS'] }]],
  ['turn', [{ type: 'REJECT', particle: ['down'], object: ['PROPOSALS', 'MEETINGS', 'AID_GOODS'] }]],
  ['rule', [{ type: 'REJECT', particle: ['out'] }]],
  ['cancel', [{ type: 'REJECT', mode: 'meet', object: ['MEETINGS'] }, { type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'RESTRICTIONS'] }]],
  ['scrap', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'RESTRICTIONS'] }]],
  ['revoke', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'RESTRICTIONS'] }]],
  ['abolish', [{ type: 'CONCEDE', object: ['SANCTIONS', 'CURFEW', 'RESTRICTIONS'] }]],
  ['allow', [{ type: 'RETREAT', mode: 'access', object: ['OBSERVERS', 'ACCESS'] }, { type: 'CONCEDE', thenTo: true, official: true }]],
  ['permit', [{ type: 'RETREAT', mode: 'access', object: ['OBSERVERS', 'ACCESS'] }, { type: 'CONCEDE', thenTo: true, official: true }]],
  ['postpone', [{ type: 'REJECT', mode: 'meet', object: ['MEETINGS'] }]],
  ['fail', [{ type: 'REJECT', particle: ['to'], governs: 'reject' }]],

  // --- THREATEN
  ['threaten', [{ type: 'THREATEN', governs: 'threat' }]],
  ['warn', [{ type: null, governs: 'threat' }]],

  // --- PROTEST: collective dissent on the street or at work
  ['protest', [{ type: 'ACCUSE', mode: 'disapprove', particle: ['to', 'that'] }, { type: 'PROTEST', mode: 'demo', governs: 'protest' }]],
  ['demonstrate', [{ type: 'PROTEST', mode: 'demo', particle: ['against', 'outside', 'in', 'at', 'near', 'for', 'on', 'across', 'throughout', ',', '.'], governs: 'protest' }]],
  ['rally', [{ type: 'PROTEST', mode: 'demo', particle: ['against', 'outside'], governs: 'protest' }]],
  ['march', [{ type: 'PROTEST', mode: 'demo', particle: ['against', 'through'], subject: ['LABOUR', 'PEOPLE'] }]],
  ['riot', [{ type: 'PROTEST', mode: 'riot' }]],
  ['boycott', [{ type: 'PROTEST', mode: 'boycott' }]],
  ['picket', [{ type: 'PROTEST', mode: 'demo' }]],
  ['block', [
    { type: 'PROTEST', mode: 'obstruct', object: ['ROADS'] },
    { type: 'COERCE', mode: 'censor', object: ['MEDIA'] },
    { type: 'REJECT', object: ['PROPOSALS', 'AGREEMENTS'] },
  ]],

  // --- SANCTION: cutting back relations
  ['sanction', [{ type: 'SANCTION', mode: 'discontinue' }]],
  ['embargo', [{ type: 'SANCTION', mode: 'discontinue' }]],
  ['blacklist', [{ type: 'SANCTION', mode: 'discontinue' }]],
  ['impose', [
    { type: 'SANCTION', mode: 'discontinue', object: ['SANCTIONS'] },
    { type: 'COERCE', mode: 'curfew', object: ['CURFEW'] },
    { type: 'COERCE', mode: 'martial-law', object: ['EMERGENCY'] },
    { type: 'SANCTION', mode: 'discontinue', object: ['TRADE'] },
    { type: 'COERCE', mode: 'restrict', object: ['RESTRICTIONS'] },
  ]],
  ['cut', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] }, { type: 'COERCE', mode: 'withhold', particle: ['off'], object: ['UTILITIES'] }]],
  ['sever', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] }]],
  ['break', [{ type: 'SANCTION', mode: 'discontinue', particle: ['off'], object: ['TIES', 'MEETINGS'] }]],
  ['suspend', [
    { type: 'REJECT', mode: 'meet', object: ['MEETINGS'] },
    { type: 'CONCEDE', object: ['DISSENT'] },
    { type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] },
  ]],
  ['reduce', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] }]],
  ['curtail', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] }]],
  ['close', [
    { type: 'SANCTION', mode: 'withdraw', object: ['DIPLOMATS'] },
    { type: 'COERCE', mode: 'restrict', object: ['CLOSABLE'] },
    { type: 'COERCE', mode: 'censor', object: ['MEDIA'] },
  ]],
  ['shut', [{ type: 'COERCE', mode: 'censor', particle: ['down'], object: ['MEDIA'] }, { type: 'COERCE', mode: 'restrict', object: ['CLOSABLE'] }]],
  ['halt', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'] }]],
  ['freeze', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE', 'GOODS'] }]],
  ['downgrade', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES'] }]],
  ['recall', [{ type: 'SANCTION', mode: 'withdraw', object: ['DIPLOMATS'] }]],
  ['expel', [{ type: 'SANCTION', mode: 'expel', object: ['DIPLOMATS', 'ORGANISATIONS', 'MISSIONS'] }, { type: 'COERCE', mode: 'deport', object: ['PEOPLE'] }]],
  ['convict', [{ type: 'SANCTION', mode: 'convict' }]],
  ['sentence', [{ type: 'SANCTION', mode: 'convict' }]],

  // --- MOBILIZE: shows of force short of using it
  ['mobilize', [
    { type: 'MOBILIZE', mode: 'police', object: ['POLICE'] },
    { type: 'MOBILIZE', mode: 'troops', object: ['FORCES', 'ARMED_GROUPS'] },
    { type: 'MOBILIZE', mode: 'troops', subject: ['ARMED_GROUPS'] },
  ]],
  ['deploy', [{ type: 'MOBILIZE', mode: 'police', object: ['POLICE'] }, { type: 'MOBILIZE', mode: 'troops', object: ['FORCES'] }]],
  ['mass', [{ type: 'MOBILIZE', mode: 'troops', object: ['FORCES'] }]],

  // --- COERCE: repression and coercion short of violence
  ['arrest', [{ type: 'COERCE', mode: 'arrest' }]],
  ['detain', [{ type: 'COERCE', mode: 'arrest' }]],
  ['jail', [{ type: 'COERCE', mode: 'arrest' }]],
  ['imprison', [{ type: 'COERCE', mode: 'arrest' }]],
  ['deport', [{ type: 'COERCE', mode: 'deport' }]],
  ['confiscate', [{ type: 'COERCE', mode: 'seize' }]],
  ['impound', [{ type: 'COERCE', mode: 'seize' }]],
  ['seize', [{ type: 'ASSAULT', object: ['PLACES'], agent: true }, { type: 'COERCE', mode: 'seize' }]],
  ['raid', [{ type: 'COERCE', mode: 'seize', agent: true }]],
  ['ban', [{ type: 'COERCE', mode: 'censor', object: ['MEDIA'] }, { type: 'COERCE', mode: 'restrict', notObject: ['TRADE'] }, { type: 'SANCTION', mode: 'discontinue' }]],
  ['prohibit', [{ type: 'COERCE', mode: 'censor', object: ['MEDIA'] }, { type: 'COERCE', mode: 'restrict', notObject: ['TRADE'] }, { type: 'SANCTION', mode: 'discontinue' }]],
  ['blockade', [{ type: 'COERCE', mode: 'restrict' }]],
  ['prevent', [{ type: 'COERCE', mode: 'restrict', object: ['DISSENT'] }]],
  ['outlaw', [{ type: 'COERCE', mode: 'restrict' }]],
  ['proscribe', [{ type: 'COERCE', mode: 'restrict' }]],
  ['censor', [{ type: 'COERCE', mode: 'censor' }]],
  ['crack', [{ type: 'COERCE', mode: 'restrict', particle: ['down'] }]],
  ['disperse', [{ type: 'COERCE', mode: 'restrict', object: ['PEOPLE'] }]],
  ['hack', [{ type: 'COERCE', mode: 'cyber' }]],
  ['declare', [{ type: 'COERCE', mode: 'martial-law', object: ['EMERGENCY'] }, { type: 'CONCEDE', object: ['CEASEFIRE'] }]],

  // --- ASSAULT: deliberate force (PLOVER 2.0 folds the older FIGHT category in here)
  ['attack', [
    { type: 'ACCUSE', mode: 'disapprove', object: ['OPINIONS'] },
    // a newspaper or a speech attacks with words
    { type: 'ACCUSE', mode: 'disapprove', subject: ['MEDIA'] },
    { type: 'ASSAULT', weaponMode: true, needsObject: true },
  ]],
  ['strike', [
    { type: 'AGREE', object: ['SETTLEMENTS'], symmetric: true },
    { type: 'PROTEST', mode: 'strike', subject: ['LABOUR'] },
    { type: 'ASSAULT', weaponMode: true, agent: true },
  ]],
  ['shell', [{ type: 'ASSAULT', mode: 'heavy-weapons' }]],
  ['bomb', [{ type: 'ASSAULT', mode: 'explosives', weaponMode: true }]],
  ['bombard', [{ type: 'ASSAULT', mode: 'heavy-weapons', weaponMode: true, agent: true }]],
  ['shoot', [{ type: 'ASSAULT', mode: 'firearms', weaponMode: true, notObject: ['NON_STATEMENTS'] }]],
  ['open', [{ type: 'ASSAULT', mode: 'firearms', particle: ['fire'] }]],
  ['fire', [{ type: 'ASSAULT', mode: 'heavy-weapons', object: ['MUNITIONS'], weaponMode: true }]],
  ['launch', [{ type: 'ASSAULT', mode: 'heavy-weapons', object: ['MUNITIONS'], weaponMode: true }]],
  ['test-fire', [{ type: 'MOBILIZE', mode: 'weapons' }]],
  ['kill', [{ type: 'ASSAULT', agent: true, weaponMode: true }]],
  ['murder', [{ type: 'ASSAULT', mode: 'targeted' }]],
  ['assassinate', [{ type: 'ASSAULT', mode: 'targeted' }]],
  ['execute', [{ type: 'ASSAULT', mode: 'targeted', object: ['PEOPLE', 'CAPTIVES'] }]],
  ['massacre', [{ type: 'ASSAULT', mode: 'targeted' }]],
  ['slaughter', [{ type: 'ASSAULT', mode: 'targeted', agent: true }]],
  ['wound', [{ type: 'ASSAULT', agent: true, weaponMode: true }]],
  ['injure', [{ type: 'ASSAULT', agent: true, weaponMode: true }]],
  ['invade', [{ type: 'ASSAULT' }]],
  ['capture', [{ type: 'ASSAULT', mode: 'abduct', object: ['FORCES', 'PEOPLE'], agent: true }, { type: 'ASSAULT', object: ['PLACES'], agent: true }]],
  ['retake', [{ type: 'ASSAULT' }]],
  ['recapture', [{ type: 'ASSAULT' }]],
  ['overrun', [{ type: 'ASSAULT' }]],
  ['storm', [{ type: 'ASSAULT', agent: true }]],
  ['ambush', [{ type: 'ASSAULT', weaponMode: true }]],
  ['torture', [{ type: 'ASSAULT', mode: 'torture' }]],
  ['rape', [{ type: 'ASSAULT', mode: 'sexual' }]],
  ['abuse', [{ type: 'ASSAULT', mode: 'sexual', after: 'sexually' }]],
  ['assault', [{ type: 'ASSAULT', mode: 'beat', agent: true }]],
  ['stab', [{ type: 'ASSAULT', mode: 'primitive' }]],
  ['beat', [{ type: 'ASSAULT', mode: 'beat', particle: ['up'] }, { type: 'ASSAULT', mode: 'beat', passiveOnly: true }]],
  ['kidnap', [{ type: 'ASSAULT', mode: 'abduct' }]],
  ['abduct', [{ type: 'ASSAULT', mode: 'abduct' }]],
  ['hijack', [{ type: 'ASSAULT', mode: 'abduct' }]],
  ['destroy', [{ type: 'ASSAULT', mode: 'destroy', agent: true }]],
  ['demolish', [{ type: 'ASSAULT', mode: 'destroy', agent: true }]],
  ['raze', [{ type: 'ASSAULT', mode: 'destroy' }]],
  ['torch', [{ type: 'ASSAULT', mode: 'destroy' }]],
  ['blow', [{ type: 'ASSAULT', mode: 'explosives', particle: ['up'], agent: true }]],
  ['detonate', [{ type: 'ASSAULT', mode: 'explosives' }]],
  ['set', [{ type: 'ASSAULT', mode: 'destroy', particle: ['fire', 'ablaze'] }]],
  ['fight', [{ type: 'ASSAULT', symmetric: true, weaponMode: true, agent: true, notObject: ['ABSTRACT'] }]],
  ['clash', [{ type: 'ASSAULT', symmetric: true, weaponMode: true }]],
  ['battle', [{ type: 'ASSAULT', symmetric: true, weaponMode: true, agent: true, notObject: ['ABSTRACT'] }]],
  ['retaliate', [{ type: 'ASSAULT' }]],
]);

/**
 * Event nouns and the verbs that put them into action. The trigger span runs from the verb to
 * the noun ("imposed new sanctions"); the verb's subject is the actor.
 */
export const NOUN_SENSES: ReadonlyMap<string, readonly NounSense[]> = new Map<string, NounSense[]>([
  ...(['talk', 'negotiation', 'consultation', 'discussion', 'meeting', 'summit', 'dialogue'] as const).map(
    (n): [string, NounSense[]] => [n, [{ type: 'CONSULT', symmetric: true, support: support('hold have open begin start resume renew conduct host attend') }]],
  ),
  ['mediation', [{ type: 'CONSULT', mode: 'third-party', support: support('launch begin start offer conduct') }]],
  ['visit', [{ type: 'CONSULT', mode: 'visit', support: support('make pay begin start') }]],
  ...(['attack', 'offensive', 'assault', 'raid', 'airstrike', 'bombardment', 'bombing', 'incursion', 'invasion', 'ambush', 'operation'] as const).map(
    (n): [string, NounSense[]] => [n, [{ type: 'ASSAULT', weaponMode: true, support: support(LAUNCH) }]],
  ),
  ['strike', [
    { type: 'PROTEST', mode: 'hunger', object: ['HUNGER'], support: support('stage hold begin start go_on launch continue') },
    { type: 'PROTEST', mode: 'strike', support: support('stage call go_on organize hold') },
    { type: 'PROTEST', mode: 'strike', object: ['LABOUR', 'STRIKE_KINDS'], support: support('begin start launch continue') },
    { type: 'ASSAULT', weaponMode: true, support: support(`${LAUNCH} order`) },
  ]],
  ['fire', [{ type: 'ASSAULT', mode: 'firearms', support: support('open') }]],
  ['hostage', [{ type: 'ASSAULT', mode: 'abduct', support: support('take hold seize') }]],
  ...(['investigation', 'inquiry', 'probe', 'hearing', 'inquest'] as const).map(
    (n): [string, NounSense[]] => [n, [{ type: 'ACCUSE', mode: 'investigate', support: support('launch open begin start order conduct announce complete conclude hold') }]],
  ),
  ['trial', [{ type: 'ACCUSE', mode: 'allege', support: support('open begin start put_on stand') }]],
  ['suspension', [{ type: 'SANCTION', mode: 'discontinue', object: ['TIES', 'TRADE'], support: support('announce order impose') }]],
  ['alert', [{ type: 'MOBILIZE', mode: 'troops', support: support('put_on place_on remain_on go_on') }]],
  ['lawsuit', [{ type: 'ACCUSE', mode: 'allege', support: support('file bring launch') }]],
  ['suit', [{ type: 'ACCUSE', mode: 'allege', support: support('file bring') }]],
  ['charge', [{ type: 'ACCUSE', mode: 'allege', support: support('file bring press level lay') }]],
  ['complaint', [{ type: 'ACCUSE', mode: 'disapprove', support: support('lodge file make') }]],
  ['protest', [
    { type: 'ACCUSE', mode: 'disapprove', support: support('lodge file register deliver') },
    { type: 'PROTEST', mode: 'demo', governs: 'protest', support: support('stage hold organize lead launch begin start') },
  ]],
  ...(['demonstration', 'rally', 'march', 'sit-in', 'walkout'] as const).map(
    (n): [string, NounSense[]] => [n, [{ type: 'PROTEST', mode: 'demo', governs: 'protest', support: support('stage hold organize lead launch begin start') }]],
  ),
  ['boycott', [{ type: 'PROTEST', mode: 'boycott', support: support('call launch begin start organize') }]],
  ['ultimatum', [{ type: 'THREATEN', support: support('issue give deliver set') }]],
  ['warning', [{ type: 'THREATEN', support: support('issue') }]],
  ['appeal', [{ type: 'REQUEST', governs: 'request', support: support('issue make launch') }]],
  ['demand', [{ type: 'REQUEST', governs: 'request', support: support('issue make') }]],
  ['call', [{ type: 'REQUEST', governs: 'request', support: support('issue') }]],
  ['request', [{ type: 'REQUEST', governs: 'request', support: support('issue make submit file') }]],
  ...(['agreement', 'deal', 'accord', 'consensus', 'compromise', 'understanding', 'settlement'] as const).map(
    (n): [string, NounSense[]] => [n, [
      { type: 'SUPPORT', symmetric: true, support: support('sign ratify finalize conclude') },
      { type: 'AGREE', symmetric: true, support: support('reach strike broker') },
    ]],
  ),
  ...(['treaty', 'pact', 'memorandum'] as const).map(
    (n): [string, NounSense[]] => [n, [{ type: 'SUPPORT', symmetric: true, support: support('sign ratify finalize conclude') }]],
  ),
  ...(['ceasefire', 'cease-fire', 'truce'] as const).map(
    (n): [string, NounSense[]] => [n, [
      { type: 'CONCEDE', support: support('declare announce') },
      { type: 'RETREAT', mode: 'ceasefire', support: support('observe respect implement') },
      { type: 'AGREE', symmetric: true, support: support('sign reach agree_to') },
    ]],
  ),
  ['sanction', [{ type: 'SANCTION', mode: 'discontinue', support: support('impose slap introduce adopt approve tighten extend announce') }, { type: 'CONCEDE', support: support('lift ease relax remove scrap') }]],
  ['embargo', [{ type: 'SANCTION', mode: 'discontinue', support: support('impose slap introduce tighten') }, { type: 'CONCEDE', support: support('lift ease relax remove') }]],
  ['curfew', [{ type: 'COERCE', mode: 'curfew', support: support('impose declare order extend') }, { type: 'CONCEDE', support: support('lift ease relax end') }]],
  ['emergency', [{ type: 'COERCE', mode: 'martial-law', support: support('impose declare extend') }, { type: 'CONCEDE', support: support('lift end') }]],
  ['law', [{ type: 'COERCE', mode: 'martial-law', object: ['EMERGENCY'], support: support('impose declare') }]],
  ['blockade', [{ type: 'COERCE', mode: 'restrict', support: support('impose enforce tighten') }, { type: 'RETREAT', support: support('lift ease end') }]],
  ['crackdown', [{ type: 'COERCE', mode: 'restrict', support: support(LAUNCH) }]],
  ['amnesty', [{ type: 'CONCEDE', support: support('grant declare announce offer') }]],
  ['concession', [{ type: 'CONCEDE', support: support('make offer') }]],
  ...(['exercise', 'drill', 'maneuver', 'manoeuvre', 'game'] as const).map(
    (n): [string, NounSense[]] => [n, [
      // war games held together are cooperation; alone, a show of force
      { type: 'COOPERATE', object: ['JOINT'], support: support('hold conduct stage launch begin start') },
      { type: 'MOBILIZE', mode: 'troops', symmetric: true, object: n === 'game' ? ['WAR'] : undefined, support: support('hold conduct stage launch begin start') },
    ]],
  ),
  ['withdrawal', [
    { type: 'CONCEDE', support: support('announce order promise pledge') },
    { type: 'RETREAT', mode: 'withdraw', object: ['FORCES'], support: support('begin start complete speed_up accelerate carry_out continue') },
  ]],
  ['missile', [{ type: 'MOBILIZE', mode: 'weapons', support: support('test test-fire') }]],
]);

/**
 * Verbs news uses in reduced passives right after a noun: "soldiers killed in the attack",
 * "activists detained last week": the noun is acted upon, not acting.
 */
export const PASSIVE_PRONE: ReadonlySet<string> = words(
  'kill wound injure arrest detain capture seize abduct kidnap deport jail imprison execute torture sentence convict release free evacuate rescue expel confiscate',
);
/** Verbs that pass their subject and assertion through to an infinitive: "began to withdraw". */
export const ASPECTUAL: ReadonlySet<string> = words('begin start continue keep resume try attempt manage go');
/** Verbs and adjectives that make their complement a plan rather than a fact: "plans to send". */
export const INTENT_MARKERS: ReadonlySet<string> = words(
  'plan intend aim prepare expect schedule hope want wish seek ready willing prepared eager determined set poised',
);
/** Modal auxiliaries that put the event in the future (a promise or a threat). */
export const FUTURE_MODALS: ReadonlySet<string> = words("will would shall 'll ’ll wo");
/** Modal auxiliaries of mere possibility: an event under them did not happen and was not promised. */
export const SPECULATIVE_MODALS: ReadonlySet<string> = words('could might may can should must ca');
export const NEGATIONS: ReadonlySet<string> = words("not n't n’t never no longer");
/** Words that open a clause whose event is only supposed, asked about or conditional. */
export const HYPOTHETICAL_OPENERS: ReadonlySet<string> = words('if unless whether how why lest');
/** Day words that stand between subject and verb ("The US on Thursday demanded") even when no time stage ran. */
export const TIME_WORDS: ReadonlySet<string> = words(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight overnight',
);
/** Verbs of saying: a time next to them dates the statement, not the event. */
export const SPEECH_VERBS: ReadonlySet<string> = words(
  'say tell report announce add state claim confirm write quote note insist declare explain reiterate',
);
/** Clause-opening conjunctions: the clause after them has its own subject and time. */
export const SUBORDINATORS: ReadonlySet<string> = words(
  'because after before while although though since until when whereas as once where unless if whether so',
);
/** Prepositions that introduce the party an act is aimed at. */
export const RECIPIENT_LEADS: ReadonlySet<string> = words('to with for against on upon at into toward towards from over');
/** Prepositions that introduce the place where an event happened. */
export const PLACE_LEADS: ReadonlySet<string> = words('in at near inside outside across around throughout');
/** Nouns that may stand between a place preposition and the name ("in the capital, Kabul"). */
export const PLACE_NOUNS: ReadonlySet<string> = words(
  'capital city town village region province district state area port border county suburb outskirts part east west north south centre center',
);

/** Weapon words near an assault, to pick its mode. Ordered: the first mode found wins. */
export const WEAPON_MODES: readonly (readonly [string, ReadonlySet<string>])[] = [
  ['unconventional', words('chemical biological nuclear sarin chlorine nerve radiological')],
  ['suicide-attack', words('suicide')],
  ['drone', words('drone uav')],
  ['aerial', words('airstrike air warplane jet aircraft helicopter bomber airforce')],
  ['heavy-weapons', words('artillery shell shelling mortar rocket missile tank howitzer barrage')],
  ['explosives', words('bomb bombing explosive ied grenade mine landmine blast explosion')],
  ['firearms', words('gun gunfire gunman gunmen rifle pistol sniper bullet shooting shot')],
  ['crowd-control', words('tear teargas cannon rubber baton')],
  ['primitive', words('knife machete stone rock axe spear arson')],
];

/**
 * The words English news uses to say when: month, weekday and season names, units of time,
 * number words, and the small closed classes (approximators, positions within a period) that
 * TimeML keeps inside a time expression's span. Everything is lower-case; lookups are Map gets.
 */

export const MONTHS = new Map<string, number>([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6],
  ['july', 7], ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
]);

/** Abbreviations count only when capitalised and followed by a day or year ("Jan" is also a name). */
export const MONTH_ABBREVIATIONS = new Map<string, number>([
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8],
  ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** Month names that are also common words or given names; they need stronger evidence. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august', 'june', 'april']);

/** ISO weekday numbers: Monday = 1. */
export const WEEKDAYS = new Map<string, number>([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);
export const WEEKDAY_PLURALS = new Map<string, number>([
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export const SEASONS = new Map<string, Season>([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);
/** Month in which each (northern-hemisphere, meteorological) season starts; winter YYYY starts in December of YYYY. */
export const SEASON_START_MONTH: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** Units of duration and the TIMEX3 letter each is written with. */
export type Unit = 'S' | 'MIN' | 'H' | 'D' | 'W' | 'M' | 'Q' | 'Y' | 'DE' | 'CE';
export const UNITS = new Map<string, { unit: Unit; plural: boolean }>();
for (const [unit, singular, plural] of [
  ['S', 'second', 'seconds'], ['MIN', 'minute', 'minutes'], ['H', 'hour', 'hours'], ['D', 'day', 'days'],
  ['W', 'week', 'weeks'], ['M', 'month', 'months'], ['Q', 'quarter', 'quarters'], ['Y', 'year', 'years'],
  ['DE', 'decade', 'decades'], ['CE', 'century', 'centuries'],
] as [Unit, string, string][]) {
  UNITS.set(singular, { unit, plural: false });
  UNITS.set(plural, { unit, plural: true });
}
UNITS.set('yr', { unit: 'Y', plural: false });
UNITS.set('yrs', { unit: 'Y', plural: true });
UNITS.set('hr', { unit: 'H', plural: false });
UNITS.set('hrs', { unit: 'H', plural: true });
UNITS.set('mins', { unit: 'MIN', plural: true });
UNITS.set('fortnight', { unit: 'W', plural: false });
UNITS.set('fortnights', { unit: 'W', plural: true });

/** Words that qualify "days" without changing the unit: "five trading days". */
export const DAY_QUALIFIERS = new Set(['trading', 'business', 'working', 'calendar', 'school', 'consecutive', 'straight']);

const SMALL_NUMBERS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
export const NUMBER_WORDS = new Map<string, number>();
SMALL_NUMBERS.forEach((w, i) => NUMBER_WORDS.set(w, i));
TENS.forEach((w, i) => w && NUMBER_WORDS.set(w, i * 10));
NUMBER_WORDS.set('dozen', 12);
NUMBER_WORDS.set('hundred', 100);
NUMBER_WORDS.set('thousand', 1000);
NUMBER_WORDS.set('single', 1);

export const TENS_WORDS = new Set(TENS.filter(Boolean));

/** Quantifiers that make a duration vague: "several weeks" is PXW. */
export const VAGUE_QUANTIFIERS = new Set(['several', 'few', 'many', 'some', 'numerous', 'multiple', 'countless', 'various']);

const ORDINAL_WORDS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh',
  'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth',
  'twentieth', 'twenty-first',
];
export const ORDINALS = new Map<string, number>();
ORDINAL_WORDS.forEach((w, i) => ORDINALS.set(w, i + 1));
ORDINALS.set('thirtieth', 30);

export const DECADE_WORDS = new Map<string, number>([
  ['twenties', 2], ['thirties', 3], ['forties', 4], ['fifties', 5], ['sixties', 6], ['seventies', 7], ['eighties', 8], ['nineties', 9],
]);

/** Parts of the day and their TIMEX3 codes. */
export const PARTS_OF_DAY = new Map<string, string>([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['overnight', 'NI'],
]);

/** Approximators TimeML keeps inside the span of a duration, with the mod each implies. */
export const APPROXIMATORS: [string[], string][] = [
  [['more', 'than'], 'MORE_THAN'], [['longer', 'than'], 'MORE_THAN'], [['well', 'over'], 'MORE_THAN'],
  [['just', 'over'], 'MORE_THAN'], [['over'], 'MORE_THAN'], [['upwards', 'of'], 'MORE_THAN'],
  [['less', 'than'], 'LESS_THAN'], [['fewer', 'than'], 'LESS_THAN'], [['just', 'under'], 'LESS_THAN'],
  [['under'], 'LESS_THAN'], [['nearly'], 'LESS_THAN'], [['almost'], 'LESS_THAN'],
  [['at', 'least'], 'EQUAL_OR_MORE'], [['no', 'less', 'than'], 'EQUAL_OR_MORE'],
  [['at', 'most'], 'EQUAL_OR_LESS'], [['up', 'to'], 'EQUAL_OR_LESS'], [['no', 'more', 'than'], 'EQUAL_OR_LESS'],
  [['about'], 'APPROX'], [['around'], 'APPROX'], [['roughly'], 'APPROX'], [['approximately'], 'APPROX'],
  [['some'], 'APPROX'], [['an', 'estimated'], 'APPROX'], [['close', 'to'], 'APPROX'],
];

/** Positions within a period, written before it ("late April") or as "the end of ...". */
export const POSITION_ADJECTIVES = new Map<string, string>([
  ['early', 'START'], ['late', 'END'], ['mid', 'MID'],
]);
export const POSITION_NOUNS = new Map<string, string>([
  ['beginning', 'START'], ['start', 'START'], ['dawn', 'START'], ['middle', 'MID'], ['end', 'END'], ['close', 'END'],
]);

/** Adverbs and adjectives that are time expressions on their own (TimeML reference values). */
export const REFERENCE_WORDS = new Map<string, string>([
  ['now', 'PRESENT_REF'], ['currently', 'PRESENT_REF'], ['nowadays', 'PRESENT_REF'], ['presently', 'PRESENT_REF'],
  ['recently', 'PAST_REF'], ['lately', 'PAST_REF'], ['formerly', 'PAST_REF'], ['previously', 'PAST_REF'],
]);

export const FREQUENCY_ADVERBS = new Map<string, string>([
  ['hourly', 'PT1H'], ['daily', 'P1D'], ['nightly', 'P1D'], ['weekly', 'P1W'], ['fortnightly', 'P2W'],
  ['monthly', 'P1M'], ['quarterly', 'P1Q'], ['yearly', 'P1Y'], ['annually', 'P1Y'], ['annual', 'P1Y'],
  ['biannual', 'P6M'], ['biennial', 'P2Y'], ['semiannual', 'P6M'],
]);

/** Zone abbreviations and their UTC offsets; only those news datelines use without ambiguity. */
export const TIME_ZONES = new Map<string, string>([
  ['utc', 'Z'], ['gmt', 'Z'], ['z', 'Z'],
  ['est', '-05:00'], ['edt', '-04:00'], ['cst', '-06:00'], ['cdt', '-05:00'], ['mst', '-07:00'], ['mdt', '-06:00'],
  ['pst', '-08:00'], ['pdt', '-07:00'], ['bst', '+01:00'], ['cet', '+01:00'], ['cest', '+02:00'],
  ['eet', '+02:00'], ['eest', '+03:00'], ['msk', '+03:00'], ['jst', '+09:00'], ['kst', '+09:00'],
  ['aest', '+10:00'], ['aedt', '+11:00'],
]);

/** Words after a four-digit number that show it counts things rather than naming a year. */
export const MEASURE_WORDS = new Set([
  'km', 'kms', 'm', 'mi', 'ft', 'kg', 'g', 'lb', 'lbs', 't', 'mw', 'kw', 'gw', 'mph', 'kph', 'cc', 'bpd', 'hp',
  'per', 'percent', 'points', 'point', 'people', 'persons', 'men', 'women', 'children', 'euros', 'dollars',
  'pounds', 'yen', 'yuan', 'rupees', 'tonnes', 'tons', 'metres', 'meters', 'miles', 'feet', 'acres', 'hectares',
  'times', 'votes', 'seats', 'units', 'cases', 'deaths',
]);

/** Plural nouns that follow a year used as a modifier ("the 2008 elections"). */
export const YEAR_MODIFIED_PLURALS = new Set([
  'elections', 'games', 'olympics', 'championships', 'finals', 'playoffs', 'results', 'accounts', 'protests',
  'riots', 'floods', 'attacks', 'talks', 'negotiations', 'sanctions', 'figures', 'models', 'levels', 'rules',
  'polls', 'awards', 'celebrations', 'events', 'hearings', 'primaries', 'midterms', 'earnings', 'sales',
]);

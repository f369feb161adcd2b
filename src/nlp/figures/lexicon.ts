/**
 * Word lists for the figures stage. Everything here describes how English news writes amounts;
 * nothing is keyed to a particular article. Lookups are by lower-cased token text unless a list
 * says otherwise (unit abbreviations are case-sensitive: "m" is not "M", "t" is not "T").
 */

/** Cardinal words below one hundred. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);

export const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Multipliers written as words, including South Asian and informal abbreviations. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['lakh', 1e5], ['crore', 1e7],
]);

/** Scale abbreviations that follow digits, with or without a space ("$5bn", "US$ 7.2 bn", "5K"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['K', 1e3], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['bln', 1e9], ['b', 1e9], ['B', 1e9],
  ['tn', 1e12], ['trn', 1e12], ['M', 1e6],
]);

/** Plural scale words that on their own make a vague magnitude ("thousands of workers"). */
export const VAGUE_PLURALS: ReadonlySet<string> = new Set([
  'hundreds', 'thousands', 'millions', 'billions', 'trillions', 'dozens', 'scores', 'tens',
]);

/** Words that turn a following singular scale into a vague magnitude ("several hundred"). */
export const VAGUE_DETERMINERS: ReadonlySet<string> = new Set(['several', 'few', 'many', 'some']);

/** Fractions news uses for shares of a whole ("about half of the jobs"), as percentages. */
export const FRACTIONS: ReadonlyMap<string, number> = new Map([
  ['half', 50], ['third', 100 / 3], ['thirds', 100 / 3], ['quarter', 25], ['quarters', 25], ['fifth', 20], ['fifths', 20],
]);

/**
 * Currency written before the number, longest first so "US$" wins over "$". The bare dollar sign
 * is read as US dollars: it is what English-language news means by it unless it says otherwise.
 */
export const CURRENCY_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['USD$', 'USD'], ['US$', 'USD'], ['U.S.$', 'USD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['CA$', 'CAD'], ['C$', 'CAD'],
  ['NZ$', 'NZD'], ['HK$', 'HKD'], ['NT$', 'TWD'], ['S$', 'SGD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['GB£', 'GBP'],
  ['GB#', 'GBP'], ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₽', 'RUB'],
  ['₴', 'UAH'], ['₺', 'TRY'], ['₦', 'NGN'], ['₱', 'PHP'], ['₪', 'ILS'], ['฿', 'THB'], ['₫', 'VND'],
];

/** ISO 4217 codes and common abbreviations that may stand before or after the number ("CHF 500", "500 USD"). */
export const CURRENCY_CODES: ReadonlyMap<string, string> = new Map([
  ...['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CHF', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD', 'KRW', 'KPW', 'RUB', 'UAH', 'INR',
    'PKR', 'TRY', 'BRL', 'MXN', 'ZAR', 'NGN', 'KES', 'EGP', 'ILS', 'SAR', 'AED', 'QAR', 'SEK', 'NOK', 'DKK', 'PLN',
    'CZK', 'HUF', 'THB', 'IDR', 'MYR', 'PHP', 'VND', 'TWD', 'IRR', 'ARS', 'CLP', 'COP'].map((c) => [c, c] as const),
  ['RMB', 'CNY'], ['Rs', 'INR'], ['Rs.', 'INR'], ['NIS', 'ILS'],
]);

/**
 * Currency names after the number ("40 billion yuan", "26 cents"). `scale` converts minor units.
 * "dollars" alone is US dollars for the same reason as "$".
 */
export const CURRENCY_WORDS: ReadonlyMap<string, { unit: string; scale?: number }> = new Map([
  ['dollar', { unit: 'USD' }], ['dollars', { unit: 'USD' }], ['euro', { unit: 'EUR' }], ['euros', { unit: 'EUR' }],
  ['pound', { unit: 'GBP' }], ['pounds', { unit: 'GBP' }], ['sterling', { unit: 'GBP' }], ['yen', { unit: 'JPY' }],
  ['yuan', { unit: 'CNY' }], ['renminbi', { unit: 'CNY' }], ['rupee', { unit: 'INR' }], ['rupees', { unit: 'INR' }],
  ['won', { unit: 'KRW' }], ['rouble', { unit: 'RUB' }], ['roubles', { unit: 'RUB' }], ['ruble', { unit: 'RUB' }],
  ['rubles', { unit: 'RUB' }], ['hryvnia', { unit: 'UAH' }], ['hryvnias', { unit: 'UAH' }], ['hryvnias', { unit: 'UAH' }],
  ['franc', { unit: 'CHF' }], ['francs', { unit: 'CHF' }], ['rand', { unit: 'ZAR' }], ['shekel', { unit: 'ILS' }],
  ['shekels', { unit: 'ILS' }], ['riyal', { unit: 'SAR' }], ['riyals', { unit: 'SAR' }], ['dirham', { unit: 'AED' }],
  ['dirhams', { unit: 'AED' }], ['lira', { unit: 'TRY' }], ['zloty', { unit: 'PLN' }], ['zlotys', { unit: 'PLN' }],
  ['baht', { unit: 'THB' }], ['ringgit', { unit: 'MYR' }], ['naira', { unit: 'NGN' }], ['rupiah', { unit: 'IDR' }],
  ['peso', { unit: 'MXN' }], ['pesos', { unit: 'MXN' }], ['reais', { unit: 'BRL' }], ['real', { unit: 'BRL' }],
  ['kronor', { unit: 'SEK' }], ['krona', { unit: 'SEK' }], ['kroner', { unit: 'NOK' }], ['krone', { unit: 'DKK' }],
  ['cent', { unit: 'USD', scale: 0.01 }], ['cents', { unit: 'USD', scale: 0.01 }], ['pence', { unit: 'GBP', scale: 0.01 }],
]);

/** Country words that pick the dollar ("Canadian dollars", "Hong Kong dollars"). Keys are lower-cased. */
export const DOLLAR_COUNTRIES: ReadonlyMap<string, string> = new Map([
  ['us', 'USD'], ['u.s.', 'USD'], ['american', 'USD'], ['canadian', 'CAD'], ['australian', 'AUD'], ['new zealand', 'NZD'],
  ['hong kong', 'HKD'], ['singapore', 'SGD'], ['taiwan', 'TWD'], ['taiwanese', 'TWD'], ['zimbabwe', 'ZWL'],
  ['swiss', 'CHF'], ['indian', 'INR'], ['pakistani', 'PKR'], ['mexican', 'MXN'], ['philippine', 'PHP'], ['egyptian', 'EGP'],
]);

/**
 * Units of measure after the number, as [written form, unit]. Abbreviations are matched
 * case-sensitively and must not run on into a letter; words are matched case-insensitively.
 * The list is ordered longest first where one form is a prefix of another.
 */
export const UNIT_FORMS: ReadonlyArray<readonly [string, string]> = [
  ['percentage points', 'pp'], ['percentage point', 'pp'], ['per cent', '%'], ['percent', '%'], ['pct', '%'], ['%', '%'],
  ['square kilometres', 'km2'], ['square kilometers', 'km2'], ['square kilometre', 'km2'], ['square kilometer', 'km2'],
  ['square km', 'km2'], ['sq km', 'km2'], ['sq. km', 'km2'], ['km²', 'km2'], ['km2', 'km2'],
  ['square miles', 'mi2'], ['square mile', 'mi2'], ['sq mi', 'mi2'], ['sq miles', 'mi2'], ['mi²', 'mi2'],
  ['square metres', 'm2'], ['square meters', 'm2'], ['square metre', 'm2'], ['square meter', 'm2'], ['sq m', 'm2'],
  ['square feet', 'ft2'], ['square foot', 'ft2'], ['sq ft', 'ft2'], ['m²', 'm2'],
  ['kilometres per hour', 'km/h'], ['kilometers per hour', 'km/h'], ['miles per hour', 'mph'],
  ['km/h', 'km/h'], ['kph', 'km/h'], ['kmh', 'km/h'], ['mph', 'mph'], ['knots', 'kn'],
  ['kilometres', 'km'], ['kilometers', 'km'], ['kilometre', 'km'], ['kilometer', 'km'], ['km', 'km'],
  ['miles', 'mi'], ['mile', 'mi'], ['mi', 'mi'], ['nautical miles', 'nmi'],
  ['metres', 'm'], ['meters', 'm'], ['metre', 'm'], ['meter', 'm'],
  ['centimetres', 'cm'], ['centimeters', 'cm'], ['cm', 'cm'], ['millimetres', 'mm'], ['millimeters', 'mm'], ['mm', 'mm'],
  ['feet', 'ft'], ['foot', 'ft'], ['ft', 'ft'], ['inches', 'in'], ['inch', 'in'], ['yards', 'yd'], ['yard', 'yd'],
  ['hectares', 'ha'], ['hectare', 'ha'], ['ha', 'ha'], ['acres', 'acre'], ['acre', 'acre'],
  ['kilograms', 'kg'], ['kilogrammes', 'kg'], ['kilogram', 'kg'], ['kilos', 'kg'], ['kg', 'kg'],
  ['grams', 'g'], ['grammes', 'g'], ['gram', 'g'], ['tonnes', 't'], ['tonne', 't'], ['tons', 't'], ['ton', 't'],
  ['lbs', 'lb'], ['lb', 'lb'], ['ounces', 'oz'], ['ounce', 'oz'], ['oz', 'oz'],
  ['litres', 'l'], ['liters', 'l'], ['litre', 'l'], ['liter', 'l'], ['gallons', 'gal'], ['gallon', 'gal'],
  ['barrels', 'bbl'], ['barrel', 'bbl'], ['bpd', 'bbl/d'],
  ['degrees Celsius', '°C'], ['degrees Fahrenheit', '°F'], ['°C', '°C'], ['°F', '°F'], ['° C', '°C'], ['° F', '°F'],
  ['megawatts', 'MW'], ['gigawatts', 'GW'], ['kilowatts', 'kW'], ['MW', 'MW'], ['GW', 'GW'], ['kW', 'kW'],
  ['kWh', 'kWh'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['TWh', 'TWh'],
  ['magnitude', 'magnitude'], ['terabytes', 'TB'], ['gigabytes', 'GB'], ['megabytes', 'MB'], ['TB', 'TB'], ['GB', 'GB'], ['MB', 'MB'],
];

/** Calendar and clock nouns: a number counting these is a duration or age, which the times stage owns. */
export const TIME_UNITS: ReadonlySet<string> = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'night', 'nights', 'week', 'weeks',
  'weekend', 'weekends', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade', 'decades',
  'century', 'centuries', 'millennium', 'millennia', 'yr', 'yrs', 'hrs', 'mins', 'secs', 'quarter', 'quarters',
  'season', 'seasons', 'semester', 'semesters',
]);

/** Rate denominators written as adverbs ("paid monthly"). */
export const RATE_ADVERBS: ReadonlyMap<string, string> = new Map([
  ['daily', 'day'], ['weekly', 'week'], ['monthly', 'month'], ['annually', 'year'], ['yearly', 'year'],
  ['hourly', 'hour'], ['apiece', 'each'],
]);

/** Clock markers: "3 pm", "1500 GMT" are times of day, not figures. */
export const CLOCK_WORDS: ReadonlySet<string> = new Set([
  'am', 'pm', 'a.m.', 'p.m.', 'a.m', 'p.m', "o'clock", 'o’clock', 'gmt', 'utc', 'est', 'edt', 'pst', 'pdt', 'cet', 'cest',
  'bst', 'msk', 'hrs', 'hours', 'h', 'kst', 'jst',
]);

export const MONTHS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.', 'jul', 'jul.', 'aug', 'aug.', 'sep', 'sep.',
  'sept', 'sept.', 'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.',
]);

/** Prepositions that put a bare four-digit number in time: "in 2024", "since 1991", "by 2030". */
export const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'until', 'till', 'before', 'after', 'during', 'from', 'through', 'of', 'to', 'between', 'and',
  'circa', 'around', 'early', 'late', 'mid', 'spring', 'summer', 'autumn', 'fall', 'winter', 'year', 'the',
]);

/** Nouns after which a number names something rather than counting it ("Resolution 2397", "page 3"). */
export const IDENTIFIER_NOUNS: ReadonlySet<string> = new Set([
  'page', 'pages', 'p.', 'pp.', 'no.', 'no', 'nos.', 'number', '#', 'resolution', 'article', 'articles', 'section',
  'chapter', 'paragraph', 'clause', 'flight', 'route', 'highway', 'interstate', 'room', 'platform', 'gate', 'terminal',
  'version', 'model', 'episode', 'season', 'phase', 'grade', 'category', 'code', 'bus', 'exit', 'district', 'ward',
  'precinct', 'block', 'lot', 'apartment', 'suite', 'box', 'pier', 'question', 'figure', 'fig.', 'table', 'item',
  'step', 'part', 'vol.', 'volume', 'issue', 'edition', 'level', 'tier', 'stage', 'line', 'track', 'channel', 'unit',
  'bill', 'law', 'act', 'order', 'decree', 'directive', 'regulation', 'amendment', 'proposition', 'prop.', 'measure',
  'photo', 'image', 'slide', 'picture', 'video', 'size', 'reactor', 'building', 'hall', 'ch.', 'art.', 'sec.', 'st.',
  'day', 'week', 'round', 'game', 'match', 'lap', 'leg', 'heat', 'group', 'pool', 'division', 'grade', 'class',
]);

/** Nouns in page furniture: "3 comments", "5 min read", "Photo 2 of 9". */
export const FURNITURE_NOUNS: ReadonlySet<string> = new Set([
  'comment', 'comments', 'share', 'shares', 'like', 'likes', 'reply', 'replies', 'min', 'read', 'photos', 'images',
  'slides', 'retweets', 'reposts', 'views',
]);

/**
 * Hedges written before the number, as lower-cased word sequences. Multi-word entries are matched
 * backwards from the number, longest first.
 */
export const PRE_QUALIFIERS: ReadonlyArray<readonly [readonly string[], QualifierWord]> = [
  [['as', 'many', 'as'], 'at most'], [['as', 'much', 'as'], 'at most'], [['as', 'high', 'as'], 'at most'],
  [['up', 'to'], 'at most'], [['at', 'most'], 'at most'], [['no', 'more', 'than'], 'at most'],
  [['not', 'more', 'than'], 'at most'], [['a', 'maximum', 'of'], 'at most'], [['maximum', 'of'], 'at most'],
  [['no', 'fewer', 'than'], 'at least'], [['no', 'less', 'than'], 'at least'], [['at', 'least'], 'at least'],
  [['a', 'minimum', 'of'], 'at least'], [['minimum', 'of'], 'at least'], [['not', 'less', 'than'], 'at least'],
  [['more', 'than'], 'more than'], [['over'], 'more than'], [['above'], 'more than'], [['upwards', 'of'], 'more than'],
  [['upward', 'of'], 'more than'], [['in', 'excess', 'of'], 'more than'], [['greater', 'than'], 'more than'],
  [['just', 'over'], 'more than'], [['well', 'over'], 'more than'], [['well', 'above'], 'more than'],
  [['higher', 'than'], 'more than'], [['exceeding'], 'more than'],
  [['less', 'than'], 'less than'], [['fewer', 'than'], 'less than'], [['under'], 'less than'], [['below'], 'less than'],
  [['just', 'under'], 'less than'], [['short', 'of'], 'less than'], [['lower', 'than'], 'less than'],
  [['an', 'estimated'], 'approximately'], [['estimated'], 'approximately'], [['about'], 'approximately'],
  [['around'], 'approximately'], [['roughly'], 'approximately'], [['approximately'], 'approximately'],
  [['approx.'], 'approximately'], [['some'], 'approximately'], [['nearly'], 'approximately'], [['almost'], 'approximately'],
  [['close', 'to'], 'approximately'], [['circa'], 'approximately'], [['c.'], 'approximately'], [['~'], 'approximately'],
  [['an', 'approximate'], 'approximately'], [['approximate'], 'approximately'], [['a', 'reported'], 'approximately'],
  [['reportedly'], 'approximately'], [['just', 'about'], 'approximately'], [['nigh', 'on'], 'approximately'],
  [['exactly'], 'exact'], [['precisely'], 'exact'], [['just'], 'exact'], [['only'], 'exact'],
];

/** Hedges written after the number: "5,000 or more", "a dozen or so". */
export const POST_QUALIFIERS: ReadonlyArray<readonly [readonly string[], QualifierWord]> = [
  [['or', 'more'], 'at least'], [['or', 'so'], 'approximately'], [['or', 'fewer'], 'at most'], [['or', 'less'], 'at most'],
  [['and', 'more'], 'at least'], [['and', 'up'], 'at least'], [['plus'], 'at least'], [['odd'], 'approximately'],
  [['at', 'most'], 'at most'], [['at', 'least'], 'at least'], [['or', 'above'], 'at least'],
];

export type QualifierWord = 'exact' | 'approximately' | 'at most' | 'at least' | 'more than' | 'less than';

/** Lemmas of verbs (and the adverbs "up", "down") that describe a change of amount ("rose from 3 to 5"). */
export const CHANGE_LEMMAS: ReadonlySet<string> = new Set([
  'rise', 'increase', 'decrease', 'fall', 'drop', 'climb', 'grow', 'decline', 'jump', 'plunge', 'plummet', 'surge',
  'soar', 'slip', 'slide', 'sink', 'shrink', 'swell', 'tumble', 'slump', 'dip', 'edge', 'go', 'reduce', 'cut',
  'raise', 'lower', 'boost', 'revise', 'double', 'triple', 'halve', 'expand', 'contract', 'balloon', 'spike', 'widen',
  'narrow', 'change', 'move', 'shift', 'rebound', 'recover', 'slash', 'lift', 'hike', 'trim', 'up', 'down', 'upgrade',
  'downgrade', 'climb', 'leap', 'skyrocket', 'crash', 'collapse', 'ease', 'gain', 'lose', 'add', 'swing',
]);

/** Nouns that name a change of amount ("a drop from 3 to 5"); "contract" or "cut" as nouns often do not. */
export const CHANGE_NOUNS: ReadonlySet<string> = new Set([
  'increase', 'decrease', 'rise', 'fall', 'drop', 'decline', 'jump', 'surge', 'growth', 'reduction', 'gain', 'loss',
  'change', 'hike', 'climb', 'slump', 'plunge', 'dip', 'swing', 'shift', 'rebound', 'upgrade', 'downgrade', 'revision',
]);

/** Verbs whose infinitive complement is something intended: "plans to send", "agreed to deploy". */
export const INTENT_LEMMAS: ReadonlySet<string> = new Set([
  'plan', 'intend', 'agree', 'aim', 'expect', 'set', 'seek', 'propose', 'pledge', 'promise', 'vow', 'hope', 'want',
  'decide', 'prepare', 'schedule', 'offer', 'threaten', 'be', 'go', 'try', 'mean', 'commit', 'undertake', 'move',
  'consider', 'vote', 'announce', 'pledge', 'resolve', 'due', 'likely', 'poise', 'hope', 'wish', 'order', 'authorize',
  'authorise', 'approve', 'need', 'have', 'ask', 'request', 'call',
]);

/** Verbs that by themselves commit to a future amount: "pledged $5 billion", "promised 3,000 troops". */
export const COMMIT_LEMMAS: ReadonlySet<string> = new Set([
  'plan', 'pledge', 'promise', 'propose', 'earmark', 'budget', 'allocate', 'commit', 'offer', 'vow', 'intend',
  'schedule',
]);

/** Modifiers that mark an amount as intended: "a planned 5,000-strong force". */
export const INTENT_MODIFIERS: ReadonlySet<string> = new Set([
  'planned', 'proposed', 'promised', 'pledged', 'projected', 'intended', 'targeted', 'expected', 'envisaged',
  'earmarked', 'budgeted', 'anticipated', 'future',
]);

export const MODALS: ReadonlySet<string> = new Set(['will', 'shall', "'ll", '’ll', 'would', 'wo', "'d", '’d']);

/** Nouns that are the same in singular and plural, so a singular-looking head may still be counted. */
export const INVARIANT_PLURALS: ReadonlySet<string> = new Set([
  'aircraft', 'people', 'personnel', 'staff', 'police', 'cattle', 'sheep', 'fish', 'deer', 'livestock', 'crew',
  'spacecraft', 'offspring', 'series', 'species', 'headquarters', 'means', 'militia', 'infantry', 'cavalry', 'artillery',
  'clergy', 'youth', 'poultry', 'swine', 'moose', 'bison', 'salmon', 'trout', 'cod', 'vermin', 'folk', 'kin',
]);

/** Words after a hyphen that keep a hyphenated number a figure: "4,000-strong", "5,000-odd", "200-plus". */
export const HYPHEN_COUNT_WORDS: ReadonlySet<string> = new Set(['strong', 'odd', 'plus', 'member', 'man', 'person', 'seat']);

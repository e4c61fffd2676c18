/**
 * Personal-data detection for free text. One combined regex (COMBINED) finds every structured
 * candidate (email, URL, handle, phone, postcode, NI number, NHS number, dates, vehicle
 * registrations, reference numbers, street addresses) and every capitalised word; capitalised
 * words are then joined into person names using the name lists, titles and context phrases.
 * Lower-case passes pick up names after phrases such as "my ex" or a title ("dr pelly") and
 * streets after a verb of living. Classification of a capitalised word is memoised per distinct word.
 *
 * Speed: the findings are exactly those of global searches of each regex over the whole text, but
 * one cheap scan (scanPositions) first finds the few positions where a match can begin (digits,
 * capitals, "@"…; and the lower-case passes' trigger words), and the regexes are run, sticky,
 * only there. test/unit/privacy/detect-scan.test.ts pins that no such position is ever skipped.
 *
 * Decisions (documented for reviewers):
 * - A date is a date of birth only when birth context is near ("born", "DOB", "date of
 *   birth", "birthday") or when it is a full date whose year is 1920–2009 (too old to be an
 *   incident in this feedback). A plain incident date ("on 12/03/2024") is not flagged.
 *   "born in 1985" is flagged (a year of birth); other bare years never are.
 * - A number is a reference only when a reference word ("crime number", "incident", "log",
 *   "ref", "CAD", "URN", ...) directly precedes it, or when it has a police reference shape
 *   ("CR/12345/24", "47/12345/23", "MPS-2024-123456"). "101", "999", "Section 47" never are.
 * - Person spans exclude the title ("PC [PERSON]"), so the role survives redaction.
 * - A street name without a house number counts as an address only after a preposition
 *   ("lives on Elm Road"); a lower-case one only after a verb of living ("lives on marsh lane"),
 *   never with a generic word ("the high street", "our road").
 * - A capitalised word missing from the lists is a name only with support: a title, a relation or
 *   form field ("my ex", "Name:", "Kind regards,"), a person-directed verb ("I rang Aoife"), a
 *   person verb after it at sentence start ("Chidera said"), or a list after a name ("Zainab, Yusuf
 *   and Maryam"); a single word followed by another capitalised word is left alone ("Kirklees
 *   Council"). Accented names are looked up without their accents ("Siobhán" → "Siobhan").
 * - "Sarah's Law", "Clare's Law" name schemes, not people. A collar number after PC/PCSO/DC/DS/Sgt
 *   or "collar number" is a reference. A lower-case plate needs a vehicle word.
 */
import type { PiiType } from '../model';
import { AMBIGUOUS_GIVEN, AMBIGUOUS_SURNAMES, GIVEN_NAMES, SURNAMES } from './names';
import { isEnglishWord } from './english-words';
import { NOT_NAMES, ORG_HEADS, ROLE_HEADS, TITLES } from './stopwords';
import { isPlausibleDate, isUkPhoneDigits, isValidNinoPrefix, isValidPostcode, nhsCheckDigitOk } from './validators';

export interface PiiFinding {
  type: PiiType;
  /** UTF-16 code-unit offsets into the scanned text, end exclusive. */
  start: number;
  end: number;
  /** 0..1, how sure the detector is. */
  confidence: number;
}

export interface DetectOptions {
  /** Terms never to flag (case and spacing ignored); a finding inside an allowed term is dropped too. */
  allowList?: string[];
  /** Only report these types. */
  types?: PiiType[];
}

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const SUFFIX_WORDS =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Hill|Park|Row|Walk|Square|Mews|Rise|View|Green|Parade|Vale|Boulevard|Wharf|Yard|Croft|Gate|Meadows|Meadow|Fields|Heights|Chase|Walk|Wynd|Brae';
const SUFFIX = SUFFIX_WORDS.split('|')
  .map((w) => `[${w[0]}${w[0]!.toLowerCase()}]${w.slice(1)}`)
  .join('|');
const STREET_SUFFIX = 'Road|Street|Avenue|Lane|Close|Drive|Crescent|Terrace|Grove|Gardens|Mews|Way';
/** Welsh street words, which come first: "9 Heol y Nant", "14 Clos Glas", "3 Ffordd yr Afon". */
const WELSH_STREET = 'Heol|Ffordd|Stryd|Lôn|Lon|Clos|Rhodfa|Cilgant|Teras|Llys|Maes|Cwrt|Rhes';
/** Upper-case initial and any letter, including Latin-1 and Latin Extended-A (Siobhán, Łukasz, Ó Briain). */
const UP = 'A-ZÀ-ÖØ-Þ\\u0100-\\u017F';
const LETTER = 'a-zA-ZÀ-ÖØ-öø-ÿ\\u0100-\\u017F';
const CAPWORD = `[${UP}][${LETTER}'’-]+`;
const END = '(?![A-Za-z0-9&])';
/** The first word of a matched street (CAPWORD's letters). */
const FIRST_WORD = new RegExp(`^[${LETTER}'’-]+`);

/** Alternatives of the one combined pass; order = priority at the same start position. */
const ALTS: [Kind, string][] = [
  ['url', String.raw`(?:https?:\/\/|www\.)[^\s<>"'()\[\]{}]+`],
  ['at', '@'],
  ['phone', String.raw`\+44[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8,9}(?!\d)`],
  ['phone', String.raw`\(0\d{2,4}\)[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)`],
  ['domain', String.raw`\.(?:co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|police\.uk|com|org|net|uk|io|info|biz|me|tv|ly)(?![A-Za-z0-9])(?:\/[^\s<>"'()\[\]{}]*)?`],
  ['numdate', String.raw`\d{1,2}[\/.-]\d{1,2}[\/.-](?:\d{4}|\d{2})(?![\d\/])`],
  ['refshape', String.raw`\d{1,4}\/\d{4,}\/\d{2,4}(?!\d)`],
  ['phone', String.raw`0\d(?:[\s-]?\d){8,9}(?!\d)`],
  ['nhs', String.raw`[1-9]\d{2}[\s-]?\d{3}[\s-]?\d{4}(?!\d)`],
  ['worddate', String.raw`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH})\.?(?:,?\s+\d{4})?(?![A-Za-z\d])`],
  ['address', String.raw`\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+(?:(?:${CAPWORD}\s+){1,3}(?:${SUFFIX})|(?:${WELSH_STREET})\s+(?:(?:y|yr)\s+)?${CAPWORD}(?:\s+${CAPWORD})?)(?![A-Za-z])`],
  ['number', String.raw`\d+(?:[\/-]\d+)*(?:[A-Z]{1,3}\d*)?(?![A-Za-z\d])`],
  ['postcode', String.raw`(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}|[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})${END}`],
  ['nino', String.raw`[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d]${END}`],
  ['vehicle', String.raw`[A-Z]{2}\d{2} ?[A-Z]{3}${END}|[A-Z]\d{1,3} ?[A-Z]{3}${END}|[A-Z]{3} ?\d{1,3} ?[A-Z]${END}|(?<![A-Za-z\d])[a-z]{2}\d{2} ?[a-z]{3}${END}|(?<![A-Za-z\d])[A-Z]{2,3} \d{1,4}(?![A-Za-z0-9&/])`],
  ['refshape', String.raw`[A-Z]{2,6}[\/-]?\d{2,}(?:[\/-]\d+)*${END}`],
  ['worddate', String.raw`(?:${MONTH})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?(?![A-Za-z\d])`],
  ['address', String.raw`[Ff]lat\s+\d{1,4}[A-Za-z]?(?:,?\s+\d{1,4}[A-Za-z]?)?(?:,?\s+(?:${CAPWORD}\s+){1,3}(?:${SUFFIX}|House|Court|Lodge|Tower|Mansions|Buildings|Point))?${END}`],
  ['street', String.raw`(?:${CAPWORD}\s+){1,2}(?:${STREET_SUFFIX})(?![A-Za-z])`],
  ['word', `[${UP}][${LETTER}]*(?:['’-][${LETTER}]+)*`],
];

type Kind =
  | 'url'
  | 'at'
  | 'phone'
  | 'domain'
  | 'numdate'
  | 'refshape'
  | 'nhs'
  | 'worddate'
  | 'address'
  | 'number'
  | 'postcode'
  | 'nino'
  | 'vehicle'
  | 'street'
  | 'word';

const KINDS: Kind[] = ALTS.map(([k]) => k);
const WORD_GROUP = KINDS.length; // the capitalised-word group is the last one
/** Sticky: tried only at the positions where an alternative can begin (see scanPositions). */
const COMBINED = new RegExp(ALTS.map(([, s]) => `(${s})`).join('|'), 'y');
const PRIORITY: Record<PiiType, number> = {
  email: 12,
  url: 11,
  nino: 10,
  nhs: 9,
  phone: 9,
  postcode: 8,
  reference: 7,
  vehicle: 7,
  dob: 6,
  address: 5,
  handle: 4,
  person: 3,
};

const REF_BEFORE =
  /\b(?:crime|incident|log|case|occurrence|reference|ref|urn|cad|crn|job|report|claim|complaint|serial)(?:\s*(?:number|num|no\.?|ref(?:erence)?|id|nr)\.?)?(?:\s*(?:is|was|of|:|#|-|=))*\s*$/i;
/** An officer's collar (shoulder) number: "PC 1234", "collar no. 4521", "PCSO 7781". */
const COLLAR_BEFORE = /(?:\b(?:PC|PCSO|DC|DS|Sgt|SC)\s?|\b(?:[Cc]ollar|[Ss]houlder|[Ww]arrant|[Bb]adge)\s+(?:number|num|no\.?|#)?\s*(?:is|was|:)?\s*)$/;
const DOB_BEFORE = /(?:\bborn|\bd\.?o\.?b\.?|\bdate of birth|\bbirth ?date|\bbirthday)\b[^.!?\n]{0,25}$/i;
const DOB_AFTER = /^\s*\(?(?:dob|d\.o\.b)\b/i;
const BORN_YEAR_BEFORE = /\bborn(?:\s+in)?\s*$/i;
const VEHICLE_BEFORE = /\b(?:reg|registration|number ?plate|plates?|car|van|veh|vehicle|motorbike|lorry|taxi|vrm)\b[^.!?\n]{0,30}$/i;
/** A Northern Irish plate ("LJZ 4521", "JZ 123"): its two-letter area code contains I or Z. Needs a vehicle word. */
const NI_PLATE = /^[A-Z]?(?:[A-Z]Z|I[A-Z]|[A-HJ-Z]I) ?\d{1,4}$/;
const NHS_BEFORE = /\bnhs\b[^.!?\n]{0,20}$/i;
const SCHEME_NAMES = ['Ask for Ani', 'Ask for Angela'];
/** Words that make a bare street someone's home: "lives round the corner on Ferndale Avenue", "moved to Elm Road". */
const LIVING_BEFORE = /\b(?:lives?|living|lived|moved|moving|move|stays?|staying|stayed|resides?|residing|address|home|house|flat)\b[^.!?\n]{0,40}$/i;
const PREP_BEFORE = /\b(?:on|in|at|off|along|near|to|from|onto|round|around|down|up|of|opposite|outside|past|into|lives|live)\s+$/i;
const RELATION =
  "ex(?:-(?:partner|husband|wife|boyfriend|girlfriend))?|(?:ex\\s+)?(?:partner|husband|wife|boyfriend|girlfriend|fianc[ée]e?)|son|daughter|brother|sister|step(?:dad|father|mum|mother|son|daughter)|neighbour|friend|mate|cousin|uncle|aunt|abuser|attacker|perpetrator|perp|suspect|offender|landlord|colleague|manager|boss|carer|mum|dad|mother|father|nephew|niece|grandson|granddaughter|officer|detective|caseworker|advocate|isva|idva|solicitor|interpreter|support worker|social worker|client|patient|receptionist|pharmacist|nurse|doctor|dr|doc|gp|physio|physiotherapist|practitioner|paramedic|midwife|health visitor|hca|phlebotomist|clinician|consultant|surgeon|dentist|therapist|counsellor|matron|teacher|tutor|mentor|supervisor|baby|lady|gentleman|guy|woman|man|girl|boy|chap|receptionists|nurses|doctors";
/** A role word at the start of what precedes a name, with no determiner: "my patient", but not "PTS - Patient Transport". */
const RELATION_ONLY = new RegExp(`^(?:${RELATION})$`, 'i');
const CONTEXT_BEFORE = new RegExp(
  `(?:\\b(?:(?:my|her|his|their|our|the|a|[a-z]+['’]s)\\s+)?(?:${RELATION})|\\bcalled|\\bnamed|\\bname\\s+(?:is|was)|\\bname\\s*:|\\b(?:regards|sincerely|wishes|thanks)|\\bknown\\s+as|\\bspoke\\s+(?:to|with)|\\bask(?:ed)?\\s+for)[,:]?\\s+(?:was\\s+|is\\s+)?$`,
  'i',
);
/**
 * A naming context before `at`: a relation or role ("my ex", "the receptionist"), "called", "Name:"…
 * A capitalised role word with no determiner is a heading or a category ("Patient Transport",
 * "Client Services"), not a context.
 */
function hasContext(text: string, at: number): boolean {
  const m = CONTEXT_BEFORE.exec(before(text, at, 40));
  if (!m) return false;
  const head = m[0].trim();
  if (!(/^[A-Z]/.test(head) && RELATION_ONLY.test(head))) return true;
  // "smiled Physiotherapist Mayur" is a role mid-sentence; "PTS - Patient Transport" a heading
  return /[a-z]\s+$/.test(before(text, at, 40).slice(0, m.index));
}
/** "the Palo Alto office", "in Bury St": a determiner or place preposition marks a place or body, not a person. */
const PLACE_BEFORE = /\b(?:the|a|an|in|at|near|of)\s+$/i;
/** Endings of ordinary nouns/adjectives that names rarely have ("Universal Credit", "Community Safety"). */
const COMMON_NOUN_ENDING = /(?:tion|sion|ment|ness|ity|ety|hood|ship|ance|ence|ics|ism|ist|ary|ory|ive|ing|ed|al|ous|ful|less|able|ible|ure|age|cy)s?$/;
/** What may stand just before a mid-sentence capitalised pair: a lower-case word, a comma, a bracket. */
const MID_SENTENCE_BEFORE = /(?:[a-z,;(]|\b(?:by|to|from|with|and|contact))\s+$/;
const LOWER_CONTEXT =
  /\b(?:[Mm]y|[Hh]er|[Hh]is|[Oo]ur|[Tt]heir) (?:ex|partner|husband|wife|boyfriend|girlfriend|bf|gf|hubby|fella|ex-partner|ex-husband|ex-wife|son|daughter|sons|daughters|kids|children|boys|girls|grandson|granddaughter|grandkids|grandchildren|brother|sister|nephew|niece|cousin|neighbour|step(?:dad|son|daughter)|friend|mate|baby)[,:]? ([a-z][a-z'-]+)|\b(?:called|named|name is|name was) ([a-z][a-z'-]+)/y;
/** The next name of a lower-case list: "my kids riley and jade", "my sons tom, sam and joe". */
const LOWER_LIST_NEXT = /^(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)([a-z][a-z'-]+)/;
/**
 * Ambiguous given names that are also nouns, accepted in lower case after a relation ("my daughter
 * jade"); the rest ("will", "may", "mark", "hope") read as the next word of the sentence ("my son will").
 */
const LOWER_NOUN_NAMES = new Set(
  'jade ruby amber daisy lily poppy holly ivy iris rose hazel heather crystal penny robin summer autumn faye grace joy dawn precious blessing mercy jack max kit jay nick dean ray carol'.split(' '),
);
/** A lower-case street where someone lives: "he lives on marsh lane", "moved to 9 kestrel close". */
const LOWER_STREET =
  /\b(?:lives?|living|lived|moved|moving|stays?|staying|resides?)\s+(?:on|at|in|to|near|round|off)\s+((?:\d{1,4}[a-z]?\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:road|street|lane|avenue|close|drive|crescent|grove|gardens|terrace|mews|way))\b/y;
/** Words that make "the high street", "our road", "a quiet close" generic rather than an address. */
const GENERIC_STREET_WORDS = new Set(
  'the a an my his her our their your same this that next main high back busy quiet long new old other one end top bottom local nearby each every any some whole'.split(' '),
);
const NAMED_LAW_AFTER = /^\s+(?:Law|Act|Scheme)\b/;
/**
 * Person-directed verbs before a single unknown capitalised word ("I rang Aoife"). The word must not
 * be followed by another capitalised word ("rang Kirklees Council" is a body, not a person).
 */
const VERB_BEFORE = /\b(?:rang|phoned|texted|messaged|emailed|told|asked|thanked|thank|thanks|contacted|chased|met|saw|seen by|see|seeing|spoke to|speak to|spoken to|talked to|except|especially|specially|particularly|with)\s+$/i;
/** After a sentence-initial unknown word, what marks it as a person ("Chidera rang me back"). */
const PERSON_AFTER =
  /^(?:\s+\((?:OIC|ISVA|IDVA|my|his|her|our)\b|\s+(?:said|says|told|rang|rings|phoned|texted|emailed|messaged|promised|apologised|apologized|explained|listened|helped|visited|attended|stayed|turned up|came (?:out|round|over|back|with)|from (?:the|next door|victim|women)|(?:was|is|s|has been|have been) (?:(?:very|so|really|always|extremely|super|absolutely|incredibly|truly|also|just|the most|such a|a|an)\s+)*(?:lovely|brilliant|great|amazing|kind|rude|horrible|the only|my|our|his|her|warm|polite|helpful|professional|friendly|efficient|excellent|fantastic|wonderful|caring|patient|prepared|thorough|attentive|knowledgeable|nice|pleasant|gentle|supportive|outstanding|star|delight|unhelpful|dismissive)|(?:booked|fixed|sorted|took|takes|called|calls|answered|arranged|organised|organized|resolved|checked|examined|saw|sees|treated|did|does|gave|gives|made|makes|went|goes|will go|who took|who is|who was|who did|who helped|and I\b)))/i;
const MONTHS = new Set(['May', 'June', 'April', 'August']);
/** Verb and adverb forms never join a name: "Dr Okoye Saying I could", "Anita Kindly". */
const VERB_FORM = /(?:ing|ed|ly)$/;
const SENTENCE_START = /(?:^|[.!?:;\n]\s*|^\s*[-–•*]\s*)$/;
/** A list of people after one already found: "Zainab, Yusuf and Maryam". */
const LIST_JOIN = /^(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)$/;
/** Surname-like suffixes of a bare street: "Sarah Lane" is a person, "Elm Lane" a street. */
const SURNAME_SUFFIXES = new Set(['Lane', 'Hill', 'Park', 'Green', 'Grove', 'Way', 'Street']);

/**
 * 'shout': a word in capitals not in the lists, a name part only after a title ("MS ANNA-LOUISE MARSH-REESE").
 * 'common': an English word not in the name lists, a name part only after a title or a first name ("Dr Younger").
 */
type WordKind = 'title' | 'given' | 'givenAmb' | 'surname' | 'surnameAmb' | 'stop' | 'initial' | 'unknown' | 'shout' | 'common';

/** "Siobhán" → "Siobhan", "Łukasz" → "Lukasz": the lists are kept in plain ASCII. */
const foldAccents = (w: string): string =>
  w
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/Ł/g, 'L')
    .replace(/ł/g, 'l')
    .replace(/Ø/g, 'O')
    .replace(/ø/g, 'o')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd')
    .replace(/’/g, "'");

function classifyWord(w: string): WordKind {
  if (/[^\x00-\x7f]/.test(w)) {
    const plain = foldAccents(w);
    if (plain !== w) return classifyWord(plain);
  }
  if (TITLES.has(w)) return 'title';
  if (w.length === 1) return w === 'I' || w === 'A' ? 'stop' : 'initial';
  if (AMBIGUOUS_GIVEN.has(w)) return 'givenAmb';
  if (NOT_NAMES.has(w)) return 'stop';
  if (GIVEN_NAMES.has(w)) return 'given';
  if (AMBIGUOUS_SURNAMES.has(w)) return 'surnameAmb';
  if (SURNAMES.has(w)) return 'surname';
  if (/^[A-Z]{2}/.test(w) && w !== w.toUpperCase()) return 'stop'; // "NFA'd", "CCTVs": acronyms, not names
  // an ordinary English word ("Forgot", "Dressing", "Younger") is a name only after a title or a first name
  if (w.length > 2 && isEnglishWord(w.toLowerCase()) && w.slice(1) === w.slice(1).toLowerCase()) return 'common';
  if (w.length > 1 && w === w.toUpperCase()) {
    // SHOUTED names: classify the Capitalised form ("MARSH-REESE" → "Marsh-Reese"), but never let an acronym be a name.
    const cap = w.toLowerCase().replace(/(^|[-'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
    if (TITLES.has(w) || TITLES.has(cap)) return 'title';
    // (cap === w for a word with no lower-case letters at all, such as "A-A": nothing more to learn)
    const k = w.length >= 3 && !w.includes("'") && cap !== w ? classifyWord(cap) : 'stop';
    if (k === 'given' || k === 'surname') return k;
    // an unlisted word in capitals can be a name after a title ("MR OKONJO"), never an acronym without a vowel ("PC CCTV")
    return (k === 'unknown' || k === 'givenAmb' || k === 'surnameAmb') && /[AEIOUY]/.test(w) ? 'shout' : 'stop';
  }
  return 'unknown';
}

/** Memo of word → kind, shared across calls (the word lists are fixed). Bounded to stay small. */
const wordMemo = new Map<string, WordKind>();
function kindOf(w: string): WordKind {
  let k = wordMemo.get(w);
  if (k === undefined) {
    k = classifyWord(w);
    if (wordMemo.size > 50_000) wordMemo.clear();
    wordMemo.set(w, k);
  }
  return k;
}

const before = (text: string, at: number, n: number): string => text.slice(Math.max(0, at - n), at);

const isLocalChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const isDomainChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
const isHandleChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

function trimUrlEnd(text: string, start: number, end: number): number {
  while (end > start && '.,;:!?\'"’'.includes(text[end - 1]!)) end--;
  return end;
}

interface Token {
  start: number;
  end: number;
  kind: WordKind;
}

/** Scan `text` for personal data. Findings are sorted by start and never overlap. */
export function detectPii(text: string, options: DetectOptions = {}): PiiFinding[] {
  const wanted = options.types ? new Set<PiiType>(options.types) : null;
  const found: PiiFinding[] = [];
  sink = found;
  const tokens: Token[] = [];

  const re = COMBINED; // module-level and reused: detectPii never re-enters itself
  const at = scanPositions(text);
  const cands = at.candidates;
  let k = 0;
  let m: RegExpExecArray | null;
  // the handlers below may move re.lastIndex (past an e-mail, back to a fallback position): the next search starts there
  for (let from = 0; ; from = re.lastIndex) {
    // the next match at or after `from`, as a global search would find it (see scanPositions)
    m = null;
    let pos = from;
    while (m === null && k < cands.length) {
      const j = cands[k]!;
      if (j < pos) {
        k++;
        continue;
      }
      for (let i = Math.max(pos, j - 3); i < j && m === null; i++) {
        if (!lowerBeforeDigit(text, i)) continue;
        re.lastIndex = i;
        m = re.exec(text);
      }
      if (m !== null) break;
      re.lastIndex = j;
      m = re.exec(text);
      if (m !== null) break;
      pos = j + 1;
      k++;
    }
    if (m === null) break;
    const s = m.index;
    const str = m[0];
    const e = s + str.length;
    if (m[WORD_GROUP] !== undefined) {
      pushWord(text, tokens, s, e);
      continue;
    }
    let g = 1;
    while (m[g] === undefined) g++;
    const kind = KINDS[g - 1]!;
    switch (kind) {
      case 'url':
        add('url', s, trimUrlEnd(text, s, e), 0.95);
        break;
      case 'domain': {
        let a = s;
        while (a > 0 && isDomainChar(text.charCodeAt(a - 1))) a--;
        if (a < s && text[a] !== '.' && text[a] !== '-') add('url', a, trimUrlEnd(text, s, e), 0.85);
        break;
      }
      case 'at': {
        let a = s;
        while (a > 0 && isLocalChar(text.charCodeAt(a - 1))) a--;
        let b = e;
        if (a < s) {
          while (b < text.length && isDomainChar(text.charCodeAt(b))) b++;
          while (b > e && (text[b - 1] === '.' || text[b - 1] === '-')) b--;
          const domain = text.slice(e, b);
          if (/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(domain)) {
            add('email', a, b, 0.98);
            re.lastIndex = b;
          }
        } else {
          while (b < text.length && b - e < 30 && isHandleChar(text.charCodeAt(b))) b++;
          const h = text.slice(e, b);
          if (h.length >= 2 && /[A-Za-z]/.test(h) && !/^\d{1,2}(?:am|pm)$/i.test(h)) add('handle', s, b, 0.85);
        }
        break;
      }
      case 'phone':
        if (isUkPhoneDigits(str)) add('phone', s, e, 0.95);
        else fallbackDigits(re, s, str);
        break;
      case 'nhs': {
        const digits = str.replace(/[\s-]/g, '');
        if (nhsCheckDigitOk(digits)) add('nhs', s, e, NHS_BEFORE.test(before(text, s, 30)) ? 0.99 : 0.9);
        else if (NHS_BEFORE.test(before(text, s, 30))) add('nhs', s, e, 0.6);
        else if (REF_BEFORE.test(before(text, s, 40))) add('reference', s, e, 0.85);
        else fallbackDigits(re, s, str);
        break;
      }
      case 'numdate': {
        const [d, mo, y] = str.split(/[\/.-]/).map(Number) as [number, number, number];
        if (!isPlausibleDate(d, mo)) {
          fallbackDigits(re, s, str);
          break;
        }
        const year = y < 100 ? (y > 30 ? 1900 + y : 2000 + y) : y;
        dateFinding(text, s, e, year, add);
        break;
      }
      case 'worddate': {
        const y = /\d{4}$/.exec(str);
        dateFinding(text, s, e, y ? Number(y[0]) : null, add);
        break;
      }
      case 'refshape': {
        const digitCount = str.replace(/\D/g, '').length;
        if (digitCount >= 4 || REF_BEFORE.test(before(text, s, 40))) add('reference', s, extendRef(text, e, re), 0.9);
        else if (/^[A-Z]/.test(str)) fallbackLetters(re, s, str, tokens, text);
        break;
      }
      case 'number': {
        const digits = str.replace(/\D/g, '');
        if (digits.length >= 3 && REF_BEFORE.test(before(text, s, 40))) add('reference', s, extendRef(text, e, re), 0.85);
        else if (digits.length >= 3 && digits.length <= 6 && COLLAR_BEFORE.test(before(text, s, 30))) add('reference', s, e, 0.8);
        else if (/^(?:19|20)\d\d$/.test(str) && BORN_YEAR_BEFORE.test(before(text, s, 12))) add('dob', s, e, 0.7);
        break;
      }
      case 'address':
        add('address', s, e, 0.9);
        break;
      case 'street': {
        // (a street's first word may start with any capital: "Łukasz", "Ólafur")
        const firstWord = FIRST_WORD.exec(str)![0];
        const suffix = /[A-Za-z]+$/.exec(str)![0];
        const k = kindOf(firstWord);
        const prep = PREP_BEFORE.test(before(text, s, 12));
        // "Sarah Lane" is a person, but "parked on Albert Street" a street
        const personLike = k === 'title' || ((k === 'given' || k === 'givenAmb') && SURNAME_SUFFIXES.has(suffix) && !prep);
        // a street without a house number is someone's address only where someone lives ("he lives on Elm Road"), not "seen on Station Road"
        if (!personLike && prep && LIVING_BEFORE.test(before(text, s, 60))) add('address', s, e, 0.65);
        else if (personLike) fallbackLetters(re, s, str, tokens, text);
        break;
      }
      case 'postcode':
        if (isValidPostcode(str)) add('postcode', s, e, /^[a-z]/.test(str) ? 0.8 : 0.95);
        else fallbackLetters(re, s, str, tokens, text);
        break;
      case 'nino': {
        const compact = str.replace(/\s/g, '');
        const upper = compact === compact.toUpperCase();
        if (isValidNinoPrefix(compact.slice(0, 2)) && (upper || compact === compact.toLowerCase())) add('nino', s, e, 0.95);
        // NI-shaped but with a prefix HMRC never issues (e.g. the specimen "QQ 12 34 56 C"): still
        // flag it for review, with lower confidence, rather than let a look-alike through.
        else if (upper && /^[A-Z]{2}\d{6}[A-D]$/.test(compact)) add('nino', s, e, 0.6);
        else fallbackLetters(re, s, str, tokens, text);
        break;
      }
      case 'vehicle': {
        const ctx = VEHICLE_BEFORE.test(before(text, s, 45));
        const current = /^[A-Z]{2}\d{2}/.test(str);
        // A lower-case plate ("his reg is yr15 hgk") needs a vehicle word, like an old-style one.
        if (/^[a-z]/.test(str)) {
          if (ctx) add('vehicle', s, e, 0.75);
          else fallbackDigits(re, s, str);
        } else if (/^[A-Z]{2,3} \d{1,4}$/.test(str)) {
          // letters, space, digits: a Northern Irish plate only with its area code and a vehicle word ("PC 1234" is a collar number)
          if (ctx && NI_PLATE.test(str)) add('vehicle', s, e, 0.75);
          else fallbackLetters(re, s, str, tokens, text);
        } else if (current || ctx) add('vehicle', s, e, current ? (ctx ? 0.97 : 0.85) : 0.8);
        else fallbackLetters(re, s, str, tokens, text);
        break;
      }
    }
  }

  const triggers = at;
  if (wanted === null || wanted.has('person')) {
    assembleNames(text, tokens, add);
    lowerCaseNames(text, triggers, add);
    namesAfterLowerTitles(text, triggers, add);
  }
  if (wanted === null || wanted.has('address')) lowerCaseStreets(text, triggers, add);

  let out = resolveOverlaps(found);
  if (wanted) out = out.filter((f) => wanted.has(f.type));
  // national schemes named like people ("Ask for Ani" at pharmacies, "Ask for Angela" in bars) are never personal data
  if (triggers.ask && ASK_FOR_SCHEME.test(text)) out = applyAllowList(text, out, SCHEME_NAMES);
  if (options.allowList && options.allowList.length > 0) out = applyAllowList(text, out, options.allowList);
  return out;
}

type Add = (type: PiiType, start: number, end: number, confidence: number) => void;

/** Where `add` puts findings: the list of the detectPii call under way (set at its start; detectPii never re-enters itself). */
let sink: PiiFinding[] = [];
/** Module-level rather than a closure per call: the scan runs once per text, hundreds of thousands of times in an import. */
const add: Add = (type, start, end, confidence) => {
  if (end > start) sink.push({ type, start, end, confidence });
};

function dateFinding(text: string, s: number, e: number, year: number | null, add: Add): void {
  if (DOB_BEFORE.test(before(text, s, 45)) || DOB_AFTER.test(text.slice(e, e + 8))) add('dob', s, e, 0.9);
  else if (year !== null && year >= 1920 && year <= 2009) add('dob', s, e, 0.55);
}

/** "incident 1234 of 12/03" — take the "of <date>" tail into the reference. */
function extendRef(text: string, e: number, re: RegExp): number {
  const tail = /^\s+of\s+\d{1,2}\/\d{1,2}(?:\/\d{2,4})?/.exec(text.slice(e, e + 20));
  if (!tail) return e;
  re.lastIndex = e + tail[0].length;
  return e + tail[0].length;
}

/** A rejected digit-led candidate: resume after its first run of digits. */
function fallbackDigits(re: RegExp, s: number, str: string): void {
  const run = /^\d+/.exec(str);
  re.lastIndex = s + (run ? run[0].length : 1);
}

/** A rejected letter-led candidate: keep its first word as a capitalised token and resume after it. */
function fallbackLetters(re: RegExp, s: number, str: string, tokens: Token[], text: string): void {
  const w = /^[A-Za-z]+(?:['’-][A-Za-z]+)*/.exec(str);
  const len = w ? w[0].length : 1;
  if (w && /^[A-Z]/.test(w[0])) pushWord(text, tokens, s, s + len);
  re.lastIndex = s + len;
}

function pushWord(text: string, tokens: Token[], s: number, e: number): void {
  // Possessive "Sarah's" → "Sarah"; but "Sarah's Law", "Clare's Law" name a scheme, not a person.
  if (e - s > 2 && (text[e - 2] === "'" || text[e - 2] === '’') && text[e - 1] === 's') {
    if (NAMED_LAW_AFTER.test(text.slice(e, e + 8))) {
      tokens.push({ start: s, end: e - 2, kind: 'stop' });
      return;
    }
    e -= 2;
  }
  tokens.push({ start: s, end: e, kind: kindOf(text.slice(s, e)) });
}

const NAME_PART = new Set<WordKind>(['given', 'givenAmb', 'surname', 'surnameAmb', 'unknown', 'initial', 'shout', 'common']);

function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = b.start - a.end;
  if (gap === 1) return text.charCodeAt(a.end) === 32;
  if (gap === 2 && (a.kind === 'title' || a.kind === 'initial')) return text[a.end] === '.' && text[a.end + 1] === ' ';
  return false;
}

/** Join capitalised tokens into person names. */
function assembleNames(text: string, tokens: Token[], add: Add): void {
  const n = tokens.length;
  let lastPersonEnd = -1;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    const k = t.kind;
    if (k === 'surnameAmb' && /\b(?:dr|doctor|nurse|drs)\s+$/i.test(before(text, t.start, 8)) && /[a-z]/.test(before(text, t.start, 8))) {
      // "the doctor Baker", "dr Hill": a lower-case title before a surname that is also a word
      add('person', t.start, lastPersonEnd = t.end, 0.7);
      i++;
      continue;
    }
    if (k === 'stop' || k === 'surnameAmb') {
      i++;
      continue;
    }
    if (k === 'unknown' && !hasContext(text, t.start)) {
      // Two unknown capitalised words in mid-sentence ("assaulted by Lucan Thorpe") are most likely a name.
      const next = tokens[i + 1];
      const nextJoined = next !== undefined && adjacent(text, t, next);
      const single = !nextJoined && t.end - t.start > 2 && !COMMON_NOUN_ENDING.test(text.slice(t.start, t.end));
      if (
        single &&
        ((lastPersonEnd >= 0 && LIST_JOIN.test(text.slice(lastPersonEnd, t.start))) ||
          VERB_BEFORE.test(before(text, t.start, 14)) ||
          PERSON_AFTER.test(text.slice(t.end, t.end + 48)))
      ) {
        // One unknown word named by its surroundings: a list of people, "I rang X", "X rang me back".
        add('person', t.start, lastPersonEnd = t.end, 0.6);
        i++;
        continue;
      }
      if (
        next &&
        (next.kind === 'unknown' || next.kind === 'surname' || next.kind === 'surnameAmb' || next.kind === 'common') &&
        adjacent(text, t, next) &&
        t.end - t.start > 2 &&
        next.end - next.start > 2 &&
        !COMMON_NOUN_ENDING.test(text.slice(t.start, t.end)) &&
        !COMMON_NOUN_ENDING.test(text.slice(next.start, next.end)) &&
        MID_SENTENCE_BEFORE.test(before(text, t.start, 12)) &&
        !PLACE_BEFORE.test(before(text, t.start, 12)) &&
        !ORG_HEADS.has(text.slice(next.start, next.end)) &&
        !ROLE_HEADS.has(text.slice(next.start, next.end)) &&
        !orgAfter(text, tokens, i + 2, next, true)
      ) {
        add('person', t.start, lastPersonEnd = next.end, 0.6);
        i += 2;
      } else i++;
      continue;
    }
    if (k === 'title') {
      let j = i + 1;
      let prev = t;
      while (j < n && tokens[j]!.kind === 'title' && adjacent(text, prev, tokens[j]!)) prev = tokens[j++]!;
      const first = j;
      while (j < n && j - first < 3 && (NAME_PART.has(tokens[j]!.kind) || (j === first && AMBIGUOUS_SURNAMES.has(text.slice(tokens[j]!.start, tokens[j]!.end)))) && adjacent(text, prev, tokens[j]!)) prev = tokens[j++]!;
      if (j > first) add('person', tokens[first]!.start, lastPersonEnd = prev.end, 0.9);
      i = Math.max(j, i + 1);
      continue;
    }
    // Collect the run of name-like tokens starting here.
    let j = i + 1;
    let prev = t;
    while (j < n && j - i < 4 && NAME_PART.has(tokens[j]!.kind) && adjacent(text, prev, tokens[j]!) && !(tokens[j]!.kind === 'common' && VERB_FORM.test(text.slice(tokens[j]!.start, tokens[j]!.end)))) prev = tokens[j++]!;
    const runLen = j - i;
    const nextKind = runLen > 1 ? tokens[i + 1]!.kind : null;
    let conf = 0;
    if (k === 'given') conf = runLen > 1 ? 0.92 : 0.8;
    else if (k === 'surname') conf = runLen > 1 ? 0.85 : 0.65;
    else if (k === 'initial') conf = nextKind === 'surname' || nextKind === 'surnameAmb' || nextKind === 'unknown' ? 0.75 : 0;
    else if (k === 'givenAmb') {
      if (nextKind === 'surname' || nextKind === 'surnameAmb' || nextKind === 'unknown') conf = 0.8;
      else if (hasContext(text, t.start) || (!MONTHS.has(text.slice(t.start, t.end)) && PERSON_AFTER.test(text.slice(t.end, t.end + 48)))) {
        // "my daughter Grace", "Sunny fixed the problem" (but "May was busy" is a month)
        conf = 0.7;
        j = i + 1;
        prev = t;
      }
    } else if (k === 'unknown') conf = 0.7; // context already checked above
    // "Chelsea Practice", "Kensington Park Medical Centre": a name before an organisation's or place's head word names the place
    if (conf > 0 && orgAfter(text, tokens, j, prev, false)) conf = 0;
    // "surgery in Chelsea", "at Chelsea and Westminster": a lone first name after a place preposition is a place
    if (conf > 0 && runLen === 1 && k === 'given' && /\b(?:in|at|near)\s+$/i.test(before(text, t.start, 6))) conf = 0;
    if (conf > 0) {
      add('person', t.start, lastPersonEnd = prev.end, conf);
      i = j;
    } else i++;
  }
}

/** Whether token `j` (just after `prev`) is an organisation's or place's head word ("Ward", "Practice", "Course"), or with `roles` a job title's ("Coordinator"). */
function orgAfter(text: string, tokens: readonly Token[], j: number, prev: Token, roles: boolean): boolean {
  const t = tokens[j];
  if (t === undefined || !adjacent(text, prev, t)) return false;
  const w = text.slice(t.start, t.end);
  return ORG_HEADS.has(w) || (roles && ROLE_HEADS.has(w));
}

/**
 * The lower-case passes (LOWER_CONTEXT, LOWER_AFTER_TITLE, LOWER_STREET) and the "Ask for Angela"
 * test each begin with `\b` and a word from a short list, followed by a space, a full stop or white
 * space. One scan finds those words (scanPositions); each pass then runs its own sticky regex only where
 * one of its words begins, which is everywhere a global search of it could match.
 */
// Keep these in step with the heads of LOWER_CONTEXT, LOWER_AFTER_TITLE, LOWER_STREET and ASK_FOR_SCHEME:
// detect-scan.test.ts fails if a pass can match where none of its trigger words begins.
const CONTEXT_TRIGGER = /^(?:[Mm]y|[Hh]er|[Hh]is|[Oo]ur|[Tt]heir|called|named|name)$/;
const TITLE_TRIGGER = /^(?:[Dd]rs?|DR|[Dd]octor|[Dd]ortor|[Nn]urse|[Mm]rs?|[Mm]s|[Mm]iss)$/;
const STREET_TRIGGER = /^(?:lives?|living|lived|moved|moving|stays?|staying|resides?)$/;
const ASK_TRIGGER = /^[Aa][Ss][Kk]$/;
const ASK_FOR_SCHEME = /\bask for an[gi]/i;
const innerOf = (anchored: RegExp): string => anchored.source.replace(/^\^(?:\(\?:)?/, '').replace(/\)?\$$/, '');
const TRIGGER_WORDS = [CONTEXT_TRIGGER, TITLE_TRIGGER, STREET_TRIGGER, ASK_TRIGGER].map(innerOf).join('|');
/** A trigger word, sticky: tried at the start of a word with a capital in it ("My", "Dr", "aSK"). */
const TRIGGER_AT = new RegExp(`\\b(?:${TRIGGER_WORDS})(?=[\\s.])`, 'y');
const CONTEXT_BIT = 1;
const TITLE_BIT = 2;
const STREET_BIT = 4;
const ASK_BIT = 8;
/** Which passes a trigger word begins (the words are few: a small, fixed memo). */
const triggerMemo = new Map<string, number>();
function triggerBits(w: string): number {
  let bits = triggerMemo.get(w);
  if (bits === undefined) {
    bits =
      (CONTEXT_TRIGGER.test(w) ? CONTEXT_BIT : 0) | (TITLE_TRIGGER.test(w) ? TITLE_BIT : 0) | (STREET_TRIGGER.test(w) ? STREET_BIT : 0) | (ASK_TRIGGER.test(w) ? ASK_BIT : 0);
    triggerMemo.set(w, bits);
  }
  return bits;
}

interface Triggers {
  /** Where each trigger word begins, in order, and which passes it begins. */
  starts: number[];
  bits: number[];
  /** Whether "ask" was seen (the "Ask for Angela" test can only match at one). */
  ask: boolean;
}

interface Positions extends Triggers {
  /** The positions where an alternative of COMBINED can begin, bar lower-case letters just before a digit (see scanPositions). */
  candidates: number[];
}

/** The letters a trigger word can begin with (each alternative begins with a letter or a class of letters). */
const TRIGGER_INITIALS = new Set(TRIGGER_WORDS.split('|').flatMap((alt) => [...(alt.startsWith('[') ? alt.slice(1, alt.indexOf(']')) : alt[0]!)]));
/**
 * One scan of a text for two things:
 * - where an alternative of COMBINED can begin, apart from a lower-case letter with a digit 1–3 places
 *   on ("ls6 2ab", "ab 12 34 56 c", "yr15 hgk"): a digit, a capital (or a letter of Latin Extended-A),
 *   "@", "+44", "(0", "." before a lower-case letter, "http(s)://", "www.", "flat". Each is one
 *   character. A position skipped is a lower-case letter that can only begin a match with a digit at
 *   most 3 places on, and that digit is a candidate: so it lies at most 3 places before the next
 *   candidate, where detectPii looks for it (lowerBeforeDigit). Skipping the rest (lower-case letters
 *   inside words, spaces) is what makes the scan cheap: most of a text is never tried.
 * - trigger words in lower case (TRIGGER_WORDS lower-cased: a superset of its lower-case matches).
 *   A trigger word with a capital in it is looked for where its first capital is found (TRIGGER_AT).
 */
const SCAN = new RegExp(`[0-9${UP}@]|\\+(?=44)|\\((?=0)|\\.(?=[a-z])|h(?=ttps?:\\/\\/)|w(?=ww\\.)|f(?=lat)|\\b(?:${TRIGGER_WORDS.toLowerCase()})(?=[\\s.])`, 'g');

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Whether a lower-case letter at `i` has a digit 1–3 places on (the only way a position skipped by scanPositions can begin a match). */
function lowerBeforeDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 97 && c <= 122 && (isDigitCode(text.charCodeAt(i + 1)) || isDigitCode(text.charCodeAt(i + 2)) || isDigitCode(text.charCodeAt(i + 3)));
}
const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

function addTrigger(t: Triggers, text: string, start: number, end: number): void {
  const bits = triggerBits(text.slice(start, end));
  if (bits === 0) return;
  if (bits & ASK_BIT) t.ask = true;
  t.starts.push(start);
  t.bits.push(bits);
}

function scanPositions(text: string): Positions {
  const out: Positions = { candidates: [], starts: [], bits: [], ask: false };
  const re = SCAN;
  re.lastIndex = 0;
  let lastTried = -1;
  while (re.test(text)) {
    const end = re.lastIndex;
    const c = text.charCodeAt(end - 1);
    if (c >= 97 && c <= 122 && !isAsciiLetter(text.charCodeAt(end))) {
      // a lower-case trigger word (the one-character candidates in lower case, h w f, come before a letter): walk back to its start
      let start = end - 1;
      while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
      addTrigger(out, text, start, end);
      continue;
    }
    out.candidates.push(end - 1);
    if (c >= 65 && c <= 90) {
      // a capital: its word may be a trigger word ("My", "Dr", "aSK"), tried once at the word's start
      let start = end - 1;
      while (start > 0 && end - start < 8 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
      if (start !== lastTried && TRIGGER_INITIALS.has(text[start]!)) {
        lastTried = start;
        TRIGGER_AT.lastIndex = start;
        if (TRIGGER_AT.test(text)) addTrigger(out, text, start, TRIGGER_AT.lastIndex);
      }
    }
  }
  return out;
}

/** The matches of the sticky `re` (one of the lower-case passes) that a global search of it would find, in order. */
function triggeredMatches(text: string, t: Triggers, bit: number, re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  for (let k = 0; k < t.starts.length; k++) {
    const p = t.starts[k]!;
    if ((t.bits[k]! & bit) === 0 || p < lastEnd) continue;
    re.lastIndex = p;
    const m = re.exec(text);
    if (m !== null) {
      out.push(m);
      lastEnd = re.lastIndex;
    }
  }
  return out;
}

/** "my ex gary", "his name is dave": lower-case given names after a naming phrase. */
function lowerCaseNames(text: string, triggers: Triggers, add: Add): void {
  for (const m of triggeredMatches(text, triggers, CONTEXT_BIT, LOWER_CONTEXT)) {
    let w = m[1] ?? m[2];
    let end = m.index + m[0].length;
    // Take the first name, then any further names of a list ("riley and jade").
    while (w && isLowerGivenName(w)) {
      add('person', end - w.length, end, 0.65);
      const next = LOWER_LIST_NEXT.exec(text.slice(end, end + 30));
      if (!next) break;
      w = next[1]!;
      end += next[0].length;
    }
  }
}

/** "dr pelly", "Dr kilduf", "doctor kamvary": a lower-case word after a title that is no English word is a surname. */
const LOWER_AFTER_TITLE = /\b(?:[Dd]rs?|DR|[Dd]octor|[Dd]ortor|[Nn]urse|[Mm]rs?|[Mm]s|[Mm]iss)\.?\s+([a-z][a-z'-]{2,})\b/y;
function namesAfterLowerTitles(text: string, triggers: Triggers, add: Add): void {
  for (const m of triggeredMatches(text, triggers, TITLE_BIT, LOWER_AFTER_TITLE)) {
    const w = m[1]!;
    const cap = w[0]!.toUpperCase() + w.slice(1);
    const end = m.index + m[0].length;
    // not an English word, a verb form ("prodemonstrated") or a contraction with its apostrophe lost ("the doctor wasn t")
    if (isEnglishWord(w) || NOT_NAMES.has(cap) || TITLES.has(cap) || AMBIGUOUS_GIVEN.has(cap) || /(?:ing|ed)$/.test(w) || /^\s+t\b/.test(text.slice(end, end + 3))) continue;
    add('person', end - w.length, end, 0.7);
  }
}

function isLowerGivenName(w: string): boolean {
  const cap = w[0]!.toUpperCase() + w.slice(1);
  if (NOT_NAMES.has(cap)) return false;
  return AMBIGUOUS_GIVEN.has(cap) ? LOWER_NOUN_NAMES.has(w) : GIVEN_NAMES.has(cap);
}

/** Lower-case streets after a verb of living ("lives on marsh lane"), unless generic ("the high street"). */
function lowerCaseStreets(text: string, triggers: Triggers, add: Add): void {
  for (const m of triggeredMatches(text, triggers, STREET_BIT, LOWER_STREET)) {
    if (m[2]!.split(/\s+/).some((w) => GENERIC_STREET_WORDS.has(w))) continue;
    const end = m.index + m[0].length;
    add('address', end - m[1]!.length, end, 0.6);
  }
}

function resolveOverlaps(found: PiiFinding[]): PiiFinding[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiFinding[] = [];
  let cluster: PiiFinding[] = [];
  let clusterEnd = -1;
  for (const f of found) {
    if (f.start >= clusterEnd) {
      flushCluster(cluster, out);
      cluster = [];
    }
    cluster.push(f);
    clusterEnd = Math.max(clusterEnd, f.end);
  }
  flushCluster(cluster, out);
  return out;
}

const overlapScore = (x: PiiFinding): number => PRIORITY[x.type] * 10 + x.confidence + (x.end - x.start) * 1e-6;

function flushCluster(cluster: PiiFinding[], out: PiiFinding[]): void {
  if (cluster.length === 1) out.push(cluster[0]!);
  else if (cluster.length > 1) {
    // Overlapping candidates: keep the strongest (priority, then confidence, then length), greedily.
    const kept: PiiFinding[] = [];
    for (const f of [...cluster].sort((a, b) => overlapScore(b) - overlapScore(a))) {
      if (kept.every((k) => f.end <= k.start || f.start >= k.end)) kept.push(f);
    }
    kept.sort((a, b) => a.start - b.start);
    out.push(...kept);
  }
}

const normTerm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

function applyAllowList(text: string, findings: PiiFinding[], allowList: string[]): PiiFinding[] {
  const terms = allowList.map(normTerm).filter((t) => t.length > 0);
  if (terms.length === 0) return findings;
  const exact = new Set(terms);
  // Spans of allowed terms in the text (spacing normalised by a whitespace-tolerant pattern).
  const spans: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const t of terms) {
    const re = new RegExp(t.split(' ').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      spans.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return findings.filter(
    (f) => !exact.has(normTerm(text.slice(f.start, f.end))) && !spans.some(([a, b]) => f.start >= a && f.end <= b),
  );
}

/**
 * For the property tests only (test/unit/privacy/detect-scan.test.ts): the pieces whose agreement
 * keeps the fast scan's findings those of plain global searches.
 */
export const SCAN_INTERNALS = {
  combined: COMBINED,
  lowerPasses: [
    [LOWER_CONTEXT, CONTEXT_BIT],
    [LOWER_AFTER_TITLE, TITLE_BIT],
    [LOWER_STREET, STREET_BIT],
    [ASK_FOR_SCHEME, ASK_BIT],
  ] as const,
  lowerBeforeDigit,
  scanPositions,
  triggeredMatches,
};

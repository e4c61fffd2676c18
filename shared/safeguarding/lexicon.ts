/**
 * Cue lexicons for the safeguarding detector (./detect.ts). Every cue is a named, readable regular
 * expression, so a flag can always say which cue matched and why it counted. Patterns run over the
 * text lower-cased, with curly apostrophes made straight (same length, so offsets hold).
 *
 * A cue's `tense` says what it needs to count as CURRENT risk:
 *   - 'current': the words themselves speak of now or the future ("he is still coming to my house",
 *     "I want to die", "he says he will kill me");
 *   - 'past': a past-tense account ("he threatened to kill me") — counts only beside a marker of
 *     now ("still", "again", "last night", "since he was released") in the same sentence;
 *   - 'recent': a past-tense account of a grave act or threat ("he threatened to burn the house down",
 *     "I took too many tablets") — counts unless the sentence or the next one places it in the past
 *     ("in 2015", "years ago", "he is in prison now"), with lower confidence;
 *   - 'neutral': a noun or adjective ("suicidal", "self-harm") — counts with a first-person
 *     present frame or a marker of now.
 */

export const SAFEGUARD_CATEGORIES = ['threat-to-life', 'self-harm', 'child-at-risk', 'ongoing-abuse'] as const;
export type SafeguardCategory = (typeof SAFEGUARD_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<SafeguardCategory, string> = {
  'threat-to-life': 'Threat to life',
  'self-harm': 'Self-harm or suicidal intent',
  'child-at-risk': 'A child at risk',
  'ongoing-abuse': 'Ongoing abuse',
};

export type CueTense = 'current' | 'past' | 'recent' | 'neutral';

export interface Cue {
  /** Short stable name, shown to the reviewer as the reason ("still-contacting"). */
  id: string;
  category: SafeguardCategory;
  tense: CueTense;
  /** How strongly the cue alone suggests risk (0–1). */
  weight: number;
  /** Literal words one of which the cue needs: a fast test before the full pattern runs. */
  anchor: RegExp;
  re: RegExp;
}

// word groups (kept readable: each is a plain alternation)
const HE = String.raw`(?:he|she|they|him|her|my (?:ex|ex-partner|ex partner|ex-husband|ex-wife|husband|wife|partner|boyfriend|girlfriend|dad|father|stepdad|mum|mother|brother|son|neighbour)|(?:his|her|their) (?:family|mates|friends|brother|brothers|sister|cousins|new partner|new girlfriend|new boyfriend)|(?:the )?(?:alleged )?(?:perpetrator|offender|suspect|abuser)|the (?:man|woman))`;
/** Joined straight onto a subject (its own space or apostrophe): "he is", "he's", "he's been". */
const IS = String.raw`(?: is| are|'s|'re| has been| have been|'s been|'ve been| keeps| keep| kept| kept on| continues to| carries on)`;
const ME1 = String.raw`(?:me|us|her|my (?:family|kids|children|son|daughter|mum|mother|partner|baby|new (?:partner|boyfriend|girlfriend|husband|wife))|the (?:kids|children|baby))`;
/** One or two people ("me", "my daughter and me", "me and the kids"). */
const ME = String.raw`(?:${ME1}(?: and ${ME1})?)`;
const KILL = String.raw`(?:kill|murder|stab|shoot|strangle|burn|slit)`;
const HOME = String.raw`(?:the|my|our|her|his) (?:house|home|flat|place|car)`;
/** Killing or grave harm to the speaker (or those with her), in the words people use: "end me", "do me in", "burn the house down with us in it". */
const HARM_ME = String.raw`(?:${KILL} ${ME}|slit (?:my|her|our) throats?|(?:finish|end) ${ME}(?: off)?|do ${ME} in|sort ${ME} out for good|get ${ME}(?= *(?:[,.!;]|$| for good| one day| in the end| eventually))|burn ${HOME} down|set fire to ${HOME}|(?:petrol ?bomb|torch) ${HOME}|run ${ME} (?:over|down)|(?:kill (?:himself|herself) and )?take ${ME} (?:with (?:him|her)|down with (?:him|her))|(?:put|see) ${ME} in (?:the|a) (?:ground|grave|coffin|box|wheelchair|morgue)|throw acid (?:at|in) (?:me|my face|her|her face))`;
/** Joined straight onto a subject: "he'd", "hed", "he would", "he was going to". */
const WOULD = String.raw`(?:'d|d| would| was going to| were going to| was gonna|'ll|ll| will)`;
/** Joined straight onto a subject, like IS. */
const WILL = String.raw`(?: will|'ll| is going to|'s going to| are going to|'re going to| is gonna|'s gonna| gonna| wants to| want to| intends to| is coming to|'s coming to| will come and| is gonna come and)`;
const CHILD = String.raw`(?:(?:my|our|the|her|his|their) (?:\d{1,2}[- ](?:year|yr)[- ]old|eldest|youngest|oldest|little one|two|three|four)(?! (?:kids|children|child|son|sons|daughter|daughters|boy|girl|boys|girls|ones|toddlers))|(?:my|our|the|her|his|their) (?:(?:\d{1,2}[- ](?:year|yr)[- ]old|little|baby|young|eldest|youngest|oldest|two|three|four) )?(?:kids|children|child|son|sons|daughter|daughters|baby|boy|girl|grandson|granddaughter|grandchildren|stepdaughter|stepson|little one|little ones|little sister|little brother|baby sister|baby brother|younger sister|younger brother|niece|nephew|grandkids|toddler|toddlers|boys|girls))`;
const CONTACT_ING = String.raw`(?:coming (?:to|round|over|near)|turning up|showing up|following(?! up)|messaging|msging|contacting|texting|txting|putting me down|belittling|humiliating|screaming at|shouting at|swearing at|spitting at|pushing|shoving|grabbing|choking|strangling|kicking|punching|slapping|raping|spying on|tracking|monitoring|hacking|calling|ringing|phoning|emailing|harassing|stalking|watching|threatening|intimidating|hitting|beating|hurting|abusing|assaulting|controlling|sending|waiting outside|sitting outside|parking outside|banging on|driving past|posting)`;
const CONTACT_S = String.raw`(?:comes (?:to|round|over|near)|turns up|shows up|appears|follows|messages|contacts|texts|txts|calls|rings|phones|emails|harasses|stalks|watches|threatens|intimidates|hits|beats|hurts|abuses|assaults|controls|sends|waits outside|sits outside|parks outside|bangs on|drives past|posts)`;
const ABUSE_PAST = String.raw`(?:hit|beat|hurt|abused|assaulted|raped|strangled|choked|punched|kicked|attacked|threatened|stalked|harassed|followed|controlled|pushed|shoved|slapped|headbutted|bit|grabbed|dragged|spat at|locked)`;
/** Present-tense physical or coercive abuse. */
const ABUSE_S = String.raw`(?:hits|beats|hurts|abuses|assaults|rapes|strangles|chokes|punches|kicks|controls|threatens|stalks|harasses|follows|watches|tracks|monitors|pushes|shoves|slaps|headbutts|grabs|drags|spits at|locks)`;
const DAYS = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;

/** Every cue's anchor words (each cue's anchor is `\b(?:words)`), for TRIGGER. */
const ANCHOR_WORDS: string[] = [];

const c = (id: string, anchor: RegExp, category: SafeguardCategory, tense: CueTense, weight: number, source: string): Cue => ({
  id,
  anchor: new RegExp(String.raw`\b(?:${(ANCHOR_WORDS.push(anchor.source), anchor.source)})`),
  category,
  tense,
  weight,
  re: new RegExp(source, 'g'),
});

export const CUES: readonly Cue[] = [
  // ── threat to life ───────────────────────────────────────────────────────────────────────
  c('will-kill', /kill|murder|stab|shoot|strangl|burn|slit|end me|end us|end her|end my|end the|finish|do me|do us|do her|do my|sort|get me|get us|get her|fire to|bomb|torch|run me|run us|run her|run my|take me|take us|take her|take my|put me|put us|put her|see me|see us|see her|acid/, 'threat-to-life', 'current', 0.9, String.raw`\b(?:${HE}|someone|people|they)(?: (?:still )?(?:says|say|keeps saying|is saying|has said|tells me|told me|said|is threatening|keeps threatening|threatens|has threatened|is telling people|tells people)(?: that)? (?:${HE}|they))?(?:${WILL}|'ll|ll) ${HARM_ME}`),
  c('have-me-killed', /killed|murdered|done in|shot|stabbed|seen to/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:${HE}|they|someone)${WILL} (?:have|get) (?:me|us|my \w+) (?:killed|murdered|done in|shot|stabbed|seen to)\b`),
  c('incites-harm', /hurt|kill|attack|stab|beat up|do me|do us|get me|get us|find me|find us|petrol/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:telling|told|tells|asking|asked|paying|paid|getting|got|sending|sent) (?:people|others|someone|his (?:mates|friends|family|brother|cousins)|her (?:mates|friends|family|brother|cousins)) (?:round )?to (?:(?:come (?:round )?|find (?:me|us|her) )and )?(?:hurt|kill|attack|stab|beat up|do|get|find|petrol bomb|sort) (?:me|us|her)\b`),
  c('strangled', /strangl|chok|tried to kill|hands/, 'threat-to-life', 'past', 0.8, String.raw`\b(?:${HE}) (?:has )?(?:strangled|choked|tried to strangle|tried to kill|tried to choke|put (?:his|her) hands (?:around|round) (?:my|her) (?:neck|throat))(?: (?:me|her))?\b`),
  c('strangled-until', /passed out|blacked out|couldn't breathe|could not breathe/, 'threat-to-life', 'recent', 0.8, String.raw`\b(?:strangled|choked|throttled) (?:me|her) (?:until|till|til) (?:i|she) (?:passed out|blacked out|couldn't breathe|could not breathe)\b`),
  c('weapon-to-me', /knife|gun|blade|machete|weapon/, 'threat-to-life', 'recent', 0.8, String.raw`\b(?:put|held|holds|pulled|pulls|pointed|points|waved|waves) (?:a|his|her) (?:knife|gun|blade|machete|weapon) (?:to|at|against|on|in) (?:my|her|our) (?:throat|neck|head|chest|face)\b|\bthreat(?:ened|ens|ening) (?:me|us|her) with (?:a|his|her) (?:knife|gun|blade|machete|weapon|hammer|axe)\b`),
  c('death-words', /dead|watch your|watch ur|watch yer|six feet|body bag|christmas|new year|birthday/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:(?:you're|you are|youre|ur|u r|your) (?:a )?dead(?: (?:woman|man|meat))?(?! to)\b|(?:a )?dead (?:woman|man) walking|(?:is|are|'s|'re|i'm|i am) (?:a )?dead (?:man|woman|meat)(?= if| when| unless| *[.!,]|$)|watch (?:your|ur|yer) back|(?:be|put you|end up) six feet under|in a body bag|(?:you|i) (?:won't|wont|will not) (?:see|make it to|live to see) (?:christmas|the new year|your birthday|my birthday|next year|another birthday))`),
  c('weapon-picture', /picture|photo|video|image/, 'threat-to-life', 'current', 0.7, String.raw`\b(?:picture|photo|video|image)s? of (?:a|his|her) (?:gun|knife|weapon|machete|bullet)s? (?:with|next to|and|captioned|saying|outside) (?:my|our|her) (?:name|address|house|door|photo)\b`),
  c('tried-to-harm', /kill|murder|stab|shoot|strangl|burn|slit|end me|end us|end her|end my|end the|finish|do me|do us|do her|do my|sort|get me|get us|get her|fire to|bomb|torch|run me|run us|run her|run my|take me|take us|take her|take my|put me|put us|put her|see me|see us|see her|acid/, 'threat-to-life', 'recent', 0.8, String.raw`\b(?:tried|attempted|has tried) to ${HARM_ME}`),
  c('getting-killed', /stabbed|shot|killed|done in|battered|murdered/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:i'm|i am|i'll be|you're|you are|she's|she is|she'll be) (?:getting|gonna get|going to get|gonna be|going to be) (?:stabbed|shot|killed|done in|battered|murdered)\b`),
  c('not-live-to-see', /live to see|make it to/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:i|you|she) (?:would|will|wouldn't|won't|wont|will not|would not) (?:live to see|make it to) (?:the |my |your |her )?(?:trial|court|court date|hearing|christmas|birthday|new year|next year)\b`),
  c('left-as-threat', /bullet|knife|casing|cartridge/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:bullets?|a knife|shell casings?|cartridges?) (?:in|through|on|at) (?:my|our|the|her) (?:letterbox|door|doorstep|car|windscreen)\b`),
  c('threats-to-kill', /threats to kill/, 'threat-to-life', 'past', 0.75, String.raw`\bthreats to kill(?! (?:charge|offence|warning|notice|case))\b`),
  c('threatening-to-kill', /threat/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:(?:is|are|'s|'re|keeps|keep|still|has been|have been) threatening|threatens|threaten) to ${HARM_ME}`),
  c('threatened-to-kill', /threat/, 'threat-to-life', 'recent', 0.8, String.raw`\b(?:threatened|threats?) to ${HARM_ME}`),
  c('would-kill', /kill|murder|stab|shoot|strangl|burn|slit|end me|end us|end her|end my|end the|finish|do me|do us|do her|do my|sort|get me|get us|get her|fire to|bomb|torch|run me|run us|run her|run my|take me|take us|take her|take my|put me|put us|put her|see me|see us|see her|acid/, 'threat-to-life', 'recent', 0.7, String.raw`\b(?:said|says|told me|warned me|wrote|texted|swore|swears)(?: on [\w']+ [\w']+ (?:life|grave))? (?:that )?(?:${HE}|they)${WOULD} ${HARM_ME}`),
  c('quoted-kill-you', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'past', 0.75, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|gonna|i swear i'll|i'll fucking|i will fucking) (?:kill|murder|stab|shoot|strangle|end) (?:you|ya|u)\b`),
  c('fear-for-life', /my life|our lives|kill|murder/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:i am|i'm|i fear|fear|i still fear|scared|afraid|frightened|terrified|worried) (?:for my life|for our lives|(?:that )?(?:he|she|they)(?:'ll| will| is going to|'s going to) (?:kill|murder) me)\b`),
  c('life-in-danger', /life is|lives are/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:my|our) (?:life is|lives are) (?:in danger|at risk|under threat)\b`),
  c('wants-me-dead', /dead/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:${HE}) (?:wants|want) (?:me|us) dead\b`),
  c('end-up-dead', /dead/, 'threat-to-life', 'current', 0.8, String.raw`\b(?:i'll|i will|i'm going to|i am going to|we'll|we will) (?:end up )?(?:be )?dead (?:before|if|unless)\b`),
  c('has-weapon', /knife|gun|machete|weapon|firearm|crossbow/, 'threat-to-life', 'current', 0.7, String.raw`\b(?:${HE}) (?:has|'s got|has got|carries|keeps) (?:a|an) (?:knife|gun|machete|weapon|firearm|crossbow)\b`),
  c('contract-on', /my life|my head/, 'threat-to-life', 'current', 0.7, String.raw`\b(?:there is|there's) (?:a (?:contract|price|bounty) on|a threat to) my (?:life|head)\b`),

  // ── self-harm and suicidal intent ──────────────────────────────────────────────────────────
  c('want-to-die', /die|dead|wake up|be here|disappear/, 'self-harm', 'current', 0.9, String.raw`\b(?:i|i still|i just|i really) (?:want|wanna|wish i could|wish to|feel like i want) (?:to )?(?:die|be dead|not wake up|not be here|disappear for good)\b`),
  c('not-wake-up', /wake up/, 'self-harm', 'current', 0.85, String.raw`\b(?:i )?(?:(?:don't|dont|do not) (?:want|wanna) to wake up|(?:go to sleep|sleep) and (?:never|not) wake up|hope i (?:don't|dont|do not|never) wake up)\b`),
  c('death-wish', /wish|dead|never born/, 'self-harm', 'current', 0.8, String.raw`\b(?:wish|wishes|wished|wishing) (?:i|he|she) (?:was|were|had been) (?:dead|never born|not here|gone)\b`),
  c('easier-if-gone', /easier|simpler/, 'self-harm', 'current', 0.8, String.raw`\b(?:easier|simpler|better)(?: for (?:everyone|everybody|them|my family))? if i (?:was|were|wasn't|weren't|was not|were not) (?:not )?(?:here|around|alive|gone|dead)\b`),
  c('no-future', /future|way out/, 'self-harm', 'current', 0.7, String.raw`\b(?:i )?(?:don't|dont|do not|can't|cant|cannot) see (?:a|any) (?:future|way out)(?: for (?:me|myself))?(?= *(?:[.!?,;]|$| for| after| any ?more| now))|\b(?:the )?only (?:way out|option|answer)(?: \S+){0,4} (?:is )?(?:to )?(?:end|ending) (?:it|things|my life|it all)\b`),
  c('want-to-disappear', /disappear/, 'self-harm', 'current', 0.6, String.raw`\bi (?:just |really )?(?:want|wanna) to disappear\b`),
  c('at-the-edge', /edge|bridge/, 'self-harm', 'current', 0.7, String.raw`\b(?:stand|stood|standing|sit|sat|sitting) (?:at|on) the edge of (?:the |a )?(?:platform|bridge|cliff|roof|car park)\b|\b(?:sat|stood|sitting|standing) on (?:the|a) bridge (?:for|thinking|and thought)\b`),
  c('better-off-gone', /better off/, 'self-harm', 'current', 0.85, String.raw`\bbetter off (?:if i (?:wasn't|was not|weren't|were not) (?:here|around|alive)|if i was gone|with me gone|without me around)\b`),
  c('no-point-being-here', /no point|no reason|nothing to live|nothing left|nothing/, 'self-harm', 'current', 0.8, String.raw`\b(?:no (?:point|reason)(?: in| to| for me)? (?:being here|being alive|living|going on|carrying on|carry on|go on|live|carry on living|carrying on living|to carry on)|nothing (?:left )?to live for|nothing left for me)\b`),
  c('cant-keep-going', /go on|carry on|cope|keep going|do this|take (?:it|this)|longer/, 'self-harm', 'current', 0.7, String.raw`(?:\b(?:i|she|he) (?:can't|cannot|can not|cant)|^(?:can't|cant|cannot)|\bnot sure (?:if |whether )?i can|(?:don't|dont) know (?:if|whether|how) i can) (?:go on|carry on|cope|keep going|do this|take (?:it|this|much more))(?: (?:like this|any ?more|much longer|no more))?(?= *(?:[.!?,;]|$| like this| any ?more| much longer| no more))|\bhow (?:much )?(?:longer|long) i can (?:cope|go on|carry on|keep going|take (?:it|this))\b`),
  c('suicide-method', /jump|throw|throwing myself|stepping|step in|walking into|walking in front|walk into|walk in front|hang|drown/, 'self-harm', 'current', 0.8, String.raw`\b(?:think|thought|thinking|considered|considering|want|wanted|going|feel like|felt like|planned|planning)(?: about| of| to)? (?:jumping|throwing myself|stepping|walking|jump|throw myself|step|walk|hanging myself|hang myself|drowning myself|drown myself)(?: (?:in front of|off|under|into) (?:a |the )?(?:train|bus|lorry|bridge|car|building|cliff|multi-storey|river|sea|traffic))?\b(?<=myself|train|bus|lorry|bridge|car|building|cliff|multi-storey|river|sea|traffic)`),
  c('suicide-plan', /how i would|how i'd|how i will|how i'll|how to|note to|notes to|letter to|letters to/, 'self-harm', 'current', 0.75, String.raw`\b(?:(?:planning|planned|worked out|thought about) how (?:i would|i'd|i will|i'll|to) (?:do it|end it|kill myself|end my life)|(?:written|wrote|writing) (?:a )?(?:note|letters?) to (?:my|the) (?:kids|children|family|mum|son|daughter))\b`),
  c('overdose-taken', /overdos|od'd|tablets|pills|paracetamol|meds|medication|swallowed/, 'self-harm', 'recent', 0.8, String.raw`\b(?:(?:i|she|he|my (?:son|daughter)) (?:took|have taken|'ve taken|has taken|had taken) (?:too many|a load of|loads of|all (?:my|her|his)|a handful of|an overdose of|a whole (?:box|packet) of) (?:(?:my|her|his|sleeping) )?(?:tablets|pills|paracetamol|meds|medication)|(?:i|she|he) (?:overdosed|od'd|took an overdose)|swallowed (?:everything|all|a load of|loads of|a handful of|a bottle of|the whole)(?: \S+){0,3}? (?:pills|tablets|medicine cupboard|paracetamol|meds|medication))\b`),
  c('attempt', /tried|attempted/, 'self-harm', 'recent', 0.8, String.raw`\b(?:tried to (?:kill|hang|drown|hurt|cut) (?:myself|himself|herself)|tried to (?:take|end) (?:my|his|her) (?:own )?life|attempted suicide|made an attempt on (?:my|his|her) (?:own )?life)\b`),
  c('wanting-to-kill-self', /myself/, 'self-harm', 'current', 0.85, String.raw`\b(?:makes|making|made) me (?:want|wanna) (?:to )?(?:kill|hurt|harm) myself\b`),
  c('dont-want-to-live', /live|alive|be here|carry on|go on/, 'self-harm', 'current', 0.9, String.raw`\bi (?:do not|don't|dont) (?:want|wanna) to (?:live|be alive|be here|carry on|go on)(?: any ?more)?\b`),
  c('kill-myself', /myself/, 'self-harm', 'current', 0.9, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|i want to|i wanna|i might|i could|thinking (?:about|of)|think about|thought (?:about|of)|considered|considering|plan to|planning to) (?:kill|killing|hurt|hurting|harm|harming|cut|cutting) myself\b`),
  c('end-my-life', /end|life/, 'self-harm', 'current', 0.9, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i want to|i wanna|i feel like|i felt like|feel like|thinking (?:about|of)|think about|thought (?:about|of)|thoughts of|considered|considering|plan to|planning to|ready to|i wanna|i want to|wanna) (?:end(?:ing)? (?:my life|her life|his life|it all|it|things)|tak(?:e|ing) (?:my|her|his) (?:own )?life)\b`),
  c('better-off-dead', /better off/, 'self-harm', 'current', 0.85, String.raw`\b(?:i'd|i would|i'm|i am|everyone would|they'd|they would|everyone'd) be better off (?:dead|without me)\b`),
  c('cant-go-on', /go on|carry on|cope/, 'self-harm', 'current', 0.7, String.raw`\bi (?:can't|cannot|can not) (?:go on|carry on|cope) (?:like this|any ?more|much longer)\b`),
  c('no-point-living', /point/, 'self-harm', 'current', 0.8, String.raw`\b(?:don't|do not|can't|cannot|no longer) see (?:the|any) point (?:in|of) (?:living|life|going on|carrying on|being here|being alive)\b`),
  c('no-reason-to-live', /no reason|no point/, 'self-harm', 'current', 0.85, String.raw`\b(?:no (?:reason|point) (?:to live|in living|in going on|in carrying on))\b`),
  c('feel-suicidal', /suicidal|ending it|killing myself|want to die/, 'self-harm', 'current', 0.85, String.raw`\b(?:i am|i'm|i feel|i've been feeling|i have been feeling|i've been|i have been|i keep feeling|i'm feeling|i am feeling|i still feel|feeling) (?:really |very |so |quite |more |a bit )?(?:suicidal|like ending it|like killing myself|like i want to die)\b`),
  c('self-harming-now', /harm|cutting|hurting myself|burning myself/, 'self-harm', 'current', 0.85, String.raw`\b(?:i am|i'm|i've been|i have been|i keep|i've started|i have started|i started|i still) (?:self[- ]?harming|cutting (?:myself|again)|hurting myself|burning myself|self[- ]harm(?:ing)? again)\b`),
  c('overdose-plan', /pills|tablets|medication|meds/, 'self-harm', 'current', 0.8, String.raw`\b(?:i've|i have|i am|i'm|i) (?:been )?(?:saving|stockpiling|stockpiled|hoarding|hoarded|collecting|saved|collected) (?:up )?(?:(?:my )?(?:sleeping )?(?:pills|tablets)|my medication|my meds)\b`),
  c('suicide-noun', /suicid|harm|overdose|kill myself|own life|my life|end my|cutting/, 'self-harm', 'neutral', 0.5, String.raw`\b(?:suicidal(?: thoughts| feelings| ideation)?|thoughts of (?:suicide|ending it|self[- ]harm)|(?:been|started|is|are) cutting(?: (?:herself|himself|themselves|myself))?|self[- ]harm(?:ing)?|suicide attempts?|tried to (?:kill myself|take my (?:own )?life|end my life)|took an overdose|taken an overdose)\b`),

  // ── a child at risk ───────────────────────────────────────────────────────────────────────
  c('child-harmed-now', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.85, String.raw`\b(?:${HE})${IS} (?:still )?(?:hitting|hurting|abusing|beating|touching|grooming|smacking|threatening|neglecting|starving|locking up|shouting at|screaming at|swearing at|grabbing|shaking|pushing|dragging|slapping|punching|kicking|terrorising) ${CHILD}\b`),
  c('child-harmed-present', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.8, String.raw`\b(?:${HE}) (?:still )?(?:hits|hurts|abuses|beats|touches|grooms|smacks|threatens|neglects|starves|locks up|screams at|shouts at|swears at|grabs|shakes|pushes|drags|slaps|punches|kicks|terrorises) ${CHILD}\b`),
  c('child-harmed-past', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'past', 0.7, String.raw`\b(?:${HE}) (?:hit|hurt|abused|beat|touched|groomed|smacked|threatened|neglected|molested|sexually assaulted|raped) ${CHILD}\b`),
  c('child-with-abuser', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:is|are|'s|'re) (?:still )?(?:living|staying|left|alone|having (?:unsupervised )?contact|spending (?:weekends|nights|time)) (?:with|alone with) (?:him|her|them|my ex|their (?:dad|father|mum|mother|stepdad)|the (?:abuser|perpetrator|offender))\b`),
  c('child-in-household', /household|house|home|property/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:${CHILD}|children|kids) (?:remain|remains|are still|is still|still live|still lives|live|lives|are living|is living) (?:living )?in the (?:household|house|home|property) with (?:him|her|them|the (?:alleged )?(?:abuser|perpetrator|offender|suspect))\b`),
  c('child-lives-with-violent', /living with|staying with/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:is|are|'s|'re) (?:still )?(?:living|staying) with (?:his|her|their) (?:dad|father|mum|mother|stepdad|stepmum) who (?:${ABUSE_PAST}|hits|beats|hurts) (?:him|her|them)\b`),
  c('child-witnesses', /see|saw|hear|heard|watch|witness/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:sees|see|hears|hear|watches|watch|witness|witnesses|has seen|have seen|keeps seeing) (?:him|her|them|it|everything|all of it|the (?:violence|abuse|fights|fighting|rows))(?: (?:hit|hitting|hurt|hurting|beat|beating|strangle|strangling|attack|attacking|push|pushing|shout at|shouting at|scream at|screaming at|happen)(?: me| us)?)?\b`),
  c('child-present-at-attack', /in my arms|in the room|in the next room|in the house|there when|watching when|in the car|asleep upstairs|upstairs when|next to me|in the same room|in the back/, 'child-at-risk', 'past', 0.7, String.raw`\b${CHILD} (?:was|were) (?:in my arms|in the room|in the next room|in the house|there|watching|in the car|asleep upstairs|upstairs|next to me|in the same room|in the back) when (?:he|she|they) (?:${ABUSE_PAST}|attacked|smashed|threw|assaulted|raped)\b`),
  c('child-injured', /bruise|black eye|marks|burns|cuts|injur|split lip|did it/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:${CHILD}|they|she|he) (?:has|have|'s got|has got|come|comes|came|has come|have come|keep coming|keeps coming)(?: (?:back|home)(?: from (?:his|her|their|(?:his|her|their) (?:dad|dads|dad's|father's|mum's|mums|mother's)|contact|visits?))?)? (?:with )?(?:bruises|bruising|a black eye|marks|burns|cuts|injuries|a split lip)\b|\b(?:says|said|told me) (?:daddy|dad|mummy|his dad|her dad|their dad|my ex|he|she) (?:did it|hit (?:her|him|them)|hurt (?:her|him|them))\b`),
  c('child-scared-after-contact', /scared|terrified|crying|wetting|screams|cries|panics/, 'child-at-risk', 'current', 0.65, String.raw`\b${CHILD} (?:comes|come|came) (?:home|back) from (?:his|her|their) (?:dad|dads|dad's|father's|mum's|mums|mother's|stepdad's) (?:scared|terrified|crying|upset|hungry|wetting)|\b${CHILD} (?:screams|cries|panics|shakes|begs not to go|refuses to go)(?: when| before| every time) (?:(?:she|he|they) (?:has|have) to go|going|it is time to go)`),
  c('child-left-alone', /alone|own|unattended/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:leaves|left|leaving|keeps leaving) ${CHILD} (?:on (?:their|his|her) own|alone|home alone|unattended|with strangers)\b|\b(?:${HE})(?: has been| was| is| gets| got|'s been) left (?:alone )?with ${CHILD}`),
  c('child-drink-driving', /drunk|high|drugs|drinking/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} in the car (?:when|while|after) (?:he|she)(?: is|'s| was| has been|'s been) (?:drunk|high|off (?:his|her) face|on drugs|drinking)\b`),
  c('threat-to-take-child', /threaten|tries to|tried to|trying to|try to/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:threatens|threatened|is threatening|keeps threatening|has threatened|threatening) to (?:take|snatch|abduct|run off with|take away) ${CHILD}|\b(?:tries|tried|trying|keeps trying|try) to (?:take|snatch|grab|abduct) (?:them|him|her|${CHILD})(?= *(?:[.!?,;]|$| from| away| off))`),
  c('child-exploited', /drugs|weed|packages|county lines|vodka|alcohol|drink|money|presents|gifts/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:is|are|'s|has been|have been) (?:being )?(?:made|forced|used|groomed|paid) to (?:carry|sell|deal|run|hold|move) (?:drugs|weed|packages)|\bcounty lines\b|\b(?:a|an) (?:older |grown )?(?:man|men|lad|lads|guy|guys)(?: of \d\d| in (?:his|their) (?:twenties|thirties|20s|30s)| aged \d\d)? (?:who )?(?:gives|give|gave|buys|buy|is giving|keeps giving|has been giving) (?:her|him|them) (?:vodka|alcohol|drink|drugs|weed|money|presents|gifts)\b`),
  c('child-harmed-act', /shook|shake|threw|dropped|burnt|burned|scalded/, 'child-at-risk', 'past', 0.75, String.raw`\b(?:${HE}) (?:has )?(?:shook|shaken|threw|thrown|dropped|burnt|burned|scalded|${ABUSE_PAST}) ${CHILD}\b`),
  c('stranger-contacts-child', /messaging|contacting|grooming|texting|talking to|sending/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:a man|an adult|someone|a stranger|an older (?:man|boy|lad|guy)|grown men)(?: is| has been| keeps| who is)? (?:messaging|contacting|grooming|texting|talking to|sending (?:messages|pictures|photos) to) ${CHILD}`),
  c('child-neglected', /no food|no heating|nothing to eat|no electricity/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:${CHILD}|children|kids) (?:are|is)(?: still)? (?:living |left )?(?:in a (?:house|flat) |at home )?(?:with|without) (?:no food|no heating|nothing to eat|no electricity)\b`),
  c('child-afraid', /frightened|scared|terrified|afraid/, 'child-at-risk', 'current', 0.7, String.raw`\b${CHILD} (?:is|are|'s|'re) (?:still |too )?(?:frightened|scared|terrified|afraid) to (?:go to sleep|sleep|go home|go to (?:his|her|their dad's|school))\b`),
  c('child-still-goes', /still going|still being/, 'child-at-risk', 'current', 0.65, String.raw`\b${CHILD} (?:are|is) still (?:going|being sent|being taken) to (?:that house|his house|his flat|his|their dad's|where he lives)\b`),
  c('child-touched', /touch|molest/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:\S+ ){0,6}?(?:touches|is touching|has been touching|molests|is molesting|has been molesting) (?:her|him|them)\b`),
  c('moved-in-with-children', /kids|children|toddler|baby|babies/, 'child-at-risk', 'current', 0.6, String.raw`\b(?:${HE})(?:'s| is| has| has been) (?:back )?(?:living|moved in|staying) with (?:his|her|a) (?:new )?(?:girlfriend|boyfriend|partner|wife|husband|woman|man) (?:and|who has|with) (?:\S+ ){0,2}?(?:kids|children|toddlers|toddler|baby|babies)\b|\bmoved back in with (?:me and |us and )?${CHILD}`),
  c('abuser-has-child', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:${HE}) (?:still )?(?:has|gets|takes|is having|will have|is getting) ${CHILD} (?:every|at|this|on|for|unsupervised|overnight|at weekends|alone)\b`),
  c('unsupervised-contact', /unsupervised/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:still )?(?:has|have|having|gets|is getting|been given|got) unsupervised (?:contact|access|visits)\b`),
  c('child-sent-to-abuser', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.6, String.raw`\b${CHILD} (?:still )?(?:have to|has to|must|are made to|is made to|are forced to|is forced to) (?:go|stay|visit|see) (?:to |with )?(?:his|him|her|them|my ex|their (?:dad|father|mum|mother))\b`),
  c('abuser-collects-child', /school|nursery|college/, 'child-at-risk', 'current', 0.55, String.raw`\b(?:${HE}) (?:still )?(?:picks|collects|takes|meets) (?:her|him|them|${CHILD}) (?:up )?(?:from|after|at|outside) (?:school|nursery|college|the school gates)\b`),
  c('child-not-safe', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.8, String.raw`\b${CHILD} (?:is|are|'s|'re|isn't|aren't|is not|are not) (?:still )?(?:not safe|unsafe|in danger|at risk|being (?:abused|hurt|hit|groomed|harmed|neglected|exploited)|(?:scared|frightened|terrified|afraid) of (?:him|her|going|their dad|their father))\b`),
  c('fear-for-child', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:i am|i'm|i fear|i still fear|i worry|i'm worried|scared|afraid|frightened|terrified|worried) (?:for (?:the safety of )?${CHILD}|(?:for )?${CHILD}'s safety|(?:that |about what )?(?:he|she|they)(?:'ll| will| is going to|'s going to| might| could) (?:do to|hurt|harm|take|snatch|abduct) ${CHILD})\b`),
  c('child-contacted', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|year old|yr old|eldest|youngest|oldest|toddler/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:${HE})${IS} (?:still )?(?:messaging|contacting|texting|sending (?:messages|pictures|photos) to|meeting|waiting outside the school for|picking up) ${CHILD}\b|\b(?:${HE})${IS} (?:still )?(?:sending|asking) ${CHILD} (?:messages|pictures|photos|texts|for (?:photos|pictures|nudes))\b`),
  c('child-grooming', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|exploitation|cse/, 'child-at-risk', 'neutral', 0.5, String.raw`\b(?:${CHILD} (?:is|was|has been|'s been) (?:being )?(?:groomed|sexually exploited|exploited|abused)|child (?:sexual )?exploitation|cse)\b`),

  // ── ongoing abuse ────────────────────────────────────────────────────────────────────────
  c('still-contacting', /coming|turning|showing|following|messaging|msging|contacting|texting|txting|putting|belittling|humiliating|screaming|shouting|swearing|spitting|pushing|shoving|grabbing|choking|strangling|kicking|punching|slapping|raping|spying|tracking|monitoring|hacking|calling|ringing|phoning|emailing|harassing|stalking|watching|threatening|intimidating|hitting|beating|hurting|abusing|assaulting|controlling|sending|waiting|sitting|parking|banging|driving|posting/, 'ongoing-abuse', 'current', 0.85, String.raw`\b(?:${HE})${IS} (?:still |stil |now |again |constantly |always |forever )?${CONTACT_ING}\b(?! ${CHILD})`),
  c('still-contacts', /comes|turns|shows|appears|follows|messages|contacts|texts|txts|calls|rings|phones|emails|harasses|stalks|watches|threatens|intimidates|hits|beats|hurts|abuses|assaults|controls|sends|waits|sits|parks|bangs|drives|posts/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still |now |always |constantly |regularly )?${CONTACT_S} (?:me|us|my|outside|round|at|to|every|all(?! (?:the|our|of the) (?:money|bills|finances))|whenever)\b`),
  c('still-does-it', /keeps on|stop/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:keeps on|won't stop|wont stop|will not stop|hasn't stopped|hasnt stopped|has not stopped|never stops|doesn't stop|doesnt stop|does not stop)\b`),
  c('monitoring', /track|monitor|check|goes through|going through|read|hack|password|tracker|airtag|spyware|camera/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE})(?: still| always| constantly)? (?:tracks|is tracking|monitors|is monitoring|checks|is checking|goes through|keeps going through|reads|is reading|hacks into|is hacking into|keeps hacking into|has access to|has|knows|uses) (?:all )?(?:my|her) (?:phone|location|car|messages|emails|texts|social media|accounts|bank|facebook|instagram|whatsapp|laptop|passwords)(?! number)|\b(?:put|puts|fitted|has put|hid|has hidden) (?:a|an|another) (?:tracker|airtag|tracking device|camera|spyware)(?: one)? (?:on|in) (?:my|her|me)\b`),
  c('money-control', /money|wages|benefits|bank|card|finances|pay|credit|passport|keys|penny|£|pounds|allowance/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:${HE}) (?:still )?(?:controls|takes|keeps|holds|manages|has|won't give me|won't let me have) (?:all )?(?:of )?(?:my|her) (?:money|wages|benefits|bank card|bank cards|cards|finances|pay|universal credit|passport|car keys|keys)\b|\bgives (?:me|her) (?:£\d+|\d+ pounds|pocket money|an allowance)(?: a| per| every) (?:week|day|month)\b|\bmakes (?:me|her) (?:account for every penny|ask (?:him |her )?for (?:money|bus fare|every penny)|hand over (?:my|her) (?:wages|money|card))`),
  c('wont-let-me', /let me|let her|lets me|lets her/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still )?(?:won't|will not|wont|doesn't|does not|never) let(?:s)? (?:me|her) (?:see|have|go|work|leave|out|use|talk|speak|visit|contact|keep|wear|drive|sleep)\b`),
  c('locks-in', /lock/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still )?(?:locks|keeps locking|is locking) (?:me|us|her) (?:in|out)(?: of)? (?:the|my|our|a) (?:house|flat|room|bedroom|home|car|bathroom)\b`),
  c('through-others', /to message|to text|to contact|to call|to ring|to threaten|to follow|to watch|to pass|to send|to spy|through|via/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:${HE})(?:${IS})? (?:got|gets|is getting|has got|uses|used|is using|using|sends|sent) (?:his|her|their|the|my) (?:sister|brother|mum|mother|dad|family|friends|mates|cousin|new partner|girlfriend|boyfriend|kids|children) to (?:message|text|contact|call|ring|threaten|follow|watch|pass messages to|send messages to|spy on) (?:me|us|her)\b|\b(?:contacting|messaging|harassing|threatening) (?:me|her|us) (?:through|via) (?:my|her|third|friends|family|his|mutual)\b`),
  c('property-smashed', /smash|trash|wreck|broke|break|kick|punch/, 'ongoing-abuse', 'past', 0.7, String.raw`\b(?:${HE}) (?:smashed|trashed|wrecked|broke|kicked in|punched holes in) (?:up )?(?:the|my|our|her) (?:flat|house|home|door|windows?|car|phone|tv|place|furniture)\b`),
  c('seen-outside', /seen|saw|see|spotted|spotting/, 'ongoing-abuse', 'past', 0.7, String.raw`\b(?:i've|i have|i|we've|we have|we) (?:seen|saw|see|spotted|keep seeing|keep spotting) (?:him|her|them|his car|his van|her car|my ex) (?:outside|near|at|around|by|parked outside|hanging around|sat outside) (?:my|our|the) (?:house|home|flat|work|door|school|gym|street|road|mum's)\b`),
  c('appears-everywhere', /appears|turns up|shows up|is there|pops up/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:every ?time|whenever|wherever) (?:i|we) (?:go|leave|step|walk)(?: \S+){0,6}? (?:he|she|they|my ex) (?:appears|turns up|shows up|is there|pops up)\b`),
  c('started-again', /started|begun|gone back/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE})(?: has|'s| have)? (?:started|begun|gone back to) (?:following|messaging|texting|calling|ringing|contacting|turning up|coming round|watching|harassing|threatening|hitting|stalking) (?:me|us|her|at|outside|round)\b`),
  c('contact-past', /turned up|showed up|came round|came to my|was banging|banged on|was waiting|waited outside|followed me|messaged me|rang me|called me|texted me/, 'ongoing-abuse', 'past', 0.65, String.raw`\b(?:${HE}) (?:turned up|showed up|came round|came to my|was banging|banged on|was waiting|waited outside|followed me|messaged me|rang me|called me|texted me)\b`),
  c('not-allowed', /allowed/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:i'm|i am|she's|she is|we're|we are) not allowed to (?:go out|see|leave|have|work|use|talk|speak|visit|contact|drive)\b`),
  c('fake-profiles', /profiles|accounts|numbers/, 'ongoing-abuse', 'current', 0.65, String.raw`\b(?:${HE}) (?:still )?(?:sets up|makes|creates|keeps making|keeps setting up|keeps creating) (?:new|fake|different) (?:numbers|accounts|profiles|phones)\b`),
  c('housebound-by-fear', /left|been out/, 'ongoing-abuse', 'current', 0.6, String.raw`\bi (?:have not|haven't|havent|have'nt) (?:left|been out of) (?:the|my) (?:house|flat|home) (?:for|in) (?:a|two|three|four|\d+) (?:week|weeks|days|months)\b`),
  c('moved-back-in', /back in/, 'ongoing-abuse', 'current', 0.6, String.raw`\b(?:${HE})(?:'s| has| is) (?:moved|moving|come|coming) back in\b`),
  c('still-at-address', /living|staying/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:${HE})${IS} (?:still )?(?:living|staying) (?:at|in) (?:the|my|our) (?:house|address|flat|home|property)\b`),
  c('still-with-him', /still with|still living with|still in a relationship/, 'ongoing-abuse', 'current', 0.6, String.raw`\b(?:i'm|i am|we're|we are|she's|she is) still (?:with|living with|in a relationship with) (?:him|her|them|my abuser|the abuser)\b`),
  c('being-stalked', /stalked|harassed|followed|threatened|watched|abused|controlled|beaten/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:i'm|i am|we're|we are|she's|she is|he's|he is) (?:still )?being (?:stalked|harassed|followed|threatened|watched|abused|controlled|hit|beaten|assaulted)\b`),
  c('wont-leave-alone', /alone/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:${HE}) (?:won't|will not|wont|doesn't|does not|refuses to) leave (?:me|us) alone\b`),
  c('contact-resumed', /again|coming|happening|continuing|going on/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:the )?(?:calls|phone calls|messages|texts|threats|emails|letters|visits|abuse|harassment|stalking|notes|parcels|shouting|hitting|violence|beatings|arguments|rows)(?: have| has)? (?:started|begun|began|start|starting) (?:again|up again)|\b(?:calls|messages|texts|threats|abuse|harassment|stalking)(?: to kill| of violence)? (?:are|is|keep) (?:still )?(?:coming|happening|continuing|going on)\b`),
  c('breaching-order', /bail|order|injunction|dvpo|conditions/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:${HE})${IS} (?:still )?(?:breaching|breaking|ignoring) (?:his |her |their |the |my )?(?:bail|non[- ]molestation order|restraining order|injunction|order|conditions|protective order|dvpo|stalking protection order)\b`),
  c('breached-order', /bail|order|injunction|dvpo|conditions/, 'ongoing-abuse', 'past', 0.75, String.raw`\b(?:breached|broke|broken|ignored) (?:his |her |their |the |my |a |another )?(?:bail(?: conditions)?|non[- ]molestation order|restraining order|injunction|protective order|dvpo|stalking protection order)\b`),
  c('living-in-fear', /fear|scared|terrified|frightened|afraid/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:i am|i'm|we are|we're|i still|we still|i) (?:(?:still )?(?:living|live) in fear|(?:still )?(?:scared|terrified|frightened|afraid) (?:of (?:him|her|them|my ex)|to (?:go|leave|stay) (?:home|out|the house)|in my own home|(?:that )?(?:he|she|they)(?:'ll| will|'s going to| is going to| might| could) (?:come|find|hurt|turn up|get)))\b`),
  c('still-live-with', /live|living/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:i|we) (?:still |currently )?(?:live|living|am living|'m living) with (?:him|her|them|my abuser|the abuser|the perpetrator)\b`),
  c('abused-present', /hits|beats|hurts|abuses|assaults|rapes|strangles|chokes|punches|kicks|controls|threatens|stalks|harasses|follows|watches|tracks|monitors|pushes|shoves|slaps|headbutts|grabs|drags|spits|locks/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still )?${ABUSE_S} (?:me|us|her)\b`),
  c('abused-past', /hit|beat|hurt|abused|assaulted|raped|strangled|choked|punched|kicked|attacked|threatened|stalked|harassed|followed|controlled|pushed|shoved|slapped|headbutted|bit|grabbed|dragged|spat|locked/, 'ongoing-abuse', 'past', 0.6, String.raw`\b(?:${HE}) (?:has )?(?:${ABUSE_PAST}) (?:me|us|her)\b`),
  c('outside-my-house', /(?:my|our) (?:house|home|flat|door|work|workplace|school)/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:${HE})(?: is|'s|'s been| has been| was| keeps| kept) (?:sitting |parked |waiting |standing |hanging around |lurking |turning up |coming |driving )?(?:outside|round|past|near|to) (?:my|our) (?:house|home|flat|door|work|workplace|school)\b`),
  c('new-accounts', /numbers|accounts|profiles|phones/, 'ongoing-abuse', 'current', 0.65, String.raw`\b(?:${HE})${IS} (?:still )?(?:using|making|setting up|creating) (?:new|fake|different) (?:numbers|accounts|profiles|phones)\b`),
];

/**
 * Any cue's anchor: a fast first pass, so the many texts with none of them cost one scan. One word
 * boundary before one alternation matches where any anchor does, and is five times faster than
 * the anchors joined (each tried with its own boundary at every position).
 */
export const TRIGGER = new RegExp(String.raw`\b(?:${ANCHOR_WORDS.join('|')})`);

// ── the context around a cue ──────────────────────────────────────────────────────────────────

/** Markers of NOW in a sentence: they make a past-tense or neutral cue count as current risk. */
export const CURRENT_MARKERS: readonly { id: string; re: RegExp }[] = [
  { id: 'still', re: /\bstill\b/g },
  { id: 'again', re: /\bagain\b/g },
  { id: 'now', re: /\b(?:right now|just now|now)\b/g },
  { id: 'currently', re: /\b(?:currently|at the moment|at present|these days|nowadays|at the minute)\b/g },
  { id: 'recent', re: /\b(?:today|tonight|this (?:morning|afternoon|evening|week|weekend|month)|yesterday|last (?:night|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the other (?:day|night)|an hour ago|(?:a|two|three|four|five|few|couple of) (?:hours|days) ago|this past week|(?:on|over|at) the weekend|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) night|(?:twice|three times|again) this)\b/g },
  { id: 'repeated', re: /\b(?:every (?:day|night|week|morning|evening)|all the time|constantly|non[- ]?stop|daily|keeps|keep|kept on|on a daily basis|continu(?:es|ing|e)|ongoing|won't stop|will not stop|hasn't stopped|has not stopped|doesn't stop|never stops)\b/g },
  { id: 'released', re: /\bsince (?:he|she|they) (?:was|were|got|has been|have been|'s been) (?:released|let out|bailed|out|bail)\b|\bsince (?:he|she|they) (?:came back|moved back|got out|returned)\b/g },
  { id: 'worse', re: /\b(?:getting worse|escalating|any day now|any time now)\b/g },
  { id: 'first-person-fear', re: /\bi(?:'m| am)(?: still| so| really)? (?:scared|terrified|frightened|afraid|petrified)\b/g },
];

/**
 * Markers that place a clause in the PAST (or say the risk is over). They veto a cue in the same
 * clause unless the cue itself is in the present ("he used to hit me, he is still messaging me").
 */
export const PAST_MARKERS: readonly { id: string; re: RegExp }[] = [
  { id: 'used-to', re: /\bused to\b/g },
  { id: 'ago', re: /\b(?:years?|months?|decades?|weeks?|a long time|ages|some time) ago\b/g },
  { id: 'back-then', re: /\b(?:back then|at the time|at that time|in those days|back in(?= (?:the day|the (?:19|20)?\d0s|(?:19|20)\d\d|those|my (?:teens|twenties|childhood|youth)|january|february|march|april|may|june|july|august|september|october|november|december)\b)|in the past|previously|historic(?:al)?(?:ally)?|when (?:i|she|he|they) (?:was|were) (?:a child|a kid|young|little|younger|small|at school|a teenager|\d+|(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)(?:[- ]\w+)?)|as a child|growing up|long before)\b/g },
  { id: 'year', re: /\b(?:(?:in|during|back in) (?:19|20)\d\d|(?:january|february|march|april|may|june|july|august|september|october|november|december) (?:19|20)\d\d)\b/g },
  { id: 'over', re: /\b(?:no longer|not any ?more|not anymore|has stopped|have stopped|stopped (?:contacting|messaging|coming|calling)|it(?:'s| is| has) (?:over|stopped|ended)|it all stopped|moved away|i(?:'m| am) (?:safe|okay|ok|fine|better|well|doing better|doing well) now|now (?:safe|in prison|behind bars|locked up|inside|dead|deceased|gone)|(?:is|was|got|been) (?:sent to|put in|in) (?:prison|jail)|(?:is|was) (?:jailed|convicted|imprisoned|sentenced|deported)|has since|case (?:is |was )?closed|(?:he|she)(?:'s| is| has) (?:passed away|died)|haven't heard from|have not heard from|not heard from (?:him|her|them) (?:since|in))\b/g },
  { id: 'before-arrest', re: /\bbefore (?:he|she|they) (?:was|were|got) (?:arrested|charged|convicted|jailed|sentenced|sent down)\b/g },
];

/** Negation before a cue (within its clause): "I'm not suicidal", "he never threatened me", "I would never hurt myself". */
export const NEGATION = /\b(?:not|never|no|n't|nt|without|neither|nor|denied|deny|denies|wasn't|isn't|didn't|don't|doesn't|haven't|hasn't|wouldn't|won't)\b|n't\b/;

/**
 * Talk about police process: questions asked, forms, charges, offences. A cue inside such a
 * clause is about the process, not a disclosure ("they asked if I was suicidal", "he was charged
 * with threats to kill", "the DASH risk assessment") — unless a marker of now says otherwise.
 */
export const PROCESS_MARKERS: readonly { id: string; re: RegExp }[] = [
  { id: 'asked-whether', re: /\b(?:asked|ask|asking|asks|question(?:ed|s)?|checked|check(?:ing)?|enquired|wanted to know) (?:me )?(?:if|whether|about|how)\b/g },
  { id: 'charge', re: /\b(?:charged with|charge of|convicted of|conviction for|offence of|offences? (?:of|under)|arrested for|arrested on suspicion of|pleaded guilty to|found guilty of|accused of|allegations? of|investigation into|sentenced for|crime of)\b/g },
  { id: 'assessment', re: /\b(?:risk assessment|dash (?:form|assessment|checklist|questions)|dash\b|marac|safeguarding (?:referral|form|questions)|questionnaire|the form|tick ?box|screening questions)\b/g },
  { id: 'training', re: /\b(?:training (?:on|about)|leaflet|information about|advice (?:on|about)|signpost(?:ed|ing)? (?:to|me)|support (?:for|with) (?:people|victims|those))\b/g },
  { id: 'generic', re: /\b(?:victims who|people who|anyone who|someone who|those who|if someone|if a person|if you are|if you're|for example|e\.g\.)\b/g },
];

/** People and bodies whose doings are process, not risk: a marker of now in their clause ("the police still haven't called") enables nothing. */
export const AGENCY = /\b(?:police|officers?|detectives?|pc|dc|sergeant|inspector|cps|court|judge|magistrates?|the case|investigation|isva|idva|caseworker|case worker|social services|social worker|witness care|victim support|helpline|they|nobody|no one|no-one)\b/;

/** A first-person present frame before a neutral cue ("I'm having suicidal thoughts", "I keep getting thoughts of self-harm"). */
export const FIRST_PERSON_NOW = /\b(?:i am|i'm|i feel|i have|i've|i keep|i still|i get|i've got|i have got|i'm having|i am having|i keep having|i'm getting|i am getting)(?: \S+){0,3} $/;

/** Clause boundaries inside a sentence (a cue's past/negation/process markers are read within its clause). */
export const CLAUSE_BREAK = /[,;:()]\s|\s[-–—]\s|\b(?:but|although|though|however|whereas|yet|and now|now that|since then|until)\b|\band (?=(?:he|she|they|i|we)(?:'s|'ve|'re|'m|'d| has| is| was| had| have| are)\b)/g;

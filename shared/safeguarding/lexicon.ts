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

export type CueTense = 'current' | 'past' | 'neutral';

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
const HE = String.raw`(?:he|she|they|him|her|my (?:ex|ex-partner|ex partner|ex-husband|ex-wife|husband|wife|partner|boyfriend|girlfriend|dad|father|stepdad|mum|mother|brother|son|neighbour)|the (?:perpetrator|offender|suspect|abuser|man|woman))`;
/** Joined straight onto a subject (its own space or apostrophe): "he is", "he's", "he's been". */
const IS = String.raw`(?: is| are|'s|'re| has been| have been|'s been|'ve been| keeps| kept| continues to| carries on)`;
const ME = String.raw`(?:me|us|my (?:family|kids|children|son|daughter|mum|mother|partner)|the (?:kids|children))`;
const KILL = String.raw`(?:kill|murder|stab|shoot|strangle|burn|slit)`;
/** Joined straight onto a subject, like IS. */
const WILL = String.raw`(?: will|'ll| is going to|'s going to| are going to|'re going to| is gonna|'s gonna| gonna| wants to| want to| intends to| is coming to|'s coming to| will come and| is gonna come and)`;
const CHILD = String.raw`(?:my|our|the|her|his|their) (?:(?:\d{1,2}[- ]year[- ]old|little|baby|young|eldest|youngest|oldest) )?(?:kids|children|child|son|sons|daughter|daughters|baby|boy|girl|grandson|granddaughter|grandchildren|stepdaughter|stepson|little one|little ones|little sister|little brother|baby sister|baby brother|younger sister|younger brother|niece|nephew|grandkids)`;
const CONTACT_ING = String.raw`(?:coming (?:to|round|over|near)|turning up|showing up|following(?! up)|messaging|contacting|texting|calling|ringing|phoning|emailing|harassing|stalking|watching|threatening|intimidating|hitting|beating|hurting|abusing|assaulting|controlling|sending|waiting outside|sitting outside|parking outside|banging on|driving past|posting)`;
const CONTACT_S = String.raw`(?:comes (?:to|round|over|near)|turns up|shows up|follows|messages|contacts|texts|calls|rings|phones|emails|harasses|stalks|watches|threatens|intimidates|hits|beats|hurts|abuses|assaults|controls|sends|waits outside|sits outside|parks outside|bangs on|drives past|posts)`;
const ABUSE_PAST = String.raw`(?:hit|beat|hurt|abused|assaulted|raped|strangled|choked|punched|kicked|attacked|threatened|stalked|harassed|followed|controlled)`;

const c = (id: string, anchor: RegExp, category: SafeguardCategory, tense: CueTense, weight: number, source: string): Cue => ({
  id,
  anchor: new RegExp(String.raw`\b(?:${anchor.source})`),
  category,
  tense,
  weight,
  re: new RegExp(source, 'g'),
});

export const CUES: readonly Cue[] = [
  // ── threat to life ───────────────────────────────────────────────────────────────────────
  c('will-kill', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'current', 0.9, String.raw`\b(?:${HE}|someone|people|they)(?: (?:still )?(?:says|say|keeps saying|is saying|has said|tells me|told me|said|is threatening|keeps threatening|threatens|has threatened|is telling people|tells people)(?: that)? (?:${HE}|they))?${WILL} ${KILL} ${ME}\b`),
  c('have-me-killed', /killed|murdered|done in|shot|stabbed|seen to/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:${HE}|they|someone)${WILL} (?:have|get) (?:me|us|my \w+) (?:killed|murdered|done in|shot|stabbed|seen to)\b`),
  c('incites-harm', /hurt|kill|attack|stab|beat up|do me|do us|get me|get us|find me|find us|petrol/, 'threat-to-life', 'current', 0.75, String.raw`\b(?:telling|asking|paying|getting|sending) (?:people|others|someone|his (?:mates|friends|family)|her (?:mates|friends|family)) (?:round )?to (?:come (?:round )?and )?(?:hurt|kill|attack|stab|beat up|do|get|find|petrol bomb) (?:me|us)\b`),
  c('strangled', /strangl|chok|tried to kill|hands/, 'threat-to-life', 'past', 0.8, String.raw`\b(?:${HE}) (?:has )?(?:strangled|choked|tried to strangle|tried to kill|tried to choke|put (?:his|her) hands (?:around|round) my (?:neck|throat))(?: me)?\b`),
  c('threatening-to-kill', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:is|are|'s|'re|keeps|keep|still|has been|have been) threatening to ${KILL} ${ME}\b`),
  c('threatened-to-kill', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'past', 0.8, String.raw`\b(?:threatened|threats?) to ${KILL} ${ME}\b`),
  c('would-kill', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'past', 0.7, String.raw`\b(?:said|told me|warned me|wrote|texted) (?:that )?(?:${HE}|they) (?:would|'d|was going to|were going to) ${KILL} ${ME}\b`),
  c('quoted-kill-you', /kill|murder|stab|shoot|strangl|burn|slit|end you/, 'threat-to-life', 'past', 0.75, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|gonna|i swear i'll|i'll fucking|i will fucking) (?:kill|murder|stab|shoot|strangle|end) (?:you|ya|u)\b`),
  c('fear-for-life', /my life|our lives|kill|murder/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:i am|i'm|i fear|fear|i still fear|scared|afraid|frightened|terrified|worried) (?:for my life|for our lives|(?:that )?(?:he|she|they)(?:'ll| will| is going to|'s going to) (?:kill|murder) me)\b`),
  c('life-in-danger', /life is|lives are/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:my|our) (?:life is|lives are) (?:in danger|at risk|under threat)\b`),
  c('wants-me-dead', /dead/, 'threat-to-life', 'current', 0.85, String.raw`\b(?:${HE}) (?:wants|want) (?:me|us) dead\b`),
  c('end-up-dead', /dead/, 'threat-to-life', 'current', 0.8, String.raw`\b(?:i'll|i will|i'm going to|i am going to|we'll|we will) (?:end up )?(?:be )?dead (?:before|if|unless)\b`),
  c('has-weapon', /knife|gun|machete|weapon|firearm|crossbow/, 'threat-to-life', 'current', 0.7, String.raw`\b(?:${HE}) (?:has|'s got|has got|carries|keeps) (?:a|an) (?:knife|gun|machete|weapon|firearm|crossbow)\b`),
  c('contract-on', /my life|my head/, 'threat-to-life', 'current', 0.7, String.raw`\b(?:there is|there's) (?:a (?:contract|price|bounty) on|a threat to) my (?:life|head)\b`),

  // ── self-harm and suicidal intent ──────────────────────────────────────────────────────────
  c('want-to-die', /die|dead|wake up|be here|disappear/, 'self-harm', 'current', 0.9, String.raw`\b(?:i|i still|i just|i really) (?:want|wanna|wish i could|wish to|feel like i want) (?:to )?(?:die|be dead|not wake up|not be here|disappear for good)\b`),
  c('dont-want-to-live', /live|alive|be here|carry on|go on/, 'self-harm', 'current', 0.9, String.raw`\bi (?:do not|don't|dont) (?:want|wanna) to (?:live|be alive|be here|carry on|go on)(?: any ?more)?\b`),
  c('kill-myself', /myself/, 'self-harm', 'current', 0.9, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i'm gonna|i want to|i wanna|i might|i could|thinking (?:about|of)|think about|thought (?:about|of)|considered|considering|plan to|planning to) (?:kill|killing|hurt|hurting|harm|harming|cut|cutting) myself\b`),
  c('end-my-life', /end|life/, 'self-harm', 'current', 0.9, String.raw`\b(?:i'll|i will|i'm going to|i am going to|i want to|i wanna|thinking (?:about|of)|think about|thought (?:about|of)|considered|considering|plan to|planning to|ready to) (?:end(?:ing)? (?:my life|it all|it|things)|tak(?:e|ing) my (?:own )?life)\b`),
  c('better-off-dead', /better off/, 'self-harm', 'current', 0.85, String.raw`\b(?:i'd|i would|i'm|i am|everyone would|they'd|they would|everyone'd) be better off (?:dead|without me)\b`),
  c('cant-go-on', /go on|carry on|cope/, 'self-harm', 'current', 0.7, String.raw`\bi (?:can't|cannot|can not) (?:go on|carry on|cope) (?:like this|any ?more|much longer)\b`),
  c('no-point-living', /point/, 'self-harm', 'current', 0.8, String.raw`\b(?:don't|do not|can't|cannot|no longer) see (?:the|any) point (?:in|of) (?:living|life|going on|carrying on|being here|being alive)\b`),
  c('no-reason-to-live', /no reason|no point/, 'self-harm', 'current', 0.85, String.raw`\b(?:no (?:reason|point) (?:to live|in living|in going on|in carrying on))\b`),
  c('feel-suicidal', /suicidal|ending it|killing myself|want to die/, 'self-harm', 'current', 0.85, String.raw`\b(?:i am|i'm|i feel|i've been feeling|i have been feeling|i've been|i have been|i keep feeling|i'm feeling|i am feeling|i still feel|feeling) (?:really |very |so |quite |more |a bit )?(?:suicidal|like ending it|like killing myself|like i want to die)\b`),
  c('self-harming-now', /harm|cutting|hurting myself|burning myself/, 'self-harm', 'current', 0.85, String.raw`\b(?:i am|i'm|i've been|i have been|i keep|i've started|i have started|i started|i still) (?:self[- ]?harming|cutting (?:myself|again)|hurting myself|burning myself|self[- ]harm(?:ing)? again)\b`),
  c('overdose-plan', /pills|tablets|medication|meds/, 'self-harm', 'current', 0.8, String.raw`\b(?:i've|i have|i am|i'm) (?:been )?(?:saving|stockpiling|hoarding|collecting) (?:up )?(?:pills|tablets|my medication|my meds)\b`),
  c('suicide-noun', /suicid|harm|overdose|kill myself|own life|my life|end my/, 'self-harm', 'neutral', 0.5, String.raw`\b(?:suicidal(?: thoughts| feelings| ideation)?|thoughts of (?:suicide|ending it|self[- ]harm)|self[- ]harm(?:ing)?|suicide attempts?|tried to (?:kill myself|take my (?:own )?life|end my life)|took an overdose|taken an overdose)\b`),

  // ── a child at risk ───────────────────────────────────────────────────────────────────────
  c('child-harmed-now', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.85, String.raw`\b(?:${HE})${IS} (?:still )?(?:hitting|hurting|abusing|beating|touching|grooming|smacking|threatening|neglecting|starving|locking up|shouting at) ${CHILD}\b`),
  c('child-harmed-present', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.8, String.raw`\b(?:${HE}) (?:still )?(?:hits|hurts|abuses|beats|touches|grooms|smacks|threatens|neglects|starves|locks up) ${CHILD}\b`),
  c('child-harmed-past', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'past', 0.7, String.raw`\b(?:${HE}) (?:hit|hurt|abused|beat|touched|groomed|smacked|threatened|neglected|molested|sexually assaulted|raped) ${CHILD}\b`),
  c('child-with-abuser', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.75, String.raw`\b${CHILD} (?:is|are|'s|'re) (?:still )?(?:living|staying|left|alone|having (?:unsupervised )?contact|spending (?:weekends|nights|time)) (?:with|alone with) (?:him|her|them|my ex|their (?:dad|father|mum|mother|stepdad)|the (?:abuser|perpetrator|offender))\b`),
  c('abuser-has-child', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:${HE}) (?:still )?(?:has|gets|takes|is having|will have|is getting) ${CHILD} (?:every|at|this|on|for|unsupervised|overnight|at weekends|alone)\b`),
  c('unsupervised-contact', /unsupervised/, 'child-at-risk', 'current', 0.7, String.raw`\b(?:still )?(?:has|have|having|gets|is getting|been given|got) unsupervised (?:contact|access|visits)\b`),
  c('child-sent-to-abuser', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.6, String.raw`\b${CHILD} (?:still )?(?:have to|has to|must|are made to|is made to|are forced to|is forced to) (?:go|stay|visit) (?:to |with )?(?:his|him|her|them|my ex|their (?:dad|father|mum|mother))\b`),
  c('abuser-collects-child', /school|nursery|college/, 'child-at-risk', 'current', 0.55, String.raw`\b(?:${HE}) (?:still )?(?:picks|collects|takes|meets) (?:her|him|them|${CHILD}) (?:up )?(?:from|after|at|outside) (?:school|nursery|college|the school gates)\b`),
  c('child-not-safe', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.8, String.raw`\b${CHILD} (?:is|are|'s|'re|isn't|aren't|is not|are not) (?:still )?(?:not safe|unsafe|in danger|at risk|being (?:abused|hurt|hit|groomed|harmed|neglected|exploited)|scared of (?:him|her|going))\b`),
  c('fear-for-child', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:i am|i'm|i fear|i still fear|i worry|i'm worried|scared|afraid|frightened|terrified|worried) (?:for (?:the safety of )?${CHILD}|(?:for )?${CHILD}'s safety|(?:that |about what )?(?:he|she|they)(?:'ll| will| is going to|'s going to| might| could) (?:do to|hurt|harm|take|snatch|abduct) ${CHILD})\b`),
  c('child-contacted', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother/, 'child-at-risk', 'current', 0.75, String.raw`\b(?:${HE})${IS} (?:still )?(?:messaging|contacting|texting|sending (?:messages|pictures|photos) to|meeting|waiting outside the school for|picking up) ${CHILD}\b`),
  c('child-grooming', /kid|child|son|daughter|baby|boy|girl|grand|little|niece|nephew|sister|brother|exploitation|cse/, 'child-at-risk', 'neutral', 0.5, String.raw`\b(?:${CHILD} (?:is|was|has been|'s been) (?:being )?(?:groomed|sexually exploited|exploited|abused)|child (?:sexual )?exploitation|cse)\b`),

  // ── ongoing abuse ────────────────────────────────────────────────────────────────────────
  c('still-contacting', /coming|turning|showing|following|messaging|contacting|texting|calling|ringing|phoning|emailing|harassing|stalking|watching|threatening|intimidating|hitting|beating|hurting|abusing|assaulting|controlling|sending|waiting|sitting|parking|banging|driving|posting/, 'ongoing-abuse', 'current', 0.85, String.raw`\b(?:${HE})${IS} (?:still |now |again )?${CONTACT_ING}\b(?! ${CHILD})`),
  c('still-contacts', /comes|turns|shows|follows|messages|contacts|texts|calls|rings|phones|emails|harasses|stalks|watches|threatens|intimidates|hits|beats|hurts|abuses|assaults|controls|sends|waits|sits|parks|bangs|drives|posts/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still |now |always |constantly |regularly )?${CONTACT_S} (?:me|us|my|outside|round|at|to|every|all)\b`),
  c('still-does-it', /keeps on|stop/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:keeps on|won't stop|will not stop|hasn't stopped|has not stopped|never stops|doesn't stop|does not stop)\b`),
  c('wont-leave-alone', /alone/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:${HE}) (?:won't|will not|wont|doesn't|does not|refuses to) leave (?:me|us) alone\b`),
  c('contact-resumed', /again|coming|happening|continuing|going on/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:the )?(?:calls|phone calls|messages|texts|threats|emails|letters|visits|abuse|harassment|stalking|notes|parcels)(?: have| has)? (?:started|begun|began|start|starting) (?:again|up again)|\b(?:calls|messages|texts|threats|abuse|harassment|stalking) (?:are|is|keep) (?:still )?(?:coming|happening|continuing|going on)\b`),
  c('breaching-order', /bail|order|injunction|dvpo|conditions/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:${HE})${IS} (?:still )?(?:breaching|breaking|ignoring) (?:his |her |their |the |my )?(?:bail|non[- ]molestation order|restraining order|injunction|order|conditions|protective order|dvpo|stalking protection order)\b`),
  c('breached-order', /bail|order|injunction|dvpo|conditions/, 'ongoing-abuse', 'past', 0.75, String.raw`\b(?:breached|broke|broken|ignored) (?:his |her |their |the |my )?(?:bail(?: conditions)?|non[- ]molestation order|restraining order|injunction|protective order|dvpo|stalking protection order)\b`),
  c('living-in-fear', /fear|scared|terrified|frightened|afraid/, 'ongoing-abuse', 'current', 0.8, String.raw`\b(?:i am|i'm|we are|we're|i still|we still|i) (?:(?:still )?(?:living|live) in fear|(?:still )?(?:scared|terrified|frightened|afraid) (?:of (?:him|her|them|my ex)|to (?:go|leave|stay) (?:home|out|the house)|in my own home|(?:that )?(?:he|she|they)(?:'ll| will|'s going to| is going to| might| could) (?:come|find|hurt|turn up|get)))\b`),
  c('still-live-with', /live|living/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:i|we) (?:still |currently )?(?:live|living|am living|'m living) with (?:him|her|them|my abuser|the abuser|the perpetrator)\b`),
  c('abused-present', /hits|beats|hurts|abuses|assaults|rapes|strangles|chokes|punches|kicks|controls|threatens|stalks|harasses|follows|watches|tracks|monitors/, 'ongoing-abuse', 'current', 0.75, String.raw`\b(?:${HE}) (?:still )?(?:hits|beats|hurts|abuses|assaults|rapes|strangles|chokes|punches|kicks|controls|threatens|stalks|harasses|follows|watches|tracks|monitors) (?:me|us)\b`),
  c('abused-past', /hit|beat|hurt|abused|assaulted|raped|strangled|choked|punched|kicked|attacked|threatened|stalked|harassed|followed|controlled/, 'ongoing-abuse', 'past', 0.6, String.raw`\b(?:${HE}) (?:has )?(?:${ABUSE_PAST}) (?:me|us)\b`),
  c('outside-my-house', /(?:my|our) (?:house|home|flat|door|work|workplace|school)/, 'ongoing-abuse', 'current', 0.7, String.raw`\b(?:${HE})(?: is|'s|'s been| has been| was| keeps| kept) (?:sitting |parked |waiting |standing |hanging around |lurking |turning up |coming |driving )?(?:outside|round|past|near|to) (?:my|our) (?:house|home|flat|door|work|workplace|school)\b`),
  c('new-accounts', /numbers|accounts|profiles|phones/, 'ongoing-abuse', 'current', 0.65, String.raw`\b(?:${HE})${IS} (?:still )?(?:using|making|setting up|creating) (?:new|fake|different) (?:numbers|accounts|profiles|phones)\b`),
];

/** Any cue's anchor: a fast first pass, so the many texts with none of them cost one scan. */
export const TRIGGER = new RegExp(CUES.map((cue) => cue.anchor.source).join('|'));

// ── the context around a cue ──────────────────────────────────────────────────────────────────

/** Markers of NOW in a sentence: they make a past-tense or neutral cue count as current risk. */
export const CURRENT_MARKERS: readonly { id: string; re: RegExp }[] = [
  { id: 'still', re: /\bstill\b/g },
  { id: 'again', re: /\bagain\b/g },
  { id: 'now', re: /\b(?:right now|just now|now)\b/g },
  { id: 'currently', re: /\b(?:currently|at the moment|at present|these days|nowadays|at the minute)\b/g },
  { id: 'recent', re: /\b(?:today|tonight|this (?:morning|afternoon|evening|week|weekend)|yesterday|last night|the other (?:day|night)|an hour ago|(?:a|two|three|few) (?:hours|days) ago|this past week)\b/g },
  { id: 'repeated', re: /\b(?:every (?:day|night|week|morning|evening)|all the time|constantly|non[- ]?stop|daily|keeps|keep|kept on|on a daily basis|continu(?:es|ing|e)|ongoing|won't stop|will not stop|hasn't stopped|has not stopped|doesn't stop|never stops)\b/g },
  { id: 'released', re: /\bsince (?:he|she|they) (?:was|were|got|has been|have been|'s been) (?:released|let out|bailed|out)\b/g },
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
  { id: 'back-then', re: /\b(?:back then|at the time|at that time|in those days|back in|in the past|previously|historic(?:al)?(?:ally)?|when i was (?:a child|a kid|young|little|younger|at school|a teenager|\d+)|as a child|growing up)\b/g },
  { id: 'year', re: /\b(?:in|during|back in) (?:19|20)\d\d\b/g },
  { id: 'over', re: /\b(?:no longer|not any ?more|not anymore|has stopped|have stopped|stopped (?:contacting|messaging|coming|calling)|it(?:'s| is| has) (?:over|stopped|ended)|it all stopped|moved away|i(?:'m| am) (?:safe|okay|ok|fine|better|doing better) now|now (?:safe|in prison|behind bars|locked up|inside|dead|deceased|gone)|(?:is|was|got|been) (?:sent to|put in|in) (?:prison|jail)|(?:is|was) (?:jailed|convicted|imprisoned|sentenced|deported)|has since|case (?:is |was )?closed|(?:he|she)(?:'s| is| has) (?:passed away|died)|haven't heard from|have not heard from|not heard from (?:him|her|them) (?:since|in))\b/g },
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
export const CLAUSE_BREAK = /[,;:()]\s|\s[-–—]\s|\b(?:but|although|though|however|whereas|yet|and now|now that|since then|until)\b/g;

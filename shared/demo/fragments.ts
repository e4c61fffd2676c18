/**
 * The demo's sentence bank. Every sentence is fictional and written for Chorus; `{a|b}` marks
 * alternatives chosen at random, so the same fragment reads differently in different responses.
 * Each fragment carries the codes (by name, from the starter codebook) that it expresses, its
 * tone, and optionally the offences or contact methods it fits.
 */

export type Offence = 'da' | 'rasso' | 'stalk' | 'cse' | 'burg' | 'hate' | 'assault';
export type Contact = '999' | '101' | 'online' | 'person' | 'third';
/** p positive, n negative, m mixed or neutral. */
export type Tone = 'p' | 'n' | 'm';

export interface Fragment {
  t: string;
  codes: string[];
  s: Tone;
  only?: Offence[];
  via?: Contact[];
  /** Relative weight (default 1). */
  w?: number;
  /** Only from someone with this need (disability, or an interpreter). */
  needs?: 'disability' | 'interpreter';
  /** Only in written feedback (for example it contains an emoji), never in transcribed speech. */
  written?: boolean;
}

const f = (codes: string | string[], s: Tone, t: string, opts: Omit<Fragment, 't' | 'codes' | 's'> = {}): Fragment => ({
  t,
  codes: typeof codes === 'string' ? [codes] : codes,
  s,
  ...opts,
});

const SEXUAL: Offence[] = ['rasso', 'cse'];
const DOMESTIC: Offence[] = ['da', 'stalk'];
const PERSONAL: Offence[] = ['da', 'rasso', 'stalk', 'cse', 'assault', 'hate'];
const SUSPECT_KNOWN: Offence[] = ['da', 'stalk', 'rasso'];

/** Offence types as recorded in the "Offence type" attribute. */
export const OFFENCE_LABELS: Record<Offence, string> = {
  da: 'Domestic abuse',
  rasso: 'Rape and serious sexual offences',
  stalk: 'Stalking and harassment',
  cse: 'Child sexual exploitation',
  burg: 'Burglary',
  hate: 'Hate crime',
  assault: 'Assault',
};

export const CONTACT_LABELS: Record<Contact, string> = {
  '999': '999',
  '101': '101',
  online: 'Online',
  person: 'In person',
  third: 'Third party',
};

/** Codes each offence type tends to raise more often (weights ×3). */
export const OFFENCE_AFFINITY: Record<Offence, string[]> = {
  da: ['Bail conditions and orders', 'Safety planning', 'Feeling unsafe', 'ISVA and IDVA support', 'Victim-blaming', 'Taken seriously'],
  rasso: ['ISVA and IDVA support', 'Digital and personal records', 'Investigation delays', 'Victim-blaming', 'Special measures and court', 'Compassion and empathy'],
  stalk: ['Feeling unsafe', 'Bail conditions and orders', 'Taken seriously', 'Evidence gathering'],
  cse: ['Taken seriously', 'Victim-blaming', 'Wellbeing and recovery', 'ISVA and IDVA support'],
  burg: ['Evidence gathering', 'Attendance and initial response', 'Decision explained', 'Proactive updates', 'Online reporting'],
  hate: ['Discrimination and bias', 'Taken seriously', 'Evidence gathering', 'Feeling unsafe'],
  assault: ['Evidence gathering', 'Attendance and initial response', 'Investigation delays'],
};

/** Context sentences about what happened: never coded. */
export const OPENERS: Record<Offence, string[]> = {
  da: [
    'I reported {my ex-partner|my partner|my husband|my former partner} for {domestic abuse|controlling behaviour and assault|threats and abuse}.',
    'I had been in an abusive relationship for {years|a long time|over five years} before I {finally |}reported it.',
  ],
  rasso: [
    'I reported {a rape|a sexual assault|being sexually assaulted}{| by someone I knew| by a man I had met on a night out}.',
    'It took me {a long time|months|a while} to decide to report {what happened|the assault}.',
  ],
  stalk: [
    'I reported {being stalked|stalking and harassment} by {an ex-partner|a former colleague|someone I barely knew}.',
    'The messages and {him turning up|the turning up} at my {house|work} had gone on for {months|weeks|over a year}.',
  ],
  cse: [
    'I reported {what happened to me when I was younger|abuse I went through as a teenager|being groomed and exploited at fourteen}.',
    '{I was still at school|I was in care|I was very young} when it started.',
  ],
  burg: [
    '{Our house|My flat|My garage|My shed} was broken into {while we were away|overnight|during the day}.',
    '{They took|Thieves took} {jewellery and a laptop|tools and a bike|sentimental things that cannot be replaced}.',
  ],
  hate: [
    'I reported {a hate crime|racist abuse from a neighbour|homophobic abuse in the street|being targeted because of my religion}.',
    'This {was not|wasn\'t} the first time {it had happened|I\'d been abused like this}, just the first time I reported it.',
  ],
  assault: [
    'I was {assaulted|attacked|punched} {outside a pub|on my way home|at a bus stop|at work}.',
    'It happened {late at night|in broad daylight|in front of other people}.',
  ],
};

export const CONTACT_OPENERS: Record<Contact, string> = {
  '999': 'I {called|rang} 999 {straight away|as soon as I could|when I felt safe to}.',
  '101': 'I {reported it|called} {on|through} 101{| the next day| a few days later}.',
  online: 'I reported it online{| because I couldn\'t face talking to anyone| late at night}.',
  person: 'I went into {the station|the front counter} {in person|myself}{| with a friend}.',
  third: '{A support worker|My sister|A teacher|My GP} reported it {for me|on my behalf} {at first|to begin with}.',
};

export const CLOSERS: string[] = [
  'Thank you for asking for feedback.',
  '{I hope|Hopefully} this {helps|is useful to} someone else.',
  'That\'s all I want to say.',
  'Please {make sure|try to make sure} others don\'t go through what I did.',
  'Thanks for reading this.',
];

/** The survey bank: first person, written. */
export const SURVEY_FRAGMENTS: Fragment[] = [
  // First contact
  f('First contact', 'p', 'Reporting it was {easier|more straightforward} than I {expected|feared}.'),
  f('First contact', 'n', 'The first contact {put me off|nearly put me off} {going any further|reporting at all}.'),
  f('First contact', 'm', 'The first contact was fine but {things went downhill|it went downhill} after that.'),
  f('Call handling', 'p', 'The call handler was {calm|really calm|so calm} and {told me exactly what would happen next|kept me on the line until officers arrived|made me feel safe straight away}.', { via: ['999', '101'] }),
  f('Call handling', 'p', 'The person on the phone {was lovely|was kind} and {didn\'t rush me|let me explain in my own way}.', { via: ['999', '101', 'third'] }),
  f('Call handling', 'n', 'The call handler {kept asking the same questions|sounded bored|talked over me} and I {felt like a nuisance|nearly hung up}.', { via: ['999', '101'] }),
  f(['Call handling', 'Taken seriously'], 'n', 'When I rang I was told it {wasn\'t an emergency|was a civil matter} and {to call back another time|to sort it out myself}.', { via: ['999', '101'] }),
  f('101 waiting times', 'n', 'I was on hold to 101 for {over forty minutes|nearly an hour|over an hour} {and then the line went dead|before anyone answered|and gave up in the end}.', { via: ['101', 'online'], w: 2.5 }),
  f('101 waiting times', 'n', 'Getting through on 101 {is|was} {impossible|a nightmare|a joke}, {so I reported online instead|so I ended up calling 999|and I nearly gave up}.', { via: ['101', 'online', '999'], w: 2.5 }),
  f('101 waiting times', 'n', 'I was promised a call back from 101 {that never came|within the hour and waited all day}.', { via: ['101'], w: 2.5 }),
  f('101 waiting times', 'm', '101 took a while to answer but once I got through {it was fine|the person was helpful}.', { via: ['101'], w: 2.5 }),
  f('101 waiting times', 'p', '{To be fair|Surprisingly}, 101 answered {quickly|within a few minutes}.', { via: ['101'], w: 2.5 }),
  f('Online reporting', 'p', 'The online form was {easy|simple|quick} to fill in{| and I got a reference straight away}.', { via: ['online'], w: 2 }),
  f('Online reporting', 'n', 'I reported online and {heard nothing for a week|nobody got in touch for over a week|had to ring 101 anyway to check it had arrived}.', { via: ['online'], w: 2 }),
  f('Online reporting', 'm', 'Reporting online suited me because I {couldn\'t talk on the phone|didn\'t want to talk to anyone at first}, but {the form didn\'t have space for everything|it was hard to know what to put}.', { via: ['online'], w: 2 }),
  f(['Attendance and initial response', 'Taken seriously'], 'p', '{Two officers|Officers} {came|arrived} {within the hour|within twenty minutes|really quickly} and took it seriously.', { via: ['999', '101', 'online'] }),
  f('Attendance and initial response', 'n', 'Nobody came out for {three days|two days|nearly a week}{, by which time the evidence was gone|}.'),
  f('Attendance and initial response', 'n', 'I was told someone would come {that evening|the same day} but {no one turned up|they never came}.'),
  f('Attendance and initial response', 'm', 'It took {a day|a couple of days} for anyone to come, but {when they did|once they arrived} they were {thorough|really good}.'),

  // Being believed
  f('Being believed', 'p', '{Above all|Most of all}, I felt believed.'),
  f('Being believed', 'n', '{I never felt|I didn\'t ever feel} {believed|like they believed me}.'),
  f('Being believed', 'm', 'Some officers believed me and some clearly didn\'t.'),
  f('Taken seriously', 'p', 'They took it seriously {from day one|from the start|straight away} and never made me feel I was wasting their time.'),
  f('Taken seriously', 'p', 'The officer {listened properly|really listened} and {didn\'t dismiss anything|treated what happened as important}.'),
  f('Taken seriously', 'n', 'I was made to feel like I was {wasting police time|overreacting|making a fuss about nothing}.'),
  f('Taken seriously', 'n', 'It was treated as {just a domestic|a neighbour dispute|a one-off} when it {had been going on for months|was much more than that}.', { only: ['da', 'stalk', 'hate'] }),
  f('Taken seriously', 'm', 'I think they believed me, but it didn\'t {feel like a priority|seem to matter much} to them.'),
  f('Victim-blaming', 'n', 'I was asked why I {had gone back to him|didn\'t leave sooner|stayed so long}, as if it was my fault.', { only: ['da'] }),
  f('Victim-blaming', 'n', '{The officer|One officer} asked {how much I\'d had to drink|what I was wearing} {before anything else|in the first few minutes}.', { only: ['rasso'] }),
  f('Victim-blaming', 'n', 'I was asked why I {hadn\'t reported it sooner|waited so long to report}, which made me feel {judged|like I\'d done something wrong}.', { only: ['rasso', 'cse', 'da', 'stalk'] }),
  f('Victim-blaming', 'n', 'It was suggested I should {just block him|change my number|come off social media}, as if I was the problem.', { only: ['stalk'] }),
  f('Victim-blaming', 'p', '{The officer|They} made it clear that {none of it was my fault|I wasn\'t to blame}, which I really needed to hear.', { only: PERSONAL }),
  f('Victim-blaming', 'm', 'Some of the questions felt {blaming|judgemental}, although the officer explained why they had to ask them.', { only: PERSONAL }),
  f('Compassion and empathy', 'p', 'The officer {let me take breaks|gave me all the time I needed} and never once rushed me.'),
  f('Compassion and empathy', 'p', 'The officer was {so kind|incredibly kind|really patient} {when I was at my lowest|even when I couldn\'t get the words out}.'),
  f('Compassion and empathy', 'p', 'I was treated as a person, not {a case number|just another job}.'),
  f('Compassion and empathy', 'n', 'There was no {kindness|warmth|compassion} at all; it felt like {a box-ticking exercise|filling in a form}.'),
  f('Compassion and empathy', 'm', '{Most of the officers|The officers I met} were kind, but {the interview|my statement} felt rushed.'),

  // Updates and communication
  f('Updates and communication', 'n', 'Communication was {the worst part|the biggest problem|really poor}{| from start to finish}.'),
  f('Updates and communication', 'p', 'Communication {was excellent|was really good} {throughout|all the way through}.'),
  f('Updates and communication', 'm', 'Communication was {good at the start|fine at first} but {tailed off|dropped off} {after the first few weeks|after my statement}.'),
  f('Proactive updates', 'p', 'The officer rang {every week|every Friday|every fortnight}, even when there was nothing new, which {really helped|meant a lot}.'),
  f('Proactive updates', 'p', 'I was {told about the arrest|told he had been arrested|told when he was charged} {straight away|the same day|before I heard it anywhere else}.', { only: SUSPECT_KNOWN }),
  f('Proactive updates', 'p', 'My officer {texted|emailed} updates {at the times we agreed|regularly}, which {suited me|was what I asked for}.'),
  f('Proactive updates', 'n', 'No one {ever|once} {rang me|got in touch} {with an update|to tell me what was happening} without me asking first.'),
  f('Proactive updates', 'm', 'Updates came, but {they were vague|they didn\'t tell me much|they always said it was still ongoing}.'),
  f('Chasing for news', 'n', 'I had to {chase|keep chasing} {for every update|for any news|the officer for weeks}.'),
  f('Chasing for news', 'n', 'I left {message after message|voicemail after voicemail|several emails} and {nobody called back|only got a reply weeks later}.'),
  f(['Chasing for news', 'Bail conditions and orders'], 'n', 'I only found out {he\'d been released|about the arrest} {from a neighbour|from a friend|on social media}.', { only: SUSPECT_KNOWN }),
  f('Chasing for news', 'm', 'Once I {started chasing|chased}, the officer {did get back to me|was helpful}, but I shouldn\'t have had to.'),
  f('Named contact', 'n', 'My officer changed {three times|twice|four times} and each time I had to {explain everything again|start from the beginning}.'),
  f('Named contact', 'n', 'I was passed {between teams|from department to department|around} and nobody seemed to know who {was dealing with it|had my case}.'),
  f('Named contact', 'p', 'Having {one named officer|a single point of contact|the officer\'s direct number} made {a huge difference|all the difference}.'),
  f('Named contact', 'p', 'I always knew who to contact{| and they always got back to me}.'),
  f('Named contact', 'm', 'I had a named officer but {they were hard to reach|they were often on rest days|they were off sick for weeks}.'),
  f("Victims' Code entitlements", 'n', 'Nobody mentioned a victim personal statement until {it was too late|the day before court|after he was sentenced}.', { only: PERSONAL }),
  f("Victims' Code entitlements", 'n', 'I only learned about the Victims\' Code {from a support worker|from reading online|from a friend} {months later|after the case was closed}.'),
  f(["Victims' Code entitlements", 'Proactive updates'], 'p', 'The officer {explained my rights under the Victims\' Code|went through the Victims\' Code with me} {at the start|in the first week} and {asked how often I wanted updates|agreed how often we\'d speak}.'),
  f(["Victims' Code entitlements", 'Decision explained'], 'n', 'I wasn\'t told I {could ask for the decision to be reviewed|had the right to a review} until {it was too late|the deadline had passed}.'),
  f("Victims' Code entitlements", 'm', 'I was given a leaflet about my rights, but nobody {talked me through it|explained what it meant in practice}.'),

  // Safety and safeguarding
  f('Safety and safeguarding', 'n', 'I {still don\'t|don\'t} feel safe {in my own home|going out|at night}.', { only: PERSONAL.concat('burg') }),
  f('Safety and safeguarding', 'p', 'I feel {much safer|safer} {now|because of what they did}.'),
  f('Safety and safeguarding', 'm', 'They did {some things|what they could} to keep me safe, but {it never felt like enough|I still worry}.'),
  f(['Feeling unsafe', 'Bail conditions and orders'], 'n', 'He was released {the same day|within hours|the next morning} and I was {terrified|absolutely terrified} he would come back.', { only: SUSPECT_KNOWN }),
  f('Feeling unsafe', 'n', 'I felt left {on my own|alone} with the risk{| after they left}.'),
  f('Feeling unsafe', 'n', 'I {still|now} {check the locks|look over my shoulder|jump at every knock on the door} {every night|all the time}.'),
  f('Feeling unsafe', 'n', 'The people who did this {still live nearby|live on my street} and I\'m scared {to go out|of what they\'ll do next}.', { only: ['hate', 'assault'] }),
  f('Feeling unsafe', 'm', 'I felt {frightened|scared} for a long time, {though|but} that has eased {now|a bit}.'),
  f('Safety planning', 'p', 'They {fitted a panic alarm|put a marker on my address|changed my locks} {the same week|within days|straight away}.', { only: ['da', 'stalk', 'hate', 'burg'] }),
  f('Safety planning', 'p', '{The officer|My IDVA and the officer} {went through a safety plan with me|made a safety plan with me}{| and checked on the children}.', { only: DOMESTIC }),
  f('Safety planning', 'n', 'Nobody {talked to me about|did anything about} my safety{| until I asked}.'),
  f('Safety planning', 'n', 'I asked for {a panic alarm|help with my locks|a marker on my address} and {never heard back|was told there was a waiting list}.', { only: ['da', 'stalk', 'hate', 'burg'] }),
  f('Safety planning', 'm', 'The safety advice was {useful|helpful}, but {it was all on me|it was me who had to make the changes}.'),
  f('Bail conditions and orders', 'n', 'He breached his {bail|bail conditions} {twice|three times|several times} and nothing happened.', { only: SUSPECT_KNOWN }),
  f(['Bail conditions and orders', 'Proactive updates'], 'n', 'Nobody told me {he had been released|his bail conditions had been dropped|when his bail ended}{| until I saw him in the street}.', { only: SUSPECT_KNOWN }),
  f('Bail conditions and orders', 'p', 'They {got|helped me get} a {non-molestation order|stalking protection order|protection order} {quickly|within days} and {it has made a real difference|he has kept away since}.', { only: DOMESTIC }),
  f('Bail conditions and orders', 'm', 'There were bail conditions, but {I had to report every breach myself|nobody checked he was sticking to them}.', { only: SUSPECT_KNOWN }),

  // Adjustments and accessibility
  f('Adjustments and accessibility', 'p', 'They asked {how I wanted to be contacted|what I needed} and {stuck to it|made it happen}.'),
  f('Adjustments and accessibility', 'n', 'Nobody {asked|thought to ask} {if I needed anything|whether I needed any support to take part}.'),
  f('Interpreters and language', 'n', 'They used my {son|daughter|neighbour} to interpret, so I couldn\'t {say everything|explain properly}.', { w: 0.5, needs: 'interpreter' }),
  f('Interpreters and language', 'n', 'I asked for an interpreter {and had to wait weeks|twice before one was booked|but it never happened}.', { w: 0.5, needs: 'interpreter' }),
  f('Interpreters and language', 'p', '{An interpreter was there from the start|They arranged an interpreter for every meeting}, which meant I could {say everything|explain properly}.', { w: 0.5, needs: 'interpreter' }),
  f('Interpreters and language', 'n', '{The letters were full of jargon|Everything was in police jargon} and I {didn\'t understand|couldn\'t follow} {half of it|what was happening}.'),
  f('Disability adjustments', 'p', 'Because I\'m autistic they sent {the questions|my interview questions} in writing first, which made a {huge|real} difference.', { w: 0.3, needs: 'disability' }),
  f('Disability adjustments', 'n', 'I\'m {deaf|hard of hearing} and {they kept phoning me anyway|they kept phoning even though I asked for texts|nobody booked a BSL interpreter}.', { w: 0.3, needs: 'disability' }),
  f('Disability adjustments', 'n', '{The station|The interview suite} {wasn\'t accessible|had steps and no lift} {for my wheelchair|for me}, so {we had to rearrange|it was delayed}.', { w: 0.3, needs: 'disability' }),
  f('Disability adjustments', 'p', 'They {gave me extra time|let me have breaks} because of my {mental health|anxiety|condition}, without me having to fight for it.', { w: 0.3, needs: 'disability' }),
  f('Disability adjustments', 'm', 'They {tried to help with|did think about} my disability, but {it felt like an afterthought|only after I complained}.', { w: 0.3, needs: 'disability' }),
  f('Choice and control', 'p', 'I asked for a female officer and they {arranged it straight away|made it happen}.', { only: ['rasso', 'da', 'cse'] }),
  f('Choice and control', 'p', 'I was asked {how I wanted to be contacted|when it was safe to call|what times suited me} and they {stuck to it|always respected that}.'),
  f(['Choice and control', 'Dignity and privacy'], 'n', 'Officers turned up {at my work|at my door|at my parents\' house} without warning even though I\'d asked them to call first.'),
  f('Choice and control', 'n', 'I felt {the whole thing was out of my hands|I had no say in anything|decisions were made without me}.'),
  f('Special measures and court', 'p', 'I gave evidence by video link so I {didn\'t have to see him|never had to be in the same room}.', { only: SUSPECT_KNOWN.concat('cse') }),
  f('Special measures and court', 'n', 'Nobody told me about special measures until {the week before the trial|the day of court|it was too late}.', { only: PERSONAL }),
  f(['Special measures and court', 'Investigation delays'], 'n', 'The trial was {adjourned|moved} {three times|twice} and {each time I had to prepare myself all over again|I nearly pulled out}.', { only: PERSONAL }),
  f('Special measures and court', 'p', '{The pre-trial visit|Seeing the court beforehand} {helped me so much|made the day less frightening}.', { only: PERSONAL }),

  // Investigation and outcome
  f('Investigation and outcome', 'n', 'It felt like they did the bare minimum and then {closed it|filed it away}.'),
  f('Investigation and outcome', 'p', 'I\'m {really pleased|very happy} with the outcome{| and how the case was handled}.'),
  f('Investigation and outcome', 'm', 'I\'m not happy with the outcome, but I understand they did what they could.'),
  f('Evidence gathering', 'n', 'I gave them {the doorbell footage|CCTV from next door|screenshots of every message} but {nobody ever looked at it|it was never used}.'),
  f('Evidence gathering', 'n', 'Nobody {spoke to the witnesses|went door to door|checked the cameras on the street} until it was too late.', { only: ['burg', 'hate', 'assault'] }),
  f('Evidence gathering', 'p', '{The forensic team|The officers} {came the same day|were really thorough} and {found fingerprints|took everything they needed}.', { only: ['burg'] }),
  f('Evidence gathering', 'p', 'The officer {went through all the evidence I\'d kept|took my statement carefully} and {it clearly mattered|it was used in the end}.'),
  f('Evidence gathering', 'm', 'They collected {a lot of|some} evidence, but I never found out {what happened to it|if it was any use}.'),
  f('Investigation delays', 'n', 'It\'s been {eleven months|over a year|eight months} and I\'m still waiting for a charging decision.', { only: PERSONAL }),
  f('Investigation delays', 'n', '{Months|Weeks} went by {with nothing happening|without any progress}.'),
  f('Investigation delays', 'n', 'The delay {has put my life on hold|has been worse than the crime in some ways|made me want to give up}.', { only: PERSONAL }),
  f('Investigation delays', 'm', 'I know they\'re {busy|stretched}, but {nearly a year|all this time} is {too long|a long time} to wait.'),
  f('Investigation delays', 'p', 'It all moved {quicker|faster} than I expected{| and he was charged within weeks}.', { only: SUSPECT_KNOWN }),
  f(['Decision explained', 'Compassion and empathy'], 'p', 'The officer came round in person to explain {why there would be no charge|the decision} and what I could do next.'),
  f('Decision explained', 'n', 'I {got|received} a letter saying {no further action|the case was closed} with {no explanation|no phone call|nothing else}.'),
  f('Decision explained', 'n', 'Nobody explained why {it was dropped|the case was closed}, and I still don\'t understand.'),
  f('Decision explained', 'm', 'I don\'t agree with the decision, but {at least|to be fair} it was explained {properly|clearly}.'),
  f(['Digital and personal records', 'Wellbeing and recovery'], 'n', 'They kept my phone for {four months|six months|most of a year}, which cut me off from {everyone|my support network}.', { only: ['rasso', 'da', 'stalk', 'cse'] }),
  f('Digital and personal records', 'n', 'They asked for my {counselling notes|medical records|whole phone} and it felt like {I was the one being investigated|I was on trial}.', { only: ['rasso', 'da', 'stalk', 'cse'] }),
  f('Digital and personal records', 'p', 'The officer {explained exactly|was clear about} what they needed from my phone and {gave it back quickly|only took what was relevant}.', { only: ['rasso', 'da', 'stalk', 'cse'] }),
  f('Digital and personal records', 'm', 'I understood why they needed my phone, but {nobody told me how long it would take|I wasn\'t given a replacement}.', { only: ['rasso', 'da', 'stalk', 'cse'] }),

  // Support and referral: mostly praised by victim/survivors (partners see it differently)
  f('Support and referral', 'p', 'The support I got was {brilliant|excellent|amazing}{| from start to finish}.'),
  f('Support and referral', 'p', 'Being {put in touch with|referred to} {the support service|a support worker} was the best thing that happened.'),
  f('Support and referral', 'm', 'The support was good when it came, but {it took a long time|I had to ask for it}.'),
  f('ISVA and IDVA support', 'p', 'My ISVA was the only person who {explained what was going on|kept me going|made sense of it all}.', { only: SEXUAL }),
  f('ISVA and IDVA support', 'p', 'I {couldn\'t|wouldn\'t} have got through it without my ISVA.', { only: SEXUAL }),
  f('ISVA and IDVA support', 'p', '{Thank you|Thanks} to my ISVA for everything 🙏', { only: SEXUAL, written: true }),
  f(['ISVA and IDVA support', 'Bail conditions and orders'], 'p', 'My IDVA was {amazing|brilliant|a lifeline} and helped me {get the protection order|with the order|apply for the order}.', { only: DOMESTIC }),
  f(['ISVA and IDVA support', 'Chasing for news'], 'p', 'My ISVA {chased the officer for updates|got answers from the police} when I {couldn\'t face it|couldn\'t get through}.', { only: SEXUAL }),
  f('ISVA and IDVA support', 'm', 'My IDVA was great but {only had time for a few calls|had so many cases she was hard to reach}.', { only: DOMESTIC }),
  f('Referral to services', 'n', 'No one offered me any support; I found {the charity|a support service|help} myself {online|through a friend}.'),
  f('Referral to services', 'p', 'The officer {asked if I wanted|offered} a referral {to victim support|to a support service} {on the first day|straight away} and {explained what they could do|it really helped}.', { w: 1.5 }),
  f('Referral to services', 'n', 'I was given a leaflet and {that was it|left to get on with it}.'),
  f('Referral to services', 'm', 'I was referred {in the end|eventually}, but only {after I asked|weeks later}.'),
  f('Wellbeing and recovery', 'p', 'I\'ve had counselling since and I\'m {slowly|gradually} getting back to normal.'),
  f('Wellbeing and recovery', 'n', '{My anxiety|My mental health} has been {terrible|through the floor} since, and {I\'ve had to take time off work|I can\'t sleep}.'),
  f('Wellbeing and recovery', 'm', 'Some days are {better|easier} than others, but I\'m {getting there|still working through it}.'),
  f('Wellbeing and recovery', 'n', 'I\'m still on {a|the} waiting list for counselling{| after eight months}.'),

  // Trust and confidence
  f('Trust and confidence', 'n', 'My trust in the police {is gone|has gone completely|has taken a real knock}.'),
  f('Trust and confidence', 'p', '{Overall|On the whole}, I have {more|a lot more} confidence in the police than I did before.'),
  f('Would report again', 'n', 'I {wouldn\'t|would not} bother reporting again after {how this went|this experience}.'),
  f('Would report again', 'p', 'I would {definitely|absolutely} report again{| and I\'ve told friends to do the same}.'),
  f('Would report again', 'm', 'I\'d tell a friend to report, but to expect {a long wait|to fight for updates|it to be hard}.'),
  f('Would report again', 'n', '{If it happened again|Next time} I {don\'t think|doubt} I\'d {call|ring} the police.'),
  f('Confidence in the police', 'p', 'This has {restored|renewed} my faith in the police.'),
  f('Confidence in the police', 'n', 'I {feel|felt} {completely|totally|really} let down{| by the police}.'),
  f('Confidence in the police', 'm', '{Individual officers|Some officers} were {great|brilliant}, but the system {let me down|failed me}.'),

  // Fairness and respect
  f('Fairness and respect', 'p', 'Everyone I dealt with was {respectful|respectful and professional}.'),
  f('Fairness and respect', 'n', 'I wasn\'t treated with {respect|any respect}.'),
  f('Professionalism and manners', 'n', 'The officer turned up {late|an hour late}, was on {his|their} phone and didn\'t seem interested.'),
  f('Professionalism and manners', 'p', '{Every officer|Everyone} I met was {polite|professional|courteous} and {did what they said they would|kept their promises}.'),
  f('Professionalism and manners', 'n', 'One officer was {rude|dismissive|sarcastic} {to me|on the phone} and I {almost withdrew|nearly gave up}.'),
  f('Professionalism and manners', 'm', 'Most staff were {professional|polite}, but {one officer|one call} {spoiled it|left a bad taste}.'),
  f('Discrimination and bias', 'n', 'I felt they didn\'t take it seriously because of {where I live|the colour of my skin|my accent|my religion}.', { w: 0.6 }),
  f('Discrimination and bias', 'n', 'One officer made a comment about {my headscarf|my partner being a woman|my background} that {I won\'t forget|really hurt}.', { only: ['hate'] }),
  f('Discrimination and bias', 'p', 'I was {worried|nervous} I\'d be {judged|treated differently} {because I\'m gay|because of my background|because of my age}, but I wasn\'t.', { w: 0.6 }),
  f('Discrimination and bias', 'n', 'It felt like {people like me|someone like me} {aren\'t believed|don\'t count} {round here|to them}.', { w: 0.6 }),
  f('Dignity and privacy', 'n', '{Two marked cars|A marked car} outside my {house|flat} meant {the whole street knew|the neighbours knew straight away}.'),
  f('Dignity and privacy', 'n', '{Details of what happened|My new address} {were|was} shared with {his family|the other side} {without asking me|by mistake}.', { only: SUSPECT_KNOWN }),
  f('Dignity and privacy', 'p', 'They {came in plain clothes|used an unmarked car} {so the neighbours wouldn\'t know|when I asked}, which I {appreciated|really appreciated}.'),
  f('Dignity and privacy', 'm', 'Having my statement taken {at the front counter|in a busy station} was {embarrassing|uncomfortable}, though the officer {apologised|was kind about it}.'),
];

/** The partner bank: an ISVA service writing about its clients (third person, more critical of referrals). */
export const PARTNER_FRAGMENTS: Fragment[] = [
  f('Referral to services', 'n', 'Referrals from the police {continue to arrive late|are still arriving late}, often {weeks|a month or more} after the first report.'),
  f('Referral to services', 'n', '{Several|A number of} clients {this quarter|in recent months} were never offered a referral and found us {themselves|through friends|online}.'),
  f('Referral to services', 'n', 'Referral forms often {lack basic information|arrive without consent details|leave out contact preferences}, which delays our first contact.'),
  f('Referral to services', 'm', 'Referrals from the specialist {team|unit} are timely, but those from other teams are {patchy|inconsistent}.'),
  f(['ISVA and IDVA support', 'Chasing for news'], 'n', 'Our advisers are spending {hours each week|much of their time} chasing officers for updates on behalf of clients.'),
  f('ISVA and IDVA support', 'n', 'Adviser caseloads are {well above|above} recommended levels and waiting times for an adviser have {grown|increased}.'),
  f('ISVA and IDVA support', 'n', 'Advisers are {not always|rarely} told about {interviews|charging decisions|court dates} in time to support clients.'),
  f('ISVA and IDVA support', 'm', 'Clients value their adviser highly, but the service {cannot|can\'t} {meet demand|keep up with referrals} at current funding.'),
  f('Wellbeing and recovery', 'n', 'Many clients {describe|report} {anxiety|poor sleep|panic attacks} made worse by {the length of the process|long waits}.'),
  f('Support and referral', 'n', '{Overall|In short}, the support pathway {is not working well|is under strain} for clients {this quarter|at present}.'),
  f('Proactive updates', 'n', 'Clients {frequently|often} tell us they have heard nothing for {weeks|months} at a time.'),
  f('Named contact', 'n', 'When the officer in the case changes, clients are {rarely|not} told who their new contact is.'),
  f("Victims' Code entitlements", 'n', '{Few|Very few} clients {have been told about|know about} the Victims\' Code or their right to review.'),
  f('Investigation delays', 'n', 'Delays in charging decisions {remain|are} the single biggest reason clients {withdraw|disengage}.'),
  f('Digital and personal records', 'n', 'Requests for {counselling notes|therapy records} {continue to|still} {cause distress|put clients off therapy}.'),
  f('Digital and personal records', 'm', 'Clients whose phones were returned {quickly|within weeks} {felt|were} more positive about the process.'),
  f('Interpreters and language', 'n', 'Interpreters are {not always|sometimes not} booked for police interviews, and relatives are still asked to interpret.'),
  f('Disability adjustments', 'p', 'The {new|recent} use of written questions for autistic clients {has been welcomed|was welcomed} by those who {used|have used} it.'),
  f('Special measures and court', 'p', '{Pre-trial visits|Court familiarisation visits} arranged with the witness service {have worked well|continue to work well}.'),
  f('Taken seriously', 'p', 'Clients {generally|mostly} say the officers they met {believed them|took them seriously}.'),
  f('Victim-blaming', 'n', '{Some|A few} clients were asked about {alcohol|their clothing|previous relationships} in ways they {experienced as|found} blaming.'),
  f('Bail conditions and orders', 'n', 'Clients are {not always|sometimes not} told when a suspect is released or bail conditions change.'),
  f('Compassion and empathy', 'p', 'Clients {often|frequently} mention the kindness of the officers who took their first account.'),
  f('Discrimination and bias', 'n', '{Two|Several} clients felt they were treated differently because of {their ethnicity|their immigration status|their sexuality}.'),
];

/** Uncoded conversational sentences for transcripts. */
export const SPOKEN_FILLERS: string[] = [
  'It\'s hard to explain.',
  'I was in a bit of a state, to be honest.',
  'I remember that part really clearly.',
  'It all felt like a blur.',
  'I didn\'t know what to expect.',
  'Sorry, I\'m going round in circles.',
  'Looking back, I don\'t know how I got through it.',
  'I\'d never had anything to do with the police before.',
  'That\'s probably the bit that stuck with me most.',
  'I keep thinking about that.',
  'It\'s still quite raw, if I\'m honest.',
  'I know they\'re under a lot of pressure.',
  'You just want someone to tell you what\'s going on.',
  'It sounds small, but it wasn\'t small to me.',
  'My family were worried sick.',
  'I didn\'t want to make a fuss.',
];

/** Discourse markers for speech, by the tone of what follows. */
export const SPOKEN_PREFIXES: Record<Tone, string[]> = {
  p: ['', '', '', '', 'To be fair, ', 'I mean, ', 'And ', 'Yeah, ', 'Honestly, '],
  n: ['', '', '', '', 'Honestly, ', 'I mean, ', 'And ', 'The thing is, ', 'Yeah, ', 'So '],
  m: ['', '', '', '', 'I mean, ', 'To be fair, ', 'And ', 'The thing is, ', 'So '],
};

export const AGREEMENTS: string[] = [
  'I\'d agree with that.',
  'Same for me, yes.',
  'It was different for me.',
  'That\'s exactly it.',
  'Can I just come in on that?',
  'Mine was a bit like that.',
];

/** Topic questions in transcripts, per theme (First contact is deliberately absent: the topic guide starts after the report). */
export const QUESTIONS: Record<string, string[]> = {
  'Being believed': ['How did it feel when you {first told the police|gave your account}? Did you feel believed?', 'When you spoke to officers, how did they respond to what you told them?'],
  'Updates and communication': ['How were you kept informed {after that|as the case went on}?', 'Can we talk about updates? How did you find out what was happening?'],
  'Safety and safeguarding': ['{Did you feel safe|How safe did you feel} {during all this|after you reported}?', 'What, if anything, was done about your safety?'],
  'Adjustments and accessibility': ['Was there anything you needed to make it easier to take part, and was it offered?', 'Did the police ask about anything that would make the process easier for you?'],
  'Investigation and outcome': ['Can you tell me about {the investigation|how the investigation went} and where it ended up?', 'What happened with the case itself?'],
  'Support and referral': ['What support {did you get|were you offered} {along the way|outside the police}?', 'Were you put in touch with any support services?'],
  'Trust and confidence': ['{Looking back|Thinking about it all now}, how do you feel about the police?', 'Has this changed how you see the police?'],
  'Fairness and respect': ['How did officers treat you {as a person|on a personal level}?', 'Did you feel you were treated fairly?'],
};

export const PROBES: string[] = [
  'Can you say a bit more about that?',
  'How did that make you feel?',
  'What would have made a difference?',
  'And what happened after that?',
  'Was that the same all the way through?',
  'Mm. Go on.',
  'What would you want the police to know about that?',
];

/** Suggestions at the end of an interview. */
export const SUGGESTIONS: Fragment[] = [
  f('Named contact', 'm', 'If I could change one thing, it would be {having one officer|having one named person} from start to finish.'),
  f('Referral to services', 'm', 'I\'d want everyone to be told about support services on day one.'),
  f('Proactive updates', 'm', 'Just {keep people updated|tell people what\'s happening}, even when there\'s nothing to say.'),
  f('Taken seriously', 'm', 'Believe people {first|from the start}.'),
];

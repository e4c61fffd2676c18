/**
 * Starter codebooks. A template is plain data (names, definitions, inclusion and exclusion rules,
 * an example, autocode keywords); `instantiateTemplate` turns it into a project's Code rows.
 */
import type { Code } from '../model';
import { paletteColour } from './palette';

export interface TemplateCode {
  name: string;
  definition: string;
  inclusion: string;
  exclusion: string;
  example: string;
  keywords: string[];
  children?: TemplateCode[];
}

export interface CodebookTemplate {
  id: string;
  name: string;
  description: string;
  codes: TemplateCode[];
}

/** Shorthand for a code without children. */
function code(name: string, definition: string, inclusion: string, exclusion: string, example: string, keywords: string[]): TemplateCode {
  return { name, definition, inclusion, exclusion, example, keywords };
}

const VICTIM_FEEDBACK: CodebookTemplate = {
  id: 'victim-survivor-feedback-starter',
  name: 'Victim/survivor feedback (starter)',
  description:
    'Nine themes, each with subcategories, for feedback from victim/survivors about their contact with the police: surveys, interviews, focus groups and partner feedback. Code at the most specific level that fits; code a theme directly only for general comments. Positive and negative comments go under the same code. Adapt the definitions to your project and record changes in a code memo.',
  codes: [
    {
      name: 'First contact',
      definition: 'The first contact with the police: reporting by 999, 101, online or in person, and the initial response.',
      inclusion: 'How the report was received, how long it took to get through or for officers to attend, and how the call handler or first officer came across.',
      exclusion: 'Later contact about the case (use Updates and communication). Whether the person felt believed (use Being believed).',
      example: 'Reporting it was easy and the first officer I spoke to was brilliant.',
      keywords: ['first contact', 'reported', 'reporting', 'call handler'],
      children: [
        code(
          'Call handling',
          'How the 999 or 101 call handler, or front-counter staff, dealt with the first report.',
          'Tone, questions asked, reassurance, whether the handler understood the situation and explained what would happen next.',
          'Time spent waiting to get through (use 101 waiting times). Online forms (use Online reporting).',
          'The call handler was calm and told me exactly what would happen next.',
          ['call handler', 'on the phone', '999', 'front counter'],
        ),
        code(
          '101 waiting times',
          'Time spent waiting to get through on the 101 non-emergency number, being cut off, or call-backs that did not come.',
          'Queue times, giving up, calling 999 or reporting online instead because 101 was too slow.',
          'Delays in the investigation itself (use Investigation delays).',
          'I was on hold to 101 for over forty minutes and then the line went dead.',
          ['101', 'on hold', 'queue', 'cut off', 'call back'],
        ),
        code(
          'Online reporting',
          'Reporting through the website or an online form, and how the report was followed up.',
          'Ease of use, confirmation received, how long before anyone made contact after the form was sent.',
          'Emails later in the case (use Updates and communication).',
          'The online form was easy to fill in but nobody contacted me for a week.',
          ['online', 'website', 'form', 'submitted'],
        ),
        code(
          'Attendance and initial response',
          'How quickly officers attended or made contact after the report, and what they did first.',
          'Response times, whether officers came at all, how the first visit went.',
          'Collecting evidence later on (use Evidence gathering).',
          'Two officers came within the hour and made sure I was safe before anything else.',
          ['attended', 'came out', 'turned up', 'arrived', 'response time'],
        ),
      ],
    },
    {
      name: 'Being believed',
      definition: 'Whether the victim/survivor felt believed and taken seriously.',
      inclusion: 'Feeling listened to, doubted, judged or blamed; how their account was received.',
      exclusion: 'General politeness or rudeness not about belief (use Fairness and respect).',
      example: 'From the first conversation the officer made it clear they believed me.',
      keywords: ['believed', 'believe me', 'taken seriously', 'doubted', 'listened'],
      children: [
        code(
          'Taken seriously',
          'The report was treated as genuine and as mattering; or, when negative, it was dismissed or minimised.',
          'Being listened to and believed; being told it was "just a domestic", "a civil matter" or "not worth pursuing".',
          'Blame put on the victim/survivor (use Victim-blaming).',
          'They took it seriously from day one and never made me feel I was wasting their time.',
          ['taken seriously', 'believed', 'dismissed', 'wasting', 'listened'],
        ),
        code(
          'Victim-blaming',
          'Questions, comments or attitudes that put responsibility for what happened on the victim/survivor.',
          'Questions about drinking, clothing, why they stayed or went back, why they did not report sooner; feeling judged.',
          'Necessary questions that were explained with care (use Taken seriously or Compassion and empathy).',
          'I was asked why I had gone back to him, as if it was my fault.',
          ['my fault', 'blamed', 'judged', 'why I stayed', 'drinking'],
        ),
        code(
          'Compassion and empathy',
          'Kindness, patience and an understanding of trauma shown by officers and staff.',
          'Being given time, being reassured, officers noticing distress, being treated as a person rather than a case.',
          'Practical help from other services (use Support and referral).',
          'The officer let me take breaks and never once rushed me.',
          ['kind', 'patient', 'compassion', 'understanding', 'reassured', 'empathy'],
        ),
      ],
    },
    {
      name: 'Updates and communication',
      definition: 'How the police kept the victim/survivor informed after the report.',
      inclusion: 'How often and how well updates came, who gave them, how easy it was to get information.',
      exclusion: 'The first report (use First contact). How the final decision was explained (use Decision explained).',
      example: 'Communication was the worst part: I never knew what was happening.',
      keywords: ['update', 'updates', 'kept informed', 'heard nothing', 'communication'],
      children: [
        code(
          'Proactive updates',
          'The police got in touch with news without being asked.',
          'Regular calls, texts or emails at agreed times; being told promptly about arrests, charges or bail; updates even when there was no news.',
          'Updates given only after the person chased (use Chasing for news).',
          'The officer rang every Friday, even when there was nothing new, which really helped.',
          ['kept me updated', 'regular updates', 'rang me', 'every week', 'let me know'],
        ),
        code(
          'Chasing for news',
          'The victim/survivor had to chase for information.',
          'Repeated calls or emails, messages not returned, learning news from someone else first.',
          'Waiting on 101 to make the first report (use 101 waiting times).',
          'I left message after message and only found out about the arrest from a neighbour.',
          ['chase', 'chasing', 'called back', 'heard nothing', 'left messages'],
        ),
        code(
          'Named contact',
          'Having, or not having, a single named officer or point of contact.',
          'Knowing who to call; the officer in the case changing; being passed between teams; a direct number or email.',
          'Contact with an ISVA or IDVA (use ISVA and IDVA support).',
          'My officer changed three times and each time I had to explain everything again.',
          ['officer in the case', 'point of contact', 'changed officer', 'passed around', 'direct number'],
        ),
        code(
          "Victims' Code entitlements",
          'Rights under the Code of Practice for Victims of Crime (the Victims\' Code), whether or not the person names it.',
          'Being told (or not) about the Victims\' Code, a victim personal statement, a needs assessment, the right to review a decision, agreed update intervals.',
          'Updates not framed as an entitlement (use Proactive updates or Chasing for news).',
          'Nobody mentioned a victim personal statement until it was too late to make one.',
          ["victims' code", 'victim personal statement', 'my rights', 'entitled', 'right to review'],
        ),
      ],
    },
    {
      name: 'Safety and safeguarding',
      definition: 'Whether the victim/survivor felt safe, and how risks to them and others were managed.',
      inclusion: 'Fear of the suspect, safety planning, protective measures, risk to children or others in the household.',
      exclusion: 'Emotional support not linked to safety (use Support and referral).',
      example: 'I still do not feel safe in my own home.',
      keywords: ['safe', 'unsafe', 'safety', 'safeguarding', 'risk'],
      children: [
        code(
          'Feeling unsafe',
          'Statements of fear or of feeling unsafe during or after police involvement.',
          'Fear of the suspect, of reprisals or of being found; feeling left alone with the risk.',
          'Anxiety about court or giving evidence (use Special measures and court).',
          'He was released the same day and I was terrified he would come back.',
          ['unsafe', 'scared', 'afraid', 'terrified', 'frightened'],
        ),
        code(
          'Safety planning',
          'Practical steps taken to keep the person safe.',
          'Alarms, locks, a marker on the address, safety advice, refuge, checks on children, a plan for what to do if the suspect turns up.',
          'Court orders and bail conditions (use Bail conditions and orders).',
          'They fitted a panic alarm and put a marker on my address the same week.',
          ['panic alarm', 'marker', 'safety plan', 'locks', 'refuge'],
        ),
        code(
          'Bail conditions and orders',
          'Bail conditions and protective orders, and how they were explained and enforced.',
          'Being told (or not) about release, conditions or breaches; non-molestation orders, stalking protection orders, domestic violence protection orders.',
          'The outcome of the investigation (use Investigation and outcome).',
          'He breached his bail twice and nothing happened.',
          ['bail', 'conditions', 'breach', 'order', 'released'],
        ),
      ],
    },
    {
      name: 'Adjustments and accessibility',
      definition: 'Whether the police met the person\'s needs so they could take part on equal terms.',
      inclusion: 'Language, disability, neurodivergence, communication preferences, choice of officer, support to give evidence.',
      exclusion: 'Attitudes to someone\'s identity (use Discrimination and bias).',
      example: 'They asked how I wanted to be contacted and stuck to it.',
      keywords: ['adjustment', 'accessible', 'interpreter', 'disability', 'needs'],
      children: [
        code(
          'Interpreters and language',
          'Access to interpreters, translated information and plain language.',
          'An interpreter provided or not; family members or children used to interpret; jargon and unexplained terms.',
          'Hearing or sight impairments (use Disability adjustments).',
          'They used my son to interpret, so I could not say everything that happened.',
          ['interpreter', 'translate', 'language', 'english', 'jargon'],
        ),
        code(
          'Disability adjustments',
          'Reasonable adjustments for physical, sensory, mental health or learning disabilities and for neurodivergent people.',
          'Extra time, written questions, easy read, accessible places to meet, contact by text, a registered intermediary; or their absence.',
          'Language needs (use Interpreters and language).',
          'Because I am autistic they sent the questions in writing first, which made a huge difference.',
          ['disability', 'autistic', 'deaf', 'wheelchair', 'adjustments', 'easy read'],
        ),
        code(
          'Choice and control',
          'Whether the person had a say in how, when and by whom they were contacted or interviewed.',
          'Choice of the officer\'s sex, times and safe ways to make contact, being asked what they wanted, pace of the process.',
          'Who the named contact was (use Named contact).',
          'I asked for a female officer and they arranged it straight away.',
          ['choice', 'female officer', 'asked me how', 'preferred', 'my say'],
        ),
        code(
          'Special measures and court',
          'Support to give evidence: special measures, pre-trial visits, live links and pre-recorded evidence.',
          'Screens, video links, pre-recorded cross-examination, being prepared for court, court delays as experienced at court.',
          'ISVA support at court on its own (use ISVA and IDVA support; code both when both apply).',
          'I gave evidence by video link so I did not have to see him.',
          ['special measures', 'court', 'video link', 'screens', 'give evidence'],
        ),
      ],
    },
    {
      name: 'Investigation and outcome',
      definition: 'How the investigation was carried out and what the outcome was.',
      inclusion: 'Evidence, delays, charging decisions, no further action, cautions, convictions, and how the person feels about the result.',
      exclusion: 'How updates were given during the case (use Updates and communication).',
      example: 'It felt like they did the bare minimum and then closed it.',
      keywords: ['investigation', 'evidence', 'outcome', 'charged', 'no further action', 'case closed'],
      children: [
        code(
          'Evidence gathering',
          'Whether the police collected and used the evidence the person thought mattered.',
          'CCTV, witnesses, forensics, house-to-house enquiries, statements, evidence about the suspect.',
          'Requests for the victim/survivor\'s own phone or records (use Digital and personal records).',
          'I gave them the doorbell footage but nobody ever looked at it.',
          ['evidence', 'cctv', 'witness', 'forensic', 'footage', 'statement'],
        ),
        code(
          'Investigation delays',
          'Time taken to investigate or reach a decision.',
          'Months without progress, waiting for a charging decision, court backlogs, cases left with no action.',
          'Waiting on the phone to report (use 101 waiting times).',
          'It has been eleven months and I am still waiting for a charging decision.',
          ['months', 'delay', 'still waiting', 'so long', 'backlog'],
        ),
        code(
          'Decision explained',
          'Whether the outcome (charge, caution, no further action) was explained clearly and with care.',
          'How and by whom the decision was given; understanding the reasons; being told about the right to review.',
          'Disagreement with the outcome with no comment on how it was explained (code the theme Investigation and outcome).',
          'The officer came round in person to explain why there would be no charge and what I could do next.',
          ['no further action', 'decision', 'explained', 'letter', 'outcome'],
        ),
        code(
          'Digital and personal records',
          'Requests for the victim/survivor\'s phone, messages, medical or counselling records.',
          'Phones taken and not returned, consent to access records, feeling that they were the one under investigation.',
          'Evidence about the suspect (use Evidence gathering).',
          'They kept my phone for four months, which cut me off from everyone.',
          ['phone', 'download', 'records', 'counselling notes', 'messages'],
        ),
      ],
    },
    {
      name: 'Support and referral',
      definition: 'Support from specialist services and whether the police referred the person to it.',
      inclusion: 'ISVA and IDVA support, referrals to victim services, emotional and practical help, effects on wellbeing.',
      exclusion: 'Kindness shown by officers themselves (use Compassion and empathy).',
      example: 'Being put in touch with the support service was the best thing that happened.',
      keywords: ['support', 'referral', 'referred', 'isva', 'idva'],
      children: [
        code(
          'ISVA and IDVA support',
          'Support from an independent sexual violence adviser (ISVA) or independent domestic violence adviser (IDVA).',
          'Advocacy, explaining the process, going to interviews or court with the person, acting as a go-between with the police.',
          'Whether or when a referral was made (use Referral to services).',
          'My ISVA was the only person who explained what was going on.',
          ['isva', 'idva', 'adviser', 'advocate'],
        ),
        code(
          'Referral to services',
          'Whether, when and how the police referred the person to support services.',
          'Being offered a referral, being asked for consent, late or missed referrals, being left to find help alone.',
          'The quality of support once received (use ISVA and IDVA support or Wellbeing and recovery).',
          'No one offered me any support; I found the charity myself online.',
          ['referred', 'referral', 'signposted', 'victim support', 'leaflet'],
        ),
        code(
          'Wellbeing and recovery',
          'Effects on mental health, wellbeing and recovery, and help with them.',
          'Anxiety, sleep, counselling, time off work, coping, getting back to normal life.',
          'Fear of the suspect (use Feeling unsafe).',
          'I have had counselling since and I am slowly getting back to normal.',
          ['counselling', 'anxiety', 'mental health', 'sleep', 'recover', 'therapy'],
        ),
      ],
    },
    {
      name: 'Trust and confidence',
      definition: 'Overall trust and confidence in the police as a result of the experience.',
      inclusion: 'Whether they would report again or advise others to, and how their view of the police changed.',
      exclusion: 'Comments about one officer\'s conduct (use Fairness and respect).',
      example: 'I would tell a friend to report, but to expect a long wait.',
      keywords: ['trust', 'confidence', 'report again', 'recommend', 'faith'],
      children: [
        code(
          'Would report again',
          'Whether the person would report to the police again, or advise others to.',
          'Explicit statements about future reporting or about advising friends and family.',
          'General feelings about the police not tied to reporting (use Confidence in the police).',
          'I would not bother reporting again after how this went.',
          ['report again', "wouldn't bother", 'recommend', 'tell a friend', 'never again'],
        ),
        code(
          'Confidence in the police',
          'Overall views of the force or of the police in general, positive or negative.',
          'Faith, trust, a changed opinion, comparisons with earlier experiences.',
          'Views on a particular decision (use Decision explained).',
          'This has restored my faith in the police.',
          ['faith', 'trust', 'confidence', 'let down', 'restored'],
        ),
      ],
    },
    {
      name: 'Fairness and respect',
      definition: 'Whether the person was treated fairly, with dignity and respect.',
      inclusion: 'Professionalism, manners, privacy, perceived bias or discrimination.',
      exclusion: 'Whether the account was believed (use Being believed).',
      example: 'Everyone I dealt with was respectful and professional.',
      keywords: ['respect', 'fair', 'professional', 'dignity', 'rude'],
      children: [
        code(
          'Professionalism and manners',
          'Courtesy, attitude and professionalism of officers and staff.',
          'Politeness or rudeness, punctuality, keeping promises, appearing interested or not.',
          'Kindness in response to trauma (use Compassion and empathy).',
          'The officer turned up late, was on his phone and did not seem interested.',
          ['professional', 'rude', 'polite', 'attitude', 'manner'],
        ),
        code(
          'Discrimination and bias',
          'Perceived unfair treatment linked to identity: race, religion, disability, sex, sexual orientation, gender identity, age or class.',
          'Stereotyping, hostility, assumptions, feeling treated differently; also explicit comments that they were treated fairly.',
          'Adjustments for a disability (use Disability adjustments).',
          'I felt they did not take it seriously because of where I live and the colour of my skin.',
          ['racist', 'discrimination', 'treated differently', 'stereotype', 'homophobic', 'because of my'],
        ),
        code(
          'Dignity and privacy',
          'Whether the person\'s dignity and privacy were protected.',
          'Officers arriving at work or home without warning, details shared with family or neighbours, intrusive questions in public places.',
          'Questions that blame the victim/survivor (use Victim-blaming).',
          'Two marked cars outside my house meant the whole street knew.',
          ['privacy', 'dignity', 'neighbours', 'marked car', 'embarrassed', 'confidential'],
        ),
      ],
    },
  ],
};

const GENERAL_FEEDBACK: CodebookTemplate = {
  id: 'general-feedback-minimal',
  name: 'General feedback (minimal)',
  description:
    'Four broad codes for a first pass through any feedback, before a fuller codebook is agreed. Useful for a quick read of a new survey wave.',
  codes: [
    code(
      'What went well',
      'Anything the person valued about the service.',
      'Praise, thanks, things they would want to keep.',
      'Suggestions for change (use Suggestions for change).',
      'The officer was kind and kept me updated.',
      ['thank', 'helpful', 'good', 'brilliant'],
    ),
    code(
      'What could be better',
      'Anything the person found poor, missing or harmful.',
      'Complaints, frustrations, things that went wrong.',
      'Specific ideas for improvement (use Suggestions for change).',
      'I never heard back after my statement.',
      ['poor', 'never', 'waiting', 'nobody'],
    ),
    code(
      'Suggestions for change',
      'Concrete ideas for what the police should do differently.',
      'Statements with "should", "could", "would have helped", "if only".',
      'Complaints with no suggestion (use What could be better).',
      'A named officer to call would have helped.',
      ['should', 'could have', 'would have helped', 'suggest'],
    ),
    code(
      'Other',
      'Relevant comments that fit nowhere else yet.',
      'Anything worth keeping that the other codes do not cover; review these regularly.',
      'Text that says nothing about the person\'s experience (leave it uncoded).',
      'I am still thinking about whether to go to court.',
      [],
    ),
  ],
};

export const CODEBOOK_TEMPLATES: CodebookTemplate[] = [VICTIM_FEEDBACK, GENERAL_FEEDBACK];

/**
 * Turn a template into Code rows for a project, depth first (each parent before its children).
 * Top-level codes take successive palette colours; subcategories share their theme's colour so
 * the tree reads by theme. `order` is the position among siblings.
 */
export function instantiateTemplate(t: CodebookTemplate, projectId: string, nextId: () => string, createdAt: string): Code[] {
  const out: Code[] = [];
  const walk = (codes: TemplateCode[], parentId: string | null, colour: string | undefined, path: string): void => {
    codes.forEach((c, order) => {
      const name = c.name.trim();
      if (!name) throw new Error(`template "${t.name}": a code under "${path || 'the top level'}" has no name`);
      const id = nextId();
      const own = colour ?? paletteColour(order);
      out.push({
        id,
        projectId,
        parentId,
        name,
        definition: c.definition,
        inclusion: c.inclusion,
        exclusion: c.exclusion,
        example: c.example,
        colour: own,
        order,
        keywords: [...c.keywords],
        createdAt,
      });
      if (c.children?.length) walk(c.children, id, own, path ? `${path} > ${name}` : name);
    });
  };
  walk(t.codes, null, undefined, '');
  return out;
}

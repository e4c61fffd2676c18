/** Short written feedback from the (fictional) independent ISVA service. */
import { PARTNER_FRAGMENTS, type Fragment } from './fragments';
import { expand, pick, TextBuilder, type Rng, type Segment } from './text';

interface PartnerPlan {
  title: string;
  opener: string;
  codes: string[];
}

const PLANS: PartnerPlan[] = [
  {
    title: 'ISVA service feedback – referrals, October to December 2025',
    opener: 'This note summarises what clients of the independent ISVA service told us between October and December 2025.',
    codes: ['Referral to services', 'Referral to services', 'ISVA and IDVA support', 'Wellbeing and recovery', 'Support and referral'],
  },
  {
    title: 'ISVA service feedback – referrals, January to March 2026',
    opener: 'This follows our previous note and covers January to March 2026.',
    codes: ['Referral to services', 'Referral to services', 'ISVA and IDVA support', 'ISVA and IDVA support', 'Compassion and empathy', 'Taken seriously'],
  },
  {
    title: 'Partner note – updates and contact with clients',
    opener: 'We were asked for our view of how clients are kept informed.',
    codes: ['Proactive updates', 'Named contact', "Victims' Code entitlements", 'ISVA and IDVA support', 'Bail conditions and orders'],
  },
  {
    title: 'Partner note – access and adjustments',
    opener: 'These observations come from our advisers\' case notes and client reviews.',
    codes: ['Interpreters and language', 'Disability adjustments', 'Special measures and court', 'Discrimination and bias'],
  },
  {
    title: 'Partner note – investigation and court',
    opener: 'This note draws together what clients tell us about investigations and court.',
    codes: ['Investigation delays', 'Digital and personal records', 'Digital and personal records', 'Victim-blaming', 'Special measures and court'],
  },
];

const CLOSINGS = [
  'We would welcome a meeting to discuss these points.',
  'We are happy to share anonymised case examples if that would help.',
  'We will report again next quarter.',
];

export interface PartnerDocument {
  title: string;
  text: string;
  segments: Segment[];
}

export function buildPartnerDocuments(rnd: Rng): PartnerDocument[] {
  const used = new Set<Fragment>();
  return PLANS.map((plan) => {
    const b = new TextBuilder();
    b.sentence(plan.opener, []);
    b.raw('\n\n');
    for (const code of plan.codes) {
      const fresh = PARTNER_FRAGMENTS.filter((f) => f.codes[0] === code && !used.has(f));
      if (fresh.length === 0) continue;
      const fr = pick(fresh, rnd);
      used.add(fr);
      b.sentence(expand(fr.t, rnd), fr.codes);
    }
    b.raw('\n\n');
    b.sentence(pick(CLOSINGS, rnd), []);
    return { title: plan.title, text: b.text(), segments: b.segments };
  });
}

import type { PiiType, SourceKind } from '../../../shared/model';

/** Plural nouns for each kind of personal data, for headings and bulk buttons. */
export const PII_LABELS: Record<PiiType, { one: string; many: string }> = {
  person: { one: 'person’s name', many: 'people’s names' },
  email: { one: 'email address', many: 'email addresses' },
  phone: { one: 'phone number', many: 'phone numbers' },
  postcode: { one: 'postcode', many: 'postcodes' },
  address: { one: 'address', many: 'addresses' },
  nino: { one: 'National Insurance number', many: 'National Insurance numbers' },
  nhs: { one: 'NHS number', many: 'NHS numbers' },
  dob: { one: 'date of birth', many: 'dates of birth' },
  vehicle: { one: 'vehicle registration', many: 'vehicle registrations' },
  reference: { one: 'reference number', many: 'reference numbers' },
  handle: { one: 'social media handle', many: 'social media handles' },
  url: { one: 'web address', many: 'web addresses' },
};

export const piiLabel = (type: PiiType, n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? PII_LABELS[type].one : PII_LABELS[type].many}`;

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  survey: 'Survey',
  interview: 'Interview',
  'focus group': 'Focus group',
  complaint: 'Complaint',
  'case review': 'Case review',
  partner: 'Partner organisation',
  other: 'Other',
};

/**
 * Capitalised words that are never a person's name on their own: sentence starters,
 * calendar words, justice-system and support-service words, places and platforms.
 * Also used to stop a name from swallowing the next capitalised word ("Sarah Police").
 */

const split = (s: string): string[] => s.trim().split(/\s+/);

export const NOT_NAMES: ReadonlySet<string> = new Set(
  split(`
  I A An The This That These Those There Then Than They Them Their Theirs We Us Our You Your He Him His She Her Hers It Its
  I'm I've I'd I'll I’m I’ve I’d I’ll
  My Me Mine Who Whom Whose What When Where Why How Which While Whilst If Unless Until Because Since As At By For From In
  Into Of On Onto Out Over Under Up Down To Toward Towards With Within Without About Above Across After Afterwards Again
  Against Along Also Although Always Am Among And Another Any Anyone Anything Are Around Be Been Before Being Below Between
  Both But Can Could Did Do Does Doing Done Each Either Even Ever Every Everyone Everything Few First Finally Had Has Have
  Having Here Hi Hello However Just Last Later Least Less Like Many Maybe More Most Much Must Near Neither Never Next No
  Nobody None Nor Not Nothing Now Often Once One Only Or Other Others Otherwise Perhaps Please Quite Rather Really Same
  Second Several Should Since So Some Someone Something Sometimes Soon Still Such Sure Thank Thanks Though Through Thus
  Too Very Was Were Well Whatever Whenever Wherever Whether Would Yes Yet Yesterday Today Tomorrow Tonight Overall Again
  Luckily Unfortunately Honestly Basically Eventually Initially Obviously Apparently Actually Clearly Overall Nobody
  Dear Regards Sincerely Kind Best Many Okay OK Ok Oh Sorry Hopefully Sadly Instead Meanwhile Therefore Otherwise Anyway
  Got Get Went Go Going Came Come Called Call Told Tell Said Say Asked Ask Felt Feel Left Made Make Took Take Gave Give
  Kept Keep Knew Know Thought Think Seemed Seem Tried Try Needed Need Wanted Want Used Use Waited Wait Rang Ring Reported
  Report Heard Hear Saw See Found Find Lost Nearly Almost Three Two Four Five Six Seven Eight Nine Ten Hundred Thousand
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
  January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
  Sept Oct Nov Dec Christmas Easter Eid Diwali Ramadan Hanukkah Bonfire New Year Years Day Night Morning Evening Afternoon
  Police Policing Constabulary Force Forces Met Metropolitan Officer Officers Constable Sergeant Inspector Detective Chief
  Superintendent Commissioner Crime Crimes Criminal Victim Victims Victims' Survivor Survivors Witness Witnesses Code Care
  Unit Team Service Services Support Court Courts Crown Magistrates Magistrates' Youth Family Justice Prosecution CPS ISVA
  IDVA IDVAs ISVAs MARAC MAPPA SARC CID PCSO PCSOs PC PCs DC DS DI DCI Sgt Insp NHS GP GPs A&E CCTV DNA DBS DVPO DVPN
  Section Act Order Orders Law Bill Charter Standards Office Commissioner's PCC Home Ministry Government Council Borough
  County City Town Village Street Road Avenue Lane Close Drive Way Park Hospital Station Centre Center School College
  University Church Mosque Temple Gurdwara Synagogue Library Prison Probation Social Services Housing Refuge Aid Women's
  Women Men's Men Mens Womens Samaritans Barnardo's Childline Shelter Mind Rape Crisis Domestic Abuse Violence Sexual
  Stalking Harassment Assault Burglary Robbery Fraud Hate Antisocial Anti Social Behaviour Online Victim's
  Facebook Instagram WhatsApp Twitter TikTok Snapchat YouTube Google Gmail Hotmail Outlook Yahoo Apple iPhone Android Uber
  Amazon eBay Tesco Asda Sainsbury's Morrisons Aldi Lidl Boots Argos Primark McDonald's KFC Costa Starbucks Greggs
  England English Wales Welsh Scotland Scottish Ireland Irish Northern British Britain UK GB Europe European London
  Manchester Birmingham Leeds Liverpool Bristol Sheffield Newcastle Nottingham Leicester Coventry Bradford Cardiff Swansea
  Newport Glasgow Edinburgh Aberdeen Dundee Belfast Derby Plymouth Southampton Portsmouth Brighton Hull Stoke Wolverhampton
  Sunderland Reading Luton Oxford Cambridge Norwich Exeter York Preston Blackpool Bolton Wigan Oldham Rochdale Salford
  Stockport Huddersfield Wakefield Halifax Doncaster Rotherham Barnsley Middlesbrough Durham Carlisle Lancaster Chester
  Warrington Crewe Telford Shrewsbury Worcester Gloucester Cheltenham Swindon Bath Taunton Bournemouth Poole Ipswich
  Colchester Chelmsford Southend Croydon Bromley Lewisham Hackney Camden Islington Brixton Peckham Tottenham Ealing
  Kent Essex Surrey Sussex Yorkshire Lancashire Cheshire Merseyside Cumbria Devon Cornwall Dorset Somerset Norfolk Suffolk
  Midlands West East North South Greater Thames Valley Avon Hampshire Wiltshire Berkshire Hertfordshire Staffordshire
  Derbyshire Nottinghamshire Leicestershire Lincolnshire Northumbria Cleveland Gwent Dyfed Powys Humberside Polish Romanian
  Asian Black White Muslim Christian Jewish Sikh Hindu LGBT LGBTQ Deaf BSL Covid COVID Zoom Teams Microsoft
  Mum Mums Dad Dads Mother Father Nan Nana Gran Grandad Grandma Grandpa Auntie Uncle Sis Bro Sir Madam Miss Mr Mrs Ms Mx Dr
  Lady Lord God Jesus Allah Internet Email Text Texts Phone Mobile Number Reference Ref Incident Log Case Statement
  Update Updates Information Info Advice Helpline Portal Website Online Form Survey Question Response Answer Comments
  Staff Manager Worker Caseworker Advocate Solicitor Barrister Judge Jury Defendant Suspect Offender Perpetrator Trial
  Hearing Sentence Verdict Bail Custody Arrest Charge Charged Caution Evidence Investigation Interview Forensic Medical
  Excellent Good Great Bad Poor Terrible Awful Fine Nice Amazing Brilliant Helpful Unhelpful Rude Kind Professional
  Credit Scheme Health Safety Trust Foundation Partnership Board Commission Authority Agency Network Project Programme
  Initiative Hub Line Association Society Charity Group Clinic Practice Surgery Infirmary Royal National Universal General
  Community Public Private Personal Independent Benefits Benefit Tax Insurance Pension Passport Licence Driving Blue Badge
  Yeah Yep Nope Nah Also Although Still Absolutely Definitely Totally Completely Every Whole Other Old New Big Small
  Somebody Anybody Everybody People Person Neighbours Neighbour Friends Friend Families Parents Parent Kids Children Child
  Baby Son Sons Daughter Daughters Husband Wife Partner Boyfriend Girlfriend Ex Brother Brothers Cousin Nephew Niece
  Landlord Landlady Boss Colleague Colleagues Mate Mates Stepdad Stepmum Stepfather Stepmother Grandson Granddaughter
  Paramedics Paramedic Doctors Nurses Ambulance Firefighters Security Teachers Teacher Interviewer Participant Respondent
  Client Caller Complainant Claimant Applicant Patient Victim Interpreter Translator Name Surname Forename Age DOB Born
  Address Postcode Tel Telephone Gender Ethnicity Nationality Occupation Date Signed Subject Agency Referral Contact Vehicle
  Barclays Santander Nationwide Lloyds NatWest Monzo Revolut Crimestoppers Healthwatch Ofcom Ofsted Interpol Europol
  PayPal Vodafone Virgin Sky Airbnb Deliveroo Rightmove Gumtree Vinted Depop Tinder Bumble Hinge Grindr Snap Telegram
  Signal Messenger Discord Reddit Action Operation Encompass
  Assistant Clerk Coordinator Co-ordinator Lead Leader Director Receptionist Receptionists Pharmacist Pharmacists Physio
  Physiotherapist Practitioner Practitioners Consultant Consultants Registrar Matron Therapist Technician Administrator
  Secretary Healthcare Estates Pharmacy Radiology Outpatients Outpatient Inpatient Inpatients Pathology Phlebotomy
  Phlebotomist Maternity Theatres Theatre Cardiology Oncology Paediatrics Orthopaedics Dermatology Gynaecology Neurology
  Urology Haematology Rheumatology Physiotherapy Endoscopy Dialysis Renal Respiratory Stroke Discharge Lounge Triage Ward
  Wards Reception Clinical Clinician Clinicians Nurse Nurses Nursing Midwife Midwives Midwifery Doctor Surgeon Dentist
  Dental GP's Locum Appointment Appointments Prescription Prescriptions Repeat Referral Referrals Results Test Tests Blood
  Course Courses Training Induction Preceptorship Module Modules Diploma Degree Certificate Apprenticeship NVQ BTEC Level
  Masters Programme Workshop Webinar eLearning Mandatory Statutory Safeguarding Resuscitation Handling Moving Manual
  Infection Prevention Control Fire Conflict Resolution Dementia Awareness Leadership Mentorship Coaching Band Grade
  Request Requests Access Forms Top Better Best Calm Apart Exceptional Excellent Efficient Friendly Polite Caring Lovely
  Wonderful Fantastic Superb Outstanding Pleasant Quick Easy Always Thorough Attentive Responsive Welcoming Supportive
  Parkinson Parkinson's Alzheimer Alzheimer's Crohn Crohn's Hodgkin Asperger Asperger's Tourette Raynaud Holter Westminster
  Kensington Fulham Hammersmith Chiswick Putney Battersea Paddington Marylebone Knightsbridge Pimlico Earls Shepherds
`),
);

/**
 * Head words of organisations, places, courses and job titles: a capitalised word just before
 * one is part of that name, not a person ("Maple Ward", "Chelsea Practice", "Prince Course").
 */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  split(`
  Ward Wards Unit Units Department Dept Team Teams Clinic Clinics Centre Center Centres Practice Practices Surgery Surgeries
  Hospital Hospitals Service Services Lounge Suite Theatre Theatres Course Courses Programme Programmes Program Module Modules
  Diploma Degree Certificate Award Apprenticeship Academy College School University Trust Council Board Group Network
  Partnership Foundation Society Association Ltd Limited PLC Inc LLP Pharmacy Pharmacies Health Healthcare Medical Care
  House Hall Building Wing Block Floor Office Library Station Campus Hub Project Fund Charity Institute Committee Forum Panel
  Support Partners Road Street Lane Avenue Drive Close Way Park Gardens Estate Mews Gate Square PCN ICB CCG NHS
`),
);

/**
 * Job-title head words: a single unknown word before one is part of the title ("Discharge
 * Coordinator"), but a known name before one is a person with a role ("Lucy Knight, Lead").
 */
export const ROLE_HEADS: ReadonlySet<string> = new Set(
  split(`
  Manager Lead Leader Assistant Coordinator Co-ordinator Director Practitioner Consultant Specialist Therapist Technician
  Administrator Receptionist Worker Adviser Advisor Navigator Champion Registrar Trainee Apprentice Associate Officer Member
`),
);

/** Words before a capitalised name that make it a title (the title itself is not part of the name). */
export const TITLES: ReadonlySet<string> = new Set(
  split(`
  Mr Mrs Ms Miss Mx Dr Drs Prof Professor Sir Dame Rev Revd Cllr Councillor PC DC DS DI DCI DSU DCS Sgt Sergeant Insp Inspector
  Officer Constable Detective PCSO Supt Superintendent Det Judge Justice Lady Lord Nurse Doctor Father Sister
`),
);

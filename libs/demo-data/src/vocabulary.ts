import { Address } from '@crm/domain';
import { Random } from './random';

/** Word lists the generators draw names, subjects and notes from. */
const list = (text: string): readonly string[] => text.split(', ');

export const FIRST_NAMES = list(
  'Ada, Alan, Amara, Ana, Ben, Carla, Chloe, Daniel, Diego, Elena, Emma, Farah, Felix, ' +
    'Grace, Hugo, Ines, Isaac, Jana, Jonas, Kai, Laura, Leo, Lina, Marco, Maya, Nadia, ' +
    'Noah, Olga, Omar, Paula, Priya, Rafael, Rosa, Sam, Sofia, Tariq, Tess, Victor, ' +
    'Yara, Zoe',
);

export const LAST_NAMES = list(
  'Andersen, Baker, Costa, Dubois, Eriksen, Fischer, Garcia, Hoffmann, Ibrahim, ' +
    'Jensen, Kowalczyk, Larsen, Meyer, Nakamura, Novak, Okafor, Perez, Quinn, Rossi, ' +
    'Schmidt, Silva, Tanaka, Uddin, Vargas, Weber, Xu, Yilmaz, Zimmer',
);

const COMPANY_STEMS = list(
  'Acme, Apex, Beacon, Blue Harbor, Cobalt, Crescent, Delta, Evergreen, Falcon, ' +
    'Granite, Helix, Horizon, Ironwood, Juniper, Keystone, Lumen, Meridian, Northwind, ' +
    'Orbit, Pinnacle, Quartz, Redwood, Summit, Tidal, Umbra, Vertex, Willow, Zenith',
);

const COMPANY_KINDS = list(
  'Analytics, Logistics, Health, Foods, Energy, Robotics, Media, Finance, Labs, ' +
    'Systems, Retail, Manufacturing',
);

const COMPANY_SUFFIXES = ['Ltd', 'GmbH', 'Inc', 'SA', 'BV', 'AB'] as const;

export const INDUSTRIES = list(
  'software, manufacturing, healthcare, retail, finance, logistics, energy, education, ' +
    'media, hospitality',
);

export const CITIES: readonly Required<Pick<Address, 'city' | 'country'>>[] = [
  { city: 'Berlin', country: 'DE' },
  { city: 'Lisbon', country: 'PT' },
  { city: 'Paris', country: 'FR' },
  { city: 'Madrid', country: 'ES' },
  { city: 'Milan', country: 'IT' },
  { city: 'Amsterdam', country: 'NL' },
  { city: 'Stockholm', country: 'SE' },
  { city: 'Warsaw', country: 'PL' },
  { city: 'Dublin', country: 'IE' },
  { city: 'Vienna', country: 'AT' },
];

const STREETS = ['Main Street', 'Harbour Road', 'Station Square', 'Market Lane', 'Park Avenue'];

export const JOB_TITLES = list(
  'CEO, CTO, CFO, Head of Operations, Procurement Manager, IT Director, ' +
    'Sales Director, Office Manager, Product Manager, Engineering Lead, Buyer',
);

export const PRODUCTS = list(
  'Platform licence, Support plan, Onboarding package, Analytics add-on, ' +
    'Fleet rollout, Annual renewal, Pilot project, Integration services',
);

export const LOSS_REASONS = list(
  'price too high, chose a competitor, no budget this year, project cancelled, ' +
    'no decision maker reached',
);

export const DISQUALIFY_REASONS = list(
  'no budget, student enquiry, outside our market, duplicate of an existing customer, ' +
    'unreachable after several attempts',
);

export const TICKET_SUBJECTS = list(
  'Cannot log in, Invoice shows the wrong amount, Export to CSV fails, Slow dashboard, ' +
    'Password reset email never arrives, Integration stopped syncing, ' +
    'Feature request: dark mode, Data missing after import, Need an extra user seat, ' +
    'Error 500 on the reports page',
);

export const EMAIL_SUBJECTS = list(
  'Follow-up on our call, Proposal attached, Quick question about pricing, ' +
    'Meeting notes, Contract draft, Introduction, Next steps, Renewal reminder',
);

export const MEETING_SUBJECTS = list(
  'Discovery call, Product demo, Quarterly business review, Technical deep dive, ' +
    'Contract negotiation, Kick-off',
);

export const NOTES = list(
  'Prefers to be contacted in the morning., Budget decision expected next quarter., ' +
    'Interested in the analytics add-on., Mentioned a competitor evaluation., ' +
    'Asked for customer references., Reorganisation under way, new stakeholders likely.',
);

export const CALL_SUMMARIES = list(
  'Walked through the proposal., Discussed rollout timeline., ' +
    'Checked in after onboarding., Answered licensing questions., ' +
    'Agreed on a follow-up meeting.',
);

export const TASK_TITLES = list(
  'Send proposal, Call back, Prepare demo, Check contract terms, Follow up on invoice, ' +
    'Schedule review meeting, Update account plan, Confirm ticket fix with customer',
);

export const CAMPAIGN_THEMES = list(
  'Spring launch, Summer webinar series, Trade fair follow-up, Customer stories, ' +
    'Year-end offer, Product update, Partner roadshow, Re-engagement',
);

export const ACCOUNT_TAGS = ['enterprise', 'smb', 'strategic', 'partner', 'at-risk'] as const;
export const CONTACT_TAGS = ['decision-maker', 'champion', 'newsletter', 'technical'] as const;

export const personName = (rng: Random): { firstName: string; lastName: string } => ({
  firstName: rng.pick(FIRST_NAMES),
  lastName: rng.pick(LAST_NAMES),
});

export const companyName = (rng: Random): string =>
  `${rng.pick(COMPANY_STEMS)} ${rng.pick(COMPANY_KINDS)} ${rng.pick(COMPANY_SUFFIXES)}`;

/** `Blue Harbor Foods Ltd` -> `blueharborfoods.example` (reserved, never a real domain). */
export const domainOf = (company: string): string =>
  `${company
    .toLowerCase()
    .split(' ')
    .slice(0, -1)
    .join('')
    .replace(/[^a-z0-9]/g, '')}.example`;

export const emailOf = (firstName: string, lastName: string, domain: string): string =>
  `${firstName}.${lastName}@${domain}`.toLowerCase();

export const phoneNumber = (rng: Random): string =>
  `+${rng.int(30, 49)} ${rng.int(100, 999)} ${rng.int(1000000, 9999999)}`;

export const address = (rng: Random): Address => {
  const { city, country } = rng.pick(CITIES);
  return {
    street: `${rng.int(1, 200)} ${rng.pick(STREETS)}`,
    city,
    postalCode: String(rng.int(10000, 99999)),
    country,
  };
};

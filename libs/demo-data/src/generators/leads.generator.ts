import { SALES_REPS } from '../cast';
import { GeneratorContext } from '../demo-world';
import { DAY, HOUR } from '../time';
import {
  DISQUALIFY_REASONS,
  emailOf,
  JOB_TITLES,
  companyName,
  personName,
  phoneNumber,
} from '../vocabulary';
import { conversionRequest } from './lead-conversion';

type Outcome = 'converted' | 'qualified' | 'disqualified' | 'new';

const SOURCES = ['web', 'referral', 'event', 'partner', 'cold_call'] as const;
const SCORE_REASONS = [
  'opened the pricing page',
  'attended a webinar',
  'requested a demo',
  'email bounced',
  'downloaded a whitepaper',
] as const;

/**
 * Leads from several sources (campaign leads arrive while their campaign runs), assigned,
 * scored, then qualified, disqualified, converted (the process manager creates the records)
 * or left new.
 */
export const planLeads = (ctx: GeneratorContext): void => {
  const { rng, plan, world, options } = ctx;
  for (let i = 0; i < options.leads; i++) {
    const leadId = rng.uuid();
    const campaign =
      world.campaigns.length > 0 && rng.chance(0.35) ? rng.pick(world.campaigns) : undefined;
    const capturedAt = campaign
      ? campaign.launchAt + Math.floor(rng.float() * (campaign.endsAt - campaign.launchAt))
      : plan.at(rng.float() * 0.9);
    const { firstName, lastName } = personName(rng);
    const company = rng.chance(0.75) ? companyName(rng) : undefined;
    const hasEmail = rng.chance(0.85);
    let ownerId: string | undefined = rng.chance(0.5) ? rng.pick(SALES_REPS) : undefined;
    const actor = (): string => ownerId ?? SALES_REPS[0];
    let at = plan.add(capturedAt, actor(), 'lead', leadId, {
      type: 'CaptureLead',
      data: {
        leadId,
        source: campaign ? 'campaign' : rng.pick(SOURCES),
        ...(campaign && { campaignId: campaign.id }),
        contact: {
          firstName,
          lastName,
          ...(hasEmail && { email: emailOf(firstName, lastName, 'mail.example') }),
          ...((!hasEmail || rng.chance(0.4)) && { phone: phoneNumber(rng) }),
          ...(company && { company }),
          ...(rng.chance(0.6) && { title: rng.pick(JOB_TITLES) }),
        },
        initialScore: rng.int(0, 40),
        ...(ownerId && { ownerId }),
      },
    });
    world.leads.push({ id: leadId, at });

    const later = (): number => (at = at + rng.int(2, 96) * HOUR);
    if (ownerId === undefined ? rng.chance(0.8) : rng.chance(0.1)) {
      const previous = ownerId;
      ownerId = rng.pick(SALES_REPS.filter((rep) => rep !== previous));
      plan.add(later(), actor(), 'lead', leadId, { type: 'AssignLead', data: { leadId, ownerId } });
    }
    for (let n = rng.int(0, 3); n > 0; n--) {
      const delta = rng.int(1, 25) * (rng.chance(0.8) ? 1 : -1);
      plan.add(later(), actor(), 'lead', leadId, {
        type: 'AdjustLeadScore',
        data: { leadId, delta, reason: rng.pick(SCORE_REASONS) },
      });
    }
    const outcome = rng.weighted<Outcome>([
      ['converted', 0.22],
      ['qualified', 0.18],
      ['disqualified', 0.25],
      ['new', 0.35],
    ]);
    const qualifies =
      outcome === 'converted' ||
      outcome === 'qualified' ||
      (outcome === 'disqualified' && rng.chance(0.3));
    if (qualifies) {
      plan.add(later(), actor(), 'lead', leadId, {
        type: 'QualifyLead',
        data: { leadId, ...(rng.chance(0.5) && { note: 'budget and timeline confirmed' }) },
      });
    }
    if (outcome === 'disqualified') {
      plan.add(later(), actor(), 'lead', leadId, {
        type: 'DisqualifyLead',
        data: { leadId, reason: rng.pick(DISQUALIFY_REASONS) },
      });
    }
    if (outcome === 'converted') {
      const convertAt = later() + rng.int(0, 20) * DAY;
      plan.add(convertAt, actor(), 'lead', leadId, {
        type: 'ConvertLead',
        data: conversionRequest(ctx, leadId, company, convertAt),
      });
    }
  }
};

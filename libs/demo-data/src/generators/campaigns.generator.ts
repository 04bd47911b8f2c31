import { CampaignChannel, CampaignTouch } from '@crm/domain';
import { MARKETERS } from '../cast';
import { existingBy, GeneratorContext } from '../demo-world';
import { CAMPAIGN_THEMES } from '../vocabulary';
import { DAY, HOUR, isoDate, isoDateTime, MINUTE } from '../time';

const CHANNELS: readonly CampaignChannel[] = [
  'email',
  'webinar',
  'events',
  'social',
  'ads',
  'direct_mail',
];

/** The funnel a member goes down: each step is less likely than the one before. */
const FUNNEL: readonly { touch: CampaignTouch; chance: number; delay: [number, number] }[] = [
  { touch: 'sent', chance: 1, delay: [0, 24 * HOUR] },
  { touch: 'opened', chance: 0.55, delay: [HOUR, 48 * HOUR] },
  { touch: 'clicked', chance: 0.4, delay: [5 * MINUTE, 6 * HOUR] },
  { touch: 'responded', chance: 0.3, delay: [HOUR, 3 * DAY] },
];

/**
 * Campaigns over the first two thirds of the period: members added at launch (and a second wave
 * a few days later), touches down the funnel, a few unsubscribes, completion after the last day.
 */
export const planCampaigns = ({ rng, plan, world, options }: GeneratorContext): void => {
  for (let i = 0; i < options.campaigns; i++) {
    const campaignId = rng.uuid();
    const marketer = rng.pick(MARKETERS);
    const createdAt = plan.at(0.02 + rng.float() * 0.63);
    const launchAt = createdAt + rng.int(1, 7) * DAY;
    const startsOn = isoDate(launchAt);
    const endsOn = isoDate(launchAt + rng.int(14, 60) * DAY);
    const at = plan.add(createdAt, marketer, 'campaign', campaignId, {
      type: 'CreateCampaign',
      data: {
        campaignId,
        name: `${CAMPAIGN_THEMES[i % CAMPAIGN_THEMES.length]} ${startsOn.slice(0, 4)}`,
        channel: CHANNELS[i % CHANNELS.length],
        budget: { amount: rng.int(20, 300) * 100, currency: 'EUR' },
        startsOn,
        endsOn,
      },
    });
    const endsAt = Date.parse(`${endsOn}T23:59:59.999Z`);
    world.campaigns.push({ id: campaignId, at, launchAt, endsAt });

    const candidates = existingBy(world.contacts, launchAt).map((contact) => contact.id);
    const members = rng.sample(candidates, rng.int(10, 40));
    const waves = [
      members.slice(0, Math.ceil(members.length * 0.7)),
      members.slice(Math.ceil(members.length * 0.7)),
    ];
    waves.forEach((wave, index) => {
      if (wave.length === 0) return;
      const addedAt = launchAt + index * rng.int(1, 5) * DAY;
      plan.add(addedAt, marketer, 'campaign', campaignId, {
        type: 'AddCampaignMembers',
        data: { campaignId, contactIds: wave },
      });
      for (const contactId of wave) {
        let touchedAt = addedAt;
        for (const step of FUNNEL) {
          if (!rng.chance(step.chance)) break;
          touchedAt += rng.int(step.delay[0], step.delay[1]);
          plan.add(touchedAt, marketer, 'campaign', campaignId, {
            type: 'RecordCampaignTouch',
            data: {
              campaignId,
              contactId,
              touch: step.touch,
              occurredAt: isoDateTime(plan.hold(touchedAt)),
            },
          });
        }
        if (rng.chance(0.04)) {
          plan.add(touchedAt + DAY, marketer, 'campaign', campaignId, {
            type: 'RemoveCampaignMembers',
            data: { campaignId, contactIds: [contactId] },
          });
        }
      }
    });

    const completedAt = endsAt + rng.int(1, 72) * HOUR;
    if (completedAt < plan.endMs) {
      plan.add(completedAt, marketer, 'campaign', campaignId, {
        type: 'CompleteCampaign',
        data: { campaignId },
      });
    }
  }
};

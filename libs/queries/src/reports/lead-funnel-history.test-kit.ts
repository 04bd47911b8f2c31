import { CommandWithoutMetadata } from '@crm/application';
import {
  AssignLead,
  CaptureLead,
  Command,
  ConvertLead,
  CreateCampaign,
  DisqualifyLead,
  LoseDeal,
  QualifyLead,
  ReopenDeal,
  WinDeal,
} from '@crm/domain';
import {
  definePipeline,
  eur,
  openDeal,
  OTHER_TENANT,
  STAGES,
  TENANT,
  usd,
  ViewsWorld,
} from '../views/views.test-kit';
import { seededRandom } from './seeded-random.test-kit';

const seeded = seededRandom;

const SOURCES = ['web', 'referral', 'event'];
// 'unknown' names no campaign: the campaign report leaves its leads out, the funnel counts them.
const CAMPAIGNS = [undefined, 'spring', 'autumn', 'unknown'];
const OWNERS = ['ann', 'bob'];
const LEADS = 40;
const STEPS = 400;

/**
 * Leads captured from sources and campaigns, assigned, qualified, disqualified and converted (some
 * into a deal, as the lead-conversion process manager opens it, two into the same deal), the deals
 * won, lost and reopened, the projections run now and then (rows change across batches).
 */
export const randomHistory = async (world: ViewsWorld, seed: number): Promise<void> => {
  const random = seeded(seed);
  let time = Date.parse('2026-01-01T00:00:00.000Z');
  const send = async (
    kind: 'lead' | 'deal',
    id: string,
    command: CommandWithoutMetadata<Command>,
    tenantId = TENANT,
  ): Promise<boolean> => {
    time += random.int(36) * 3_600_000;
    world.at(new Date(time).toISOString());
    try {
      await world.send(kind, id, command, tenantId);
      return true;
    } catch {
      // Commands a record's state refuses (convert a converted lead, ...) are part of the history.
      return false;
    }
  };
  await definePipeline(world, 'sales');
  for (const campaignId of ['spring', 'autumn', 'quiet']) {
    const command: CommandWithoutMetadata<CreateCampaign> = {
      type: 'CreateCampaign',
      data: {
        campaignId,
        name: `Campaign ${campaignId}`,
        channel: 'email',
        budget: eur(1_000),
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      },
    };
    await world.send('campaign', campaignId, command);
  }
  const amount = () => (random.int(2) === 0 ? eur : usd)(1 + random.int(100_000) / 100);
  const capture = (leadId: string, tenantId: string): Promise<boolean> => {
    const campaignId = random.pick(CAMPAIGNS);
    const command: CommandWithoutMetadata<CaptureLead> = {
      type: 'CaptureLead',
      data: {
        leadId,
        source: random.pick(SOURCES),
        ...(campaignId !== undefined && { campaignId }),
        contact: { firstName: 'Lee', lastName: leadId, email: `${leadId}@example.com` },
      },
    };
    return send('lead', leadId, command, tenantId);
  };
  for (let index = 0; index < LEADS; index += 1) await capture(`l${index}`, TENANT);
  await capture('other-lead', OTHER_TENANT);
  const deals: string[] = [];
  const won = new Map<string, boolean>();
  for (let step = 0; step < STEPS; step += 1) {
    const leadId = `l${random.int(LEADS)}`;
    const choice = random.int(10);
    if (choice === 0) {
      const command: CommandWithoutMetadata<AssignLead> = {
        type: 'AssignLead',
        data: { leadId, ownerId: random.pick(OWNERS) },
      };
      await send('lead', leadId, command);
    } else if (choice <= 2) {
      const command: CommandWithoutMetadata<QualifyLead> = {
        type: 'QualifyLead',
        data: { leadId },
      };
      await send('lead', leadId, command);
    } else if (choice === 3) {
      const command: CommandWithoutMetadata<DisqualifyLead> = {
        type: 'DisqualifyLead',
        data: { leadId, reason: 'no budget' },
      };
      await send('lead', leadId, command);
    } else if (choice <= 5) {
      // Into a new deal, an existing one (another lead's), or none.
      const into = random.int(4);
      const dealId = into === 0 && deals.length > 0 ? random.pick(deals) : `deal-of-${leadId}`;
      const command: CommandWithoutMetadata<ConvertLead> = {
        type: 'ConvertLead',
        data: {
          leadId,
          contactId: `contact-of-${leadId}`,
          ...(into !== 3 && {
            deal: {
              dealId,
              title: `Deal of ${leadId}`,
              pipelineId: 'sales',
              stageId: 'discovery',
              amount: eur(100),
              expectedCloseDate: '2026-06-30',
            },
          }),
        },
      };
      const converted = await send('lead', leadId, command);
      if (converted && into !== 3 && !deals.includes(dealId)) {
        deals.push(dealId);
        await openDeal(world, dealId, {
          pipelineId: 'sales',
          contactId: `contact-of-${leadId}`,
          amount: amount(),
          origin: { leadId },
        });
      }
    } else if (deals.length > 0) {
      const dealId = random.pick(deals);
      const command: CommandWithoutMetadata<WinDeal | LoseDeal | ReopenDeal> =
        choice <= 7
          ? { type: 'WinDeal', data: { dealId } }
          : choice === 8
            ? { type: 'LoseDeal', data: { dealId, reason: 'price' } }
            : { type: 'ReopenDeal', data: { dealId, pipelineStages: STAGES, stageId: 'proposal' } };
      if (await send('deal', dealId, command)) won.set(dealId, command.type === 'WinDeal');
    }
    if (step % 60 === 0) await world.project();
  }
  await world.project();
  // Won deals taken back after their rows counted them: one reopened, one reopened and lost.
  const wonNow = deals.filter((dealId) => won.get(dealId) === true).slice(0, 2);
  for (const dealId of wonNow) {
    const reopen: CommandWithoutMetadata<ReopenDeal> = {
      type: 'ReopenDeal',
      data: { dealId, pipelineStages: STAGES, stageId: 'proposal' },
    };
    await send('deal', dealId, reopen);
  }
  await send('deal', wonNow[1], { type: 'LoseDeal', data: { dealId: wonNow[1], reason: 'price' } });
  // A deal won that no lead was converted into.
  await openDeal(world, 'direct', { pipelineId: 'sales', contactId: 'c', amount: eur(5) });
  await send('deal', 'direct', { type: 'WinDeal', data: { dealId: 'direct' } });
  await world.project();
};

import { MoneyInput } from '@crm/domain';
import { GeneratorContext } from '../demo-world';
import { DAY, HOUR, daysLater, isoDate } from '../time';
import { LOSS_REASONS, PRODUCTS } from '../vocabulary';

type Outcome = 'won' | 'lost' | 'open';

/**
 * Deals of every account, opened during the first half of the period and moved through the
 * pipeline: some won at the last stage, some lost on the way (a few reopened), some still open.
 */
export const planDeals = ({ rng, plan, world, options }: GeneratorContext): void => {
  const pipelineStages = world.stages;
  const lastStage = pipelineStages.length - 1;
  for (const account of world.accounts) {
    const contacts = world.contacts.filter((contact) => contact.accountId === account.id);
    for (let i = 0; i < options.dealsPerAccount; i++) {
      const dealId = rng.uuid();
      const contact = contacts.length > 0 ? rng.pick(contacts) : undefined;
      const ownerId = account.ownerId;
      const since = Math.max(account.at, contact?.at ?? account.at);
      let amount: MoneyInput = { amount: rng.int(5, 250) * 1000, currency: 'EUR' };
      let expectedClose = since + rng.int(45, 150) * DAY;
      let stage = rng.chance(0.8) ? 0 : 1;
      let at = plan.add(
        since + HOUR + Math.floor(rng.float() * 0.35 * plan.spanMs),
        ownerId,
        'deal',
        dealId,
        {
          type: 'OpenDeal',
          data: {
            dealId,
            title: `${rng.pick(PRODUCTS)} for ${account.name}`,
            accountId: account.id,
            ...(contact && { contactId: contact.id }),
            amount,
            pipelineId: world.pipelineId,
            stageId: pipelineStages[stage].stageId,
            pipelineStages,
            expectedCloseDate: isoDate(expectedClose),
            ownerId,
          },
        },
      );
      world.deals.push({ id: dealId, at, accountId: account.id, contactId: contact?.id });

      const later = (): number => (at = at + daysLater(rng.int(3, 25), 9, rng.float()));
      const outcome = rng.weighted<Outcome>([
        ['won', 0.35],
        ['lost', 0.3],
        ['open', 0.35],
      ]);
      const target = outcome === 'won' ? lastStage : rng.int(stage, lastStage - 1);
      while (stage < target) {
        stage += 1;
        plan.add(later(), ownerId, 'deal', dealId, {
          type: 'MoveDealStage',
          data: { dealId, stageId: pipelineStages[stage].stageId, pipelineStages },
        });
        if (rng.chance(0.15)) {
          const changed = Math.round((amount.amount * (0.7 + rng.float() * 0.6)) / 500) * 500;
          if (changed !== amount.amount) {
            amount = { amount: changed, currency: amount.currency };
            plan.add(later(), ownerId, 'deal', dealId, {
              type: 'ChangeDealAmount',
              data: { dealId, amount },
            });
          }
        }
        if (rng.chance(0.12)) {
          expectedClose += rng.int(14, 60) * DAY;
          plan.add(later(), ownerId, 'deal', dealId, {
            type: 'ChangeDealExpectedClose',
            data: { dealId, expectedCloseDate: isoDate(expectedClose) },
          });
        }
      }
      if (outcome === 'open' && stage > 0 && rng.chance(0.1)) {
        stage -= 1;
        plan.add(later(), ownerId, 'deal', dealId, {
          type: 'MoveDealStage',
          data: { dealId, stageId: pipelineStages[stage].stageId, pipelineStages },
        });
      }
      if (outcome === 'won') {
        plan.add(later(), ownerId, 'deal', dealId, { type: 'WinDeal', data: { dealId } });
      }
      if (outcome === 'lost') {
        plan.add(later(), ownerId, 'deal', dealId, {
          type: 'LoseDeal',
          data: { dealId, reason: rng.pick(LOSS_REASONS) },
        });
        if (rng.chance(0.1)) {
          plan.add(later(), ownerId, 'deal', dealId, {
            type: 'ReopenDeal',
            data: { dealId, pipelineStages },
          });
        }
      }
    }
  }
};

import type { ConvertLeadRequest } from '@crm/application';
import { existingBy, GeneratorContext } from '../demo-world';
import { DAY, isoDate } from '../time';
import { PRODUCTS } from '../vocabulary';

/**
 * What a rep asks for when converting a lead: into an existing account, into a new one named
 * after the lead's company, or a contact alone; most conversions also open a deal.
 */
export const conversionRequest = (
  { rng, plan, world }: GeneratorContext,
  leadId: string,
  company: string | undefined,
  convertAt: number,
): ConvertLeadRequest => {
  const accounts = existingBy(world.accounts, convertAt);
  const intoExisting = accounts.length > 0 && rng.chance(company ? 0.25 : 0.5);
  const account = intoExisting
    ? { accountId: rng.pick(accounts).id }
    : company && rng.chance(0.1)
      ? { createAccount: false }
      : {};
  const withDeal = rng.chance(0.8);
  return {
    leadId,
    ...account,
    ...(withDeal && {
      deal: {
        title: `${rng.pick(PRODUCTS)} for ${company ?? 'new customer'}`,
        pipelineId: world.pipelineId,
        ...(rng.chance(0.3) && { stageId: world.stages[1].stageId }),
        amount: { amount: rng.int(3, 80) * 1000, currency: 'EUR' },
        expectedCloseDate: isoDate(plan.hold(convertAt) + rng.int(30, 90) * DAY),
      },
    }),
  };
};

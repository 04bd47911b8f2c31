import { ACCOUNT_SIZES } from '@crm/domain';
import { SALES_REPS } from '../cast';
import { GeneratorContext } from '../demo-world';
import { daysLater } from '../time';
import { ACCOUNT_TAGS, address, companyName, domainOf, INDUSTRIES } from '../vocabulary';

/** A company name not used yet: a repeated one gets a number. */
const uniqueName = (ctx: GeneratorContext): string => {
  const taken = new Set(ctx.world.accounts.map((account) => account.name));
  const name = companyName(ctx.rng);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} ${n}`;
  return candidate;
};

/** Accounts registered in the first third of the period, then tagged, updated, reassigned. */
export const planAccounts = (ctx: GeneratorContext): void => {
  const { rng, plan, world, options } = ctx;
  for (let i = 0; i < options.accounts; i++) {
    const accountId = rng.uuid();
    const name = uniqueName(ctx);
    const domain = domainOf(name).replace('.example', `${world.accounts.length}.example`);
    const ownerId = rng.pick(SALES_REPS);
    const size = rng.pick(ACCOUNT_SIZES);
    let at = plan.add(plan.at(rng.float() * 0.3), ownerId, 'account', accountId, {
      type: 'RegisterAccount',
      data: {
        accountId,
        name,
        domain,
        industry: rng.pick(INDUSTRIES),
        size,
        address: address(rng),
        ownerId,
      },
    });
    world.accounts.push({ id: accountId, at, name, domain, ownerId });

    const later = (): number => (at = at + daysLater(rng.int(1, 30), 9, rng.float()));
    if (rng.chance(0.6)) {
      plan.add(later(), ownerId, 'account', accountId, {
        type: 'TagAccount',
        data: { accountId, tag: rng.pick(ACCOUNT_TAGS) },
      });
    }
    if (rng.chance(0.3)) {
      const newSize = rng.pick(ACCOUNT_SIZES.filter((s) => s !== size));
      plan.add(later(), ownerId, 'account', accountId, {
        type: 'UpdateAccountProfile',
        data: { accountId, size: newSize },
      });
    }
    if (rng.chance(0.25)) {
      plan.add(later(), ownerId, 'account', accountId, {
        type: 'SetAccountCustomField',
        data: { accountId, key: 'tier', value: rng.pick(['gold', 'silver', 'bronze']) },
      });
    }
    if (rng.chance(0.15)) {
      plan.add(later(), ownerId, 'account', accountId, {
        type: 'AssignAccountOwner',
        data: { accountId, ownerId: rng.pick(SALES_REPS.filter((rep) => rep !== ownerId)) },
      });
    }
  }
};

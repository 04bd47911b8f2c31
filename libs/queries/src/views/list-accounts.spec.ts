import { ArchiveAccount, TagAccount } from '@crm/domain';
import { listAccounts } from './list-accounts';
import {
  createViewsWorld,
  OTHER_TENANT,
  registerAccount,
  TENANT,
  ViewsWorld,
} from './views.test-kit';

describe('listAccounts', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-01-01T00:00:00.000Z');
    await registerAccount(world, 'a-3', { name: 'Initech' });
    await registerAccount(world, 'a-1', { name: 'Acme [Holdings]', ownerId: 'user-2' });
    await registerAccount(world, 'a-2', { name: 'analytical engines', ownerId: 'user-2' });
    await registerAccount(world, 'a-0', { name: 'Analytical Engines' });
    await world.send<TagAccount>('account', 'a-3', {
      type: 'TagAccount',
      data: { accountId: 'a-3', tag: 'partner' },
    });
    await world.send<ArchiveAccount>('account', 'a-3', {
      type: 'ArchiveAccount',
      data: { accountId: 'a-3' },
    });
    await registerAccount(world, 'a-1', { name: 'Globex' }, OTHER_TENANT);
    await world.project();
  });
  afterAll(() => world.close());

  const ids = async (filter: Parameters<typeof listAccounts>[2]) =>
    (await listAccounts(world.readModels, TENANT, filter)).items.map((a) => a.accountId);

  it('lists accounts by name then id, with the total', async () => {
    const page = await listAccounts(world.readModels, TENANT);
    expect(page.items.map((a) => a.accountId)).toEqual(['a-1', 'a-0', 'a-2', 'a-3']);
    expect(page).toMatchObject({ total: 4, limit: 50, offset: 0 });
  });

  it('filters by name (literally, any case), tag, owner and status', async () => {
    expect(await ids({ name: 'ENGINES' })).toEqual(['a-0', 'a-2']);
    expect(await ids({ name: '[holdings]' })).toEqual(['a-1']);
    expect(await ids({ name: '[a-z]' })).toEqual([]);
    expect(await ids({ tag: 'partner' })).toEqual(['a-3']);
    expect(await ids({ ownerId: 'user-2' })).toEqual(['a-1', 'a-2']);
    expect(await ids({ status: 'archived' })).toEqual(['a-3']);
    expect(await ids({ status: 'active', ownerId: 'user-2', name: 'engines' })).toEqual(['a-2']);
  });

  it('pages', async () => {
    const page = await listAccounts(world.readModels, TENANT, { limit: 3, offset: 3 });
    expect(page.items.map((a) => a.accountId)).toEqual(['a-3']);
    expect(page).toMatchObject({ total: 4, limit: 3, offset: 3 });
  });

  it("never lists another tenant's accounts", async () => {
    const other = await listAccounts(world.readModels, OTHER_TENANT);
    expect(other.items.map((a) => a.name)).toEqual(['Globex']);
  });
});

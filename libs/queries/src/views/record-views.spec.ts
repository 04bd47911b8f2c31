import { UpdateContact } from '@crm/domain';
import { RecordViews } from './record-views';
import {
  createContact,
  createViewsWorld,
  definePipeline,
  OTHER_TENANT,
  TENANT,
  ViewsWorld,
} from './views.test-kit';

describe('RecordViews', () => {
  let world: ViewsWorld;
  let views: RecordViews;
  beforeAll(async () => {
    world = createViewsWorld();
    views = new RecordViews(world.readModels);
    world.at('2026-01-01T09:00:00.000Z');
    await createContact(world, 'c-1', { title: 'Analyst' });
    await definePipeline(world, 'p1');
    world.at('2026-01-05T09:00:00.000Z');
    await world.send<UpdateContact>('contact', 'c-1', {
      type: 'UpdateContact',
      data: { contactId: 'c-1', lastName: 'King', title: 'Countess' },
    });
    await createContact(world, 'c-1', { firstName: 'Grace' }, OTHER_TENANT);
    await world.project();
  });
  afterAll(() => world.close());

  it("answers a record's current document without the store's fields", async () => {
    const contact = await views.get('contact', TENANT, 'c-1');
    expect(contact).toMatchObject({ contactId: 'c-1', fullName: 'Ada King', title: 'Countess' });
    expect(contact).not.toHaveProperty('_id');
    expect(contact).not.toHaveProperty('_position');
    expect(await views.get('pipeline', TENANT, 'p1')).toMatchObject({ name: 'Sales' });
  });

  it('answers the document as it was at a past moment', async () => {
    const before = await views.get('contact', TENANT, 'c-1', new Date('2026-01-03T00:00:00Z'));
    expect(before).toMatchObject({ fullName: 'Ada Lovelace', title: 'Analyst' });
    expect(before).not.toHaveProperty('_id');
    const after = await views.get('contact', TENANT, 'c-1', new Date('2026-01-05T09:00:00Z'));
    expect(after).toMatchObject({ fullName: 'Ada King' });
    const current = await views.get('contact', TENANT, 'c-1');
    expect(after).toEqual(current);
  });

  it('answers undefined before the record existed, for unknown ids and for other tenants', async () => {
    expect(
      await views.get('contact', TENANT, 'c-1', new Date('2025-12-31T00:00:00Z')),
    ).toBeUndefined();
    expect(await views.get('contact', TENANT, 'nobody')).toBeUndefined();
    expect(await views.get('deal', TENANT, 'c-1')).toBeUndefined();
    expect(await views.get('pipeline', OTHER_TENANT, 'p1')).toBeUndefined();
    expect(
      await views.get('pipeline', OTHER_TENANT, 'p1', new Date('2026-02-01T00:00:00Z')),
    ).toBeUndefined();
    expect(await views.get('contact', OTHER_TENANT, 'c-1')).toMatchObject({
      fullName: 'Grace Lovelace',
    });
  });
});

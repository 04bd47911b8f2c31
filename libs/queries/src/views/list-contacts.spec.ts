import { AssignContactOwner, MergeContact, TagContact } from '@crm/domain';
import { listContacts } from './list-contacts';
import {
  createContact,
  createViewsWorld,
  OTHER_TENANT,
  TENANT,
  ViewsWorld,
} from './views.test-kit';

describe('listContacts', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-01-01T00:00:00.000Z');
    const people: [string, string, string, string?][] = [
      ['c-ada', 'Ada', 'Lovelace', 'acc-1'],
      ['c-alan', 'Alan', 'Turing', 'acc-1'],
      ['c-grace', 'Grace', 'Hopper'],
      ['c-dot', 'Mr. (Dot)', 'Star*'],
      ['c-edsger', 'Edsger', 'Dijkstra'],
      ['c-ada2', 'ada', 'King'],
    ];
    for (const [contactId, firstName, lastName, accountId] of people) {
      await createContact(world, contactId, {
        firstName,
        lastName,
        accountId,
        emails: [{ address: `${contactId.toUpperCase()}@Example.com` }],
      });
    }
    await world.send<TagContact>('contact', 'c-grace', {
      type: 'TagContact',
      data: { contactId: 'c-grace', tag: 'vip' },
    });
    await world.send<TagContact>('contact', 'c-ada', {
      type: 'TagContact',
      data: { contactId: 'c-ada', tag: 'vip' },
    });
    await world.send<AssignContactOwner>('contact', 'c-alan', {
      type: 'AssignContactOwner',
      data: { contactId: 'c-alan', ownerId: 'user-2' },
    });
    await world.send<MergeContact>('contact', 'c-ada2', {
      type: 'MergeContact',
      data: { contactId: 'c-ada2', survivorId: 'c-ada' },
    });
    await createContact(world, 'c-ada', { firstName: 'Ada', lastName: 'Other' }, OTHER_TENANT);
    await world.project();
  });
  afterAll(() => world.close());

  const names = async (filter: Parameters<typeof listContacts>[2]) =>
    (await listContacts(world.readModels, TENANT, filter)).items.map((c) => c.fullName);

  it('lists active contacts by name, with the total', async () => {
    const page = await listContacts(world.readModels, TENANT);
    expect(page.items.map((c) => c.contactId)).toEqual([
      'c-ada',
      'c-alan',
      'c-edsger',
      'c-grace',
      'c-dot',
    ]);
    expect(page).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(page.items[0]).not.toHaveProperty('_id');
    expect(await names({ status: 'merged' })).toEqual(['ada King']);
  });

  it('matches a name case-insensitively, anywhere, and literally', async () => {
    expect(await names({ name: 'ADA' })).toEqual(['Ada Lovelace']);
    expect(await names({ name: 'ing' })).toEqual(['Alan Turing']);
    expect(await names({ name: '(dot) star*' })).toEqual(['Mr. (Dot) Star*']);
    expect(await names({ name: '.*' })).toEqual([]);
    expect(await names({ name: 'a.a' })).toEqual([]);
  });

  it('finds by exact email regardless of case', async () => {
    expect(await names({ email: ' c-grace@example.COM ' })).toEqual(['Grace Hopper']);
    expect(await names({ email: 'c-grace@example' })).toEqual([]);
  });

  it('searches words and word beginnings of names and email addresses (q)', async () => {
    expect(await names({ q: 'love' })).toEqual(['Ada Lovelace']);
    expect(await names({ q: 'TUR al' })).toEqual(['Alan Turing']);
    expect(await names({ q: 'c-grace@example.com' })).toEqual(['Grace Hopper']);
    expect(await names({ q: 'example' })).toHaveLength(5);
    expect(await names({ q: 'example', tag: 'vip' })).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await names({ q: 'velace' })).toEqual([]);
    expect(await names({ q: 'ada', status: 'merged' })).toEqual(['ada King']);
  });

  it('pages a search from the index alone, reading only the page', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const page = await listContacts(world.readModels, TENANT, {
        q: 'example',
        limit: 2,
        offset: 1,
      });
      const contactsRead = parse.mock.calls.filter(
        ([text]) => typeof text === 'string' && text.includes('"searchName"'),
      );
      expect(page.items.map((c) => c.contactId)).toEqual(['c-alan', 'c-edsger']);
      expect(page.total).toBe(5);
      expect(contactsRead).toHaveLength(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('filters by tag, owner and account, all together', async () => {
    expect(await names({ tag: 'vip' })).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(await names({ ownerId: 'user-2' })).toEqual(['Alan Turing']);
    expect(await names({ accountId: 'acc-1' })).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await names({ accountId: 'acc-1', tag: 'vip' })).toEqual(['Ada Lovelace']);
  });

  it('pages, holding the limit within 1 to 200', async () => {
    const page = await listContacts(world.readModels, TENANT, { limit: 2, offset: 1 });
    expect(page.items.map((c) => c.contactId)).toEqual(['c-alan', 'c-edsger']);
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect((await listContacts(world.readModels, TENANT, { limit: 1000 })).limit).toBe(200);
    expect((await listContacts(world.readModels, TENANT, { limit: 0, offset: -3 })).offset).toBe(0);
  });

  it("never lists another tenant's contacts", async () => {
    const other = await listContacts(world.readModels, OTHER_TENANT);
    expect(other.items.map((c) => [c.contactId, c.fullName])).toEqual([['c-ada', 'Ada Other']]);
    expect(await listContacts(world.readModels, 'initech')).toEqual({
      items: [],
      total: 0,
      limit: 50,
      offset: 0,
    });
  });
});

import { createContact } from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

/**
 * A marketer reads the contacts that opted in to email (the consent status the contact domain
 * records, `opted_in`), and no others: not those that opted out, nor those never asked.
 */
describe('row rules: a marketer', () => {
  let t: TestApp;
  const contacts = { optedIn: '', optedOut: '', neverAsked: '' };
  let head: bigint;

  const marketer = () => t.as(TENANT, { subject: 'mia', roles: ['marketer'] });
  const read = (path: string) =>
    marketer().get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);

  beforeAll(async () => {
    t = await startTestApp();
    contacts.optedIn = await createContact(t);
    contacts.optedOut = await createContact(t);
    contacts.neverAsked = await createContact(t);
    for (const [id, status] of [
      [contacts.optedIn, 'opted_in'],
      [contacts.optedOut, 'opted_out'],
    ]) {
      await t
        .http()
        .post(`/contacts/${id}/consents`)
        .send({ channel: 'email', status, source: 'newsletter form' })
        .expect(200);
    }
    head = await t.head();
  });
  afterAll(() => t.close());

  it('lists only the contacts that opted in to email', async () => {
    const list = await read('/contacts').expect(200);
    expect(list.body.items.map((c: { contactId: string }) => c.contactId)).toEqual([
      contacts.optedIn,
    ]);
    expect(list.body.total).toBe(1);
    const everyone = await t.http().get(`/contacts?minPosition=${head}`).expect(200);
    expect(everyone.body.total).toBe(3);
  });

  it('reads an opted-in contact, its 360 and timeline; the others answer 404', async () => {
    for (const suffix of ['', '/360', '/timeline']) {
      await read(`/contacts/${contacts.optedIn}${suffix}`).expect(200);
      for (const id of [contacts.optedOut, contacts.neverAsked]) {
        const hidden = await read(`/contacts/${id}${suffix}`).expect(404);
        expect(hidden.body.code).toBe('CONTACT_NOT_FOUND');
      }
    }
  });

  it('loses sight of a contact that withdraws consent', async () => {
    const id = await createContact(t);
    const consent = (status: string) =>
      t
        .http()
        .post(`/contacts/${id}/consents`)
        .send({ channel: 'email', status, source: 'preference centre' })
        .expect(200);
    await consent('opted_in');
    head = await t.head();
    await read(`/contacts/${id}`).expect(200);
    await consent('opted_out');
    head = await t.head();
    await read(`/contacts/${id}`).expect(404);
  });
});

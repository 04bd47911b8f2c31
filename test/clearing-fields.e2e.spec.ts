import { startTestApp, TestApp } from './support/test-app';

/** On an update, `null` clears an optional field and a field left out stays as it is. */
describe('clearing fields on update', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('clears the fields sent as null on an account, in the record and its view', async () => {
    const { body } = await t
      .http()
      .post('/accounts')
      .send({
        name: 'Acme',
        domain: 'acme.example',
        industry: 'Tools',
        address: { city: 'Berlin' },
      })
      .expect(201);
    const updated = await t
      .http()
      .patch(`/accounts/${body.id}`)
      .send({ domain: null, address: null })
      .expect(200);
    expect(updated.body.appended).toBe(1);
    const view = await t
      .http()
      .get(`/accounts/${body.id}`)
      .query({ minPosition: updated.body.position })
      .expect(200);
    expect(view.body).toMatchObject({ name: 'Acme', industry: 'Tools' });
    expect(view.body).not.toHaveProperty('domain');
    expect(view.body).not.toHaveProperty('address');
  });

  it('still refuses null for a field that cannot be empty', async () => {
    const { body } = await t.http().post('/accounts').send({ name: 'Named' }).expect(201);
    const before = await t.head();
    const response = await t.http().patch(`/accounts/${body.id}`).send({ name: null });
    expect(response.status).toBe(400);
    expect(response.body.fields).toEqual([{ field: 'name', errors: expect.any(Array) }]);
    expect(await t.head()).toBe(before);
  });
});

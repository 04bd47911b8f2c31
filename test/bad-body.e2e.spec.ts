import { streamNameFor } from '@crm/application';
import { startTestApp, TENANT, TestApp } from './support/test-app';

/** Bodies refused before validation: shape limits, non-objects, text that is not clean Unicode. */
describe('bad bodies refused before validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const postRaw = (path: string, text: string, type = 'application/json') =>
    t.http().post(path).set('content-type', type).send(text);

  it('refuses a deeply nested body with 400 BODY_TOO_DEEP, appending nothing', async () => {
    const before = await t.head();
    const nested = '['.repeat(20_000) + ']'.repeat(20_000);
    for (const text of [nested, `{"name":"x","address":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`]) {
      const response = await postRaw('/accounts', text);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 400,
        code: 'BODY_TOO_DEEP',
      });
    }
    expect(await t.head()).toBe(before);
  });

  it('refuses a body with too many values with 400 BODY_TOO_COMPLEX', async () => {
    const response = await postRaw('/accounts', `[${'0,'.repeat(30_000)}0]`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('BODY_TOO_COMPLEX');
  });

  it('does not count brackets and commas inside strings', async () => {
    const response = await postRaw(
      '/accounts',
      JSON.stringify({ name: `${'[{,'.repeat(30)}"quoted\\"` }),
    );
    expect(response.status).toBe(201);
  });

  it.each(['123', '"str"', '[]', 'null', 'true'])(
    'refuses the non-object body %s on a command without fields',
    async (text) => {
      const before = await t.head();
      const response = await postRaw('/tickets/some-ticket/close', text);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('BODY_NOT_AN_OBJECT');
      expect(await t.head()).toBe(before);
    },
  );

  it('refuses a text/plain body with 415', async () => {
    const response = await postRaw('/campaigns/some-campaign/complete', 'hello', 'text/plain');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses fields on a command that takes none', async () => {
    const response = await t.http().post('/tickets/some-ticket/close').send({ x: 1 });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['a lone surrogate', '"\\ud800@x.com"', 'well-formed Unicode'],
    ['a NUL', '"a\\u0000b@x.com"', 'control characters'],
    ['an escape character', '"a\\u001bb@x.com"', 'control characters'],
    ['a C1 control', '"a\\u0085b@x.com"', 'control characters'],
  ])('refuses %s in a nested string, naming the field', async (_name, literal, rule) => {
    const before = await t.head();
    const response = await postRaw(
      '/contacts',
      `{"firstName":"Ada","lastName":"L","emails":[{"address":${literal}}]}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.fields).toEqual([
      { field: 'emails[0].address', errors: [expect.stringContaining(rule)] },
    ]);
    expect(await t.head()).toBe(before);
  });

  it('refuses a lone surrogate in a key', async () => {
    const response = await postRaw('/accounts', '{"name":"x","\\udc00":1}');
    expect(response.status).toBe(400);
    expect(response.body.fields[0].errors[0]).toContain('well-formed Unicode');
  });

  it('stores text in Unicode normal form C', async () => {
    const decomposed = 'Cafe\u0301';
    const created = await t.http().post('/accounts').send({ name: decomposed }).expect(201);
    const [event] = await t.store.readStream(streamNameFor('account', TENANT, created.body.id));
    expect((event.data as { name: string }).name).toBe('Caf\u00e9');
  });

  it('names query-parameter errors as query errors', async () => {
    const response = await t.http().get('/audit/lead/some-lead?limit=0');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('the query parameters are invalid');
    expect(response.body.fields).toEqual([{ field: 'limit', errors: [expect.any(String)] }]);
  });
});

import { RECORD_READ_ROUTES } from '../apps/api/src/http/record-etags';
import { createAccount, createPipeline } from './support/crm-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Record reads answer an ETag with the record's stream revision, honour If-None-Match with
 * 304, and the tag they give is the If-Match the next change of that record takes.
 */
describe('ETags on record reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
  });
  afterAll(() => t.close());

  type Written = { id: string; revision: number; position: string };
  /** A record read's tag: its revision, a dash, a digest of the answer. */
  const tagOf = (revision: number) => new RegExp(`^"${revision}-[A-Za-z0-9_-]{16}"$`);
  const readAt = (path: string, position: string) =>
    t.http().get(path).query({ minPosition: position });

  it('gives a contact its revision as ETag, 304 while it holds, and a new tag after a change', async () => {
    const created = (
      await t.http().post('/contacts').send({ firstName: 'Ada', lastName: 'Lovelace' }).expect(201)
    ).body as Written;
    const path = `/contacts/${created.id}`;
    const first = await readAt(path, created.position).expect(200);
    expect(first.headers.etag).toMatch(tagOf(created.revision));
    expect(first.body.revision).toBe(created.revision);

    const unchanged = await t.http().get(path).set('If-None-Match', first.headers.etag);
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers.etag).toBe(first.headers.etag);

    const changed = (
      await t
        .http()
        .patch(path)
        .set('If-Match', first.headers.etag)
        .send({ lastName: 'King' })
        .expect(200)
    ).body as Written;
    expect(changed.revision).toBe(created.revision + 1);
    const second = await readAt(path, changed.position)
      .set('If-None-Match', first.headers.etag)
      .expect(200);
    expect(second.headers.etag).toMatch(tagOf(changed.revision));
    expect(second.body.lastName).toBe('King');

    // The old tag no longer matches the record: a change sent with it is refused.
    await t
      .http()
      .patch(path)
      .set('If-Match', first.headers.etag)
      .send({ lastName: 'Byron' })
      .expect(412);
  });

  it('compares weakly, accepts a list and *, and leaves other answers alone', async () => {
    const created = (
      await t.http().post('/contacts').send({ firstName: 'Grace', lastName: 'Hopper' }).expect(201)
    ).body as Written;
    const path = `/contacts/${created.id}`;
    const tag = (await readAt(path, created.position).expect(200)).headers.etag as string;
    for (const header of [`W/${tag}`, `"0-x", ${tag}`, '*']) {
      expect((await t.http().get(path).set('If-None-Match', header)).status).toBe(304);
    }
    expect((await t.http().get(path).set('If-None-Match', `"${created.revision}"`)).status).toBe(
      200,
    );
    const missing = await t.http().get('/contacts/not-there').set('If-None-Match', '*');
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    const timeline = await t.http().get(`${path}/timeline`).expect(200);
    expect(timeline.headers.etag).toBeUndefined();
  });

  it('tags a record read asOf a past moment with the revision it had then', async () => {
    const pipelineId = await createPipeline(t);
    const accountId = await createAccount(t);
    const opened = (
      await t
        .http()
        .post('/deals')
        .send({
          title: 'Engines',
          accountId,
          amount: { amount: 100, currency: 'EUR' },
          pipelineId,
          stageId: 'discovery',
          expectedCloseDate: '2026-03-31',
        })
        .expect(201)
    ).body as Written;
    const path = `/deals/${opened.id}`;
    await readAt(path, opened.position).expect(200);
    const between = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const moved = (
      await t
        .http()
        .post(`${path}/stage`)
        .set('If-Match', `"${opened.revision}"`)
        .send({ stageId: 'proposal' })
        .expect(200)
    ).body as Written;
    const now = await readAt(path, moved.position).expect(200);
    expect(now.headers.etag).toMatch(tagOf(moved.revision));
    const then = await t.http().get(path).query({ asOf: between }).expect(200);
    expect(then.headers.etag).toMatch(tagOf(opened.revision));
    expect(then.body.stageId).toBe('discovery');

    // The deal's own stream does not move, but its answer does: the tag follows the answer.
    const reweighted = await t
      .http()
      .post(`/pipelines/${pipelineId}/stages/proposal/probability`)
      .send({ probability: 0.3 })
      .expect(200);
    const after = await readAt(path, reweighted.body.position)
      .set('If-None-Match', now.headers.etag)
      .expect(200);
    expect(after.body.deal.probability).toBe(0.3);
    expect(after.headers.etag).toMatch(tagOf(moved.revision));
    expect(after.headers.etag).not.toBe(now.headers.etag);
  });

  it('tags leads and pipelines the same way', async () => {
    const lead = (
      await t
        .http()
        .post('/leads')
        .send({
          source: 'webinar',
          contact: { firstName: 'Mary', lastName: 'Somerville', email: 'mary@example.com' },
        })
        .expect(201)
    ).body as Written;
    const qualified = (await t.http().post(`/leads/${lead.id}/qualify`).send({}).expect(200))
      .body as Written;
    expect(
      (await readAt(`/leads/${lead.id}`, qualified.position).expect(200)).headers.etag,
    ).toMatch(tagOf(qualified.revision));
    const pipelineId = await createPipeline(t);
    const pipeline = await t
      .http()
      .get(`/pipelines/${pipelineId}`)
      .query({ minPosition: await t.head() });
    expect(pipeline.status).toBe(200);
    expect(typeof pipeline.body.revision).toBe('number');
    expect(pipeline.headers.etag).toMatch(tagOf(pipeline.body.revision));
  });

  it('documents the tag, If-None-Match and 304 on every record read', async () => {
    const document = (await t.http().get('/openapi.json').expect(200)).body;
    const recordReads = Object.keys(document.paths).filter((p) =>
      RECORD_READ_ROUTES.has(p.replace('{id}', ':id')),
    );
    expect(recordReads).toHaveLength(RECORD_READ_ROUTES.size);
    for (const path of recordReads) {
      const read = document.paths[path].get;
      expect({ path, names: read.parameters.map((p: { name: string }) => p.name) }).toEqual({
        path,
        names: expect.arrayContaining(['If-None-Match']),
      });
      expect({ path, notModified: read.responses['304'] !== undefined }).toEqual({
        path,
        notModified: true,
      });
      expect({ path, etag: read.responses['200']?.headers?.ETag !== undefined }).toEqual({
        path,
        etag: true,
      });
    }
  });
});

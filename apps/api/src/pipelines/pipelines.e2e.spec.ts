import {
  createPipeline,
  eventsOf,
  fieldsOf,
  openDeal,
  STAGES,
} from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

describe('pipelines API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const lastEvent = async (pipelineId: string) =>
    (await eventsOf(t, 'pipeline', pipelineId)).at(-1);

  it('defines a pipeline with its stages in order', async () => {
    const response = await t
      .http()
      .post('/pipelines')
      .send({ name: 'Sales', stages: STAGES })
      .expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      appended: 1,
    });
    expect(response.headers.etag).toBe('"0"');
    expect(await eventsOf(t, 'pipeline', response.body.id)).toEqual([
      expect.objectContaining({
        type: 'PipelineDefined',
        revision: 0,
        data: { pipelineId: response.body.id, name: 'Sales', stages: STAGES },
      }),
    ]);
  });

  it('takes the id the client gives and refuses to define it twice', async () => {
    await t
      .http()
      .post('/pipelines')
      .send({ id: 'pipe-enterprise', name: 'Enterprise', stages: STAGES })
      .expect(201);
    const before = await t.head();
    const again = await t
      .http()
      .post('/pipelines')
      .send({ id: 'pipe-enterprise', name: 'Enterprise', stages: STAGES })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'PIPELINE_ALREADY_EXISTS', statusCode: 409 });
    expect(await t.head()).toBe(before);
  });

  it('adds a stage at a position, or at the end by default', async () => {
    const id = await createPipeline(t);
    const stage = { stageId: 'demo', name: 'Demo', probability: 0.3 };
    const added = await t
      .http()
      .post(`/pipelines/${id}/stages`)
      .send({ stage, position: 1 })
      .expect(200);
    expect(added.body).toMatchObject({ id, revision: 1, appended: 1 });
    expect(await lastEvent(id)).toMatchObject({
      type: 'PipelineStageAdded',
      data: { pipelineId: id, stage, position: 1 },
    });

    const last = { stageId: 'closing', name: 'Closing', probability: 0.9 };
    const appended = await t
      .http()
      .post(`/pipelines/${id}/stages`)
      .send({ stage: last })
      .expect(200);
    expect(appended.body.revision).toBe(2);
    expect(await lastEvent(id)).toMatchObject({ data: { stage: last, position: 4 } });
  });

  it('refuses a stage id or name the pipeline already has, and a position past the end', async () => {
    const id = await createPipeline(t);
    const before = await t.head();
    const sameId = await t
      .http()
      .post(`/pipelines/${id}/stages`)
      .send({ stage: { stageId: 'proposal', name: 'Other', probability: 0.2 } })
      .expect(422);
    expect(sameId.body.code).toBe('PIPELINE_DUPLICATE_STAGE_ID');
    const sameName = await t
      .http()
      .post(`/pipelines/${id}/stages`)
      .send({ stage: { stageId: 'other', name: ' proposal', probability: 0.2 } })
      .expect(422);
    expect(sameName.body.code).toBe('PIPELINE_DUPLICATE_STAGE_NAME');
    const tooFar = await t
      .http()
      .post(`/pipelines/${id}/stages`)
      .send({ stage: { stageId: 'other', name: 'Other', probability: 0.2 }, position: 4 })
      .expect(422);
    expect(tooFar.body).toMatchObject({
      code: 'PIPELINE_INVALID_POSITION',
      details: { position: 4, stageCount: 3 },
    });
    expect(await t.head()).toBe(before);
  });

  it('renames a stage, records nothing for the same name and refuses a name in use', async () => {
    const id = await createPipeline(t);
    const renamed = await t
      .http()
      .post(`/pipelines/${id}/stages/proposal/rename`)
      .send({ name: 'Offer' })
      .expect(200);
    expect(renamed.body).toMatchObject({ id, revision: 1, appended: 1 });
    expect(await lastEvent(id)).toMatchObject({
      type: 'PipelineStageRenamed',
      data: { pipelineId: id, stageId: 'proposal', previousName: 'Proposal', name: 'Offer' },
    });

    const same = await t
      .http()
      .post(`/pipelines/${id}/stages/proposal/rename`)
      .send({ name: 'Offer' })
      .expect(200);
    expect(same.body).toMatchObject({ revision: 1, appended: 0 });

    const before = await t.head();
    const clash = await t
      .http()
      .post(`/pipelines/${id}/stages/proposal/rename`)
      .send({ name: 'DISCOVERY' })
      .expect(422);
    expect(clash.body).toMatchObject({
      code: 'PIPELINE_DUPLICATE_STAGE_NAME',
      details: { stageId: 'discovery' },
    });
    const unknown = await t
      .http()
      .post(`/pipelines/${id}/stages/nowhere/rename`)
      .send({ name: 'X' })
      .expect(422);
    expect(unknown.body).toMatchObject({
      code: 'PIPELINE_STAGE_NOT_FOUND',
      details: { stageId: 'nowhere' },
    });
    expect(await t.head()).toBe(before);
  });

  it("sets a stage's probability and refuses one outside 0..1", async () => {
    const id = await createPipeline(t);
    const set = await t
      .http()
      .post(`/pipelines/${id}/stages/discovery/probability`)
      .send({ probability: 0.25 })
      .expect(200);
    expect(set.body).toMatchObject({ id, revision: 1, appended: 1 });
    expect(await lastEvent(id)).toMatchObject({
      type: 'PipelineStageProbabilitySet',
      data: { stageId: 'discovery', previousProbability: 0.1, probability: 0.25 },
    });

    const before = await t.head();
    const bad = await t
      .http()
      .post(`/pipelines/${id}/stages/discovery/probability`)
      .send({ probability: 1.5 })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(bad.body)).toEqual(['probability']);
    expect(await t.head()).toBe(before);
  });

  it('reorders the stages and refuses an order that is not a permutation of them', async () => {
    const id = await createPipeline(t);
    const order = ['negotiation', 'discovery', 'proposal'];
    const reordered = await t
      .http()
      .put(`/pipelines/${id}/stage-order`)
      .send({ stageIds: order })
      .expect(200);
    expect(reordered.body).toMatchObject({ id, revision: 1, appended: 1 });
    expect(await lastEvent(id)).toMatchObject({
      type: 'PipelineStagesReordered',
      data: { stageIds: order },
    });

    const before = await t.head();
    const missing = await t
      .http()
      .put(`/pipelines/${id}/stage-order`)
      .send({ stageIds: ['discovery', 'proposal'] })
      .expect(422);
    expect(missing.body.code).toBe('PIPELINE_REORDER_MISMATCH');
    const twice = await t
      .http()
      .put(`/pipelines/${id}/stage-order`)
      .send({ stageIds: ['discovery', 'discovery', 'proposal'] })
      .expect(422);
    expect(twice.body.code).toBe('PIPELINE_REORDER_MISMATCH');
    expect(await t.head()).toBe(before);
  });

  describe('removing a stage', () => {
    it('removes an empty stage', async () => {
      const id = await createPipeline(t);
      const removed = await t.http().delete(`/pipelines/${id}/stages/proposal`).expect(200);
      expect(removed.body).toMatchObject({ id, revision: 1, appended: 1 });
      expect(removed.headers.etag).toBe('"1"');
      expect(await lastEvent(id)).toMatchObject({
        type: 'PipelineStageRemoved',
        data: { pipelineId: id, stageId: 'proposal' },
      });
    });

    it('refuses a stage holding an open deal, then removes it once the deal is won', async () => {
      const id = await createPipeline(t);
      const dealId = await openDeal(t, id, { stageId: 'proposal' });

      const before = await t.head();
      const refused = await t.http().delete(`/pipelines/${id}/stages/proposal`).expect(422);
      expect(refused.body).toMatchObject({
        code: 'PIPELINE_STAGE_HAS_OPEN_DEALS',
        details: { pipelineId: id, stageId: 'proposal', openDealsInStage: 1 },
      });
      expect(await t.head()).toBe(before);

      await t.http().post(`/deals/${dealId}/win`).expect(200);
      const removed = await t.http().delete(`/pipelines/${id}/stages/proposal`).expect(200);
      expect(removed.body).toMatchObject({ revision: 1, appended: 1 });
    });

    it('removes the stage once its deal has moved on, counting only that stage and pipeline', async () => {
      const id = await createPipeline(t);
      const other = await createPipeline(t);
      await openDeal(t, other, { stageId: 'proposal' });
      const dealId = await openDeal(t, id, { stageId: 'proposal' });
      await openDeal(t, id, { stageId: 'discovery' });

      const before = await t.head();
      await t.http().delete(`/pipelines/${id}/stages/proposal`).expect(422);
      expect(await t.head()).toBe(before);

      await t.http().post(`/deals/${dealId}/stage`).send({ stageId: 'negotiation' }).expect(200);
      await t.http().delete(`/pipelines/${id}/stages/proposal`).expect(200);
    });

    it('refuses to remove the last stage', async () => {
      const id = await createPipeline(t, { stages: [STAGES[0]] });
      const before = await t.head();
      const refused = await t.http().delete(`/pipelines/${id}/stages/discovery`).expect(422);
      expect(refused.body.code).toBe('PIPELINE_LAST_STAGE');
      expect(await t.head()).toBe(before);
    });

    it('refuses a stage the pipeline does not have', async () => {
      const id = await createPipeline(t);
      const before = await t.head();
      const refused = await t.http().delete(`/pipelines/${id}/stages/nowhere`).expect(422);
      expect(refused.body.code).toBe('PIPELINE_STAGE_NOT_FOUND');
      expect(await t.head()).toBe(before);
    });
  });

  it('answers 404 for an unknown pipeline on every stage command', async () => {
    const before = await t.head();
    const stage = { stageId: 'demo', name: 'Demo', probability: 0.3 };
    const answers = await Promise.all([
      t.http().post('/pipelines/no-such-pipeline/stages').send({ stage }),
      t.http().post('/pipelines/no-such-pipeline/stages/demo/rename').send({ name: 'X' }),
      t
        .http()
        .post('/pipelines/no-such-pipeline/stages/demo/probability')
        .send({ probability: 0.5 }),
      t
        .http()
        .put('/pipelines/no-such-pipeline/stage-order')
        .send({ stageIds: ['demo'] }),
      t.http().delete('/pipelines/no-such-pipeline/stages/demo'),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('PIPELINE_NOT_FOUND');
    }
    expect(await t.head()).toBe(before);
  });

  describe('validation', () => {
    it('lists every offending field of a definition, nested stages included', async () => {
      const before = await t.head();
      const response = await t
        .http()
        .post('/pipelines')
        .send({
          name: 42,
          colour: 'red',
          stages: [
            { stageId: 'bad id!', name: '', probability: 2 },
            { stageId: 'ok', name: 'Fine', probability: 0.5, extra: true },
          ],
        })
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toEqual([
        'colour',
        'name',
        'stages[0].name',
        'stages[0].probability',
        'stages[0].stageId',
        'stages[1].extra',
      ]);
      expect(await t.head()).toBe(before);
    });

    it('requires at least one stage and the name', async () => {
      const empty = await t.http().post('/pipelines').send({ stages: [] }).expect(400);
      expect(fieldsOf(empty.body)).toEqual(['name', 'stages']);
      const none = await t.http().post('/pipelines').send({ name: 'Sales' }).expect(400);
      expect(fieldsOf(none.body)).toEqual(['stages']);
    });

    it('refuses duplicate stage ids in a definition', async () => {
      const before = await t.head();
      const response = await t
        .http()
        .post('/pipelines')
        .send({ name: 'Sales', stages: [STAGES[0], { ...STAGES[1], stageId: 'discovery' }] })
        .expect(422);
      expect(response.body.code).toBe('PIPELINE_DUPLICATE_STAGE_ID');
      expect(await t.head()).toBe(before);
    });

    it('checks stage commands: missing, wrong and unknown fields', async () => {
      const id = await createPipeline(t);
      const before = await t.head();
      const add = await t
        .http()
        .post(`/pipelines/${id}/stages`)
        .send({ position: -1, after: 'x' })
        .expect(400);
      expect(fieldsOf(add.body)).toEqual(['after', 'position', 'stage']);
      const addNull = await t
        .http()
        .post(`/pipelines/${id}/stages`)
        .send({ stage: { stageId: 'demo', name: 'Demo', probability: 0.3 }, position: null })
        .expect(400);
      expect(fieldsOf(addNull.body)).toEqual(['position']);
      const rename = await t
        .http()
        .post(`/pipelines/${id}/stages/proposal/rename`)
        .send({})
        .expect(400);
      expect(fieldsOf(rename.body)).toEqual(['name']);
      const probability = await t
        .http()
        .post(`/pipelines/${id}/stages/proposal/probability`)
        .send({ probability: '0.5' })
        .expect(400);
      expect(fieldsOf(probability.body)).toEqual(['probability']);
      const reorder = await t
        .http()
        .put(`/pipelines/${id}/stage-order`)
        .send({ stageIds: ['discovery', 'bad id'] })
        .expect(400);
      expect(fieldsOf(reorder.body)).toEqual(['stageIds']);
      const reorderEmpty = await t
        .http()
        .put(`/pipelines/${id}/stage-order`)
        .send({ stageIds: [] })
        .expect(400);
      expect(fieldsOf(reorderEmpty.body)).toEqual(['stageIds']);
      expect(await t.head()).toBe(before);
    });

    it('refuses an invalid pipeline or stage id in the path', async () => {
      const id = await createPipeline(t);
      const before = await t.head();
      const badStage = await t.http().delete(`/pipelines/${id}/stages/bad%20stage`).expect(400);
      expect(badStage.body.code).toBe('INVALID_RECORD_ID');
      expect(fieldsOf(badStage.body)).toEqual(['stageId']);
      for (const action of ['rename', 'probability']) {
        const response = await t
          .http()
          .post(`/pipelines/${id}/stages/bad%20stage/${action}`)
          .send(action === 'rename' ? { name: 'Offer' } : { probability: 0.5 })
          .expect(400);
        expect(response.body.code).toBe('INVALID_RECORD_ID');
        expect(fieldsOf(response.body)).toEqual(['stageId']);
      }
      const badPipeline = await t
        .http()
        .post('/pipelines/bad%20pipeline/stages/proposal/rename')
        .send({ name: 'Offer' })
        .expect(400);
      expect(badPipeline.body.code).toBe('INVALID_RECORD_ID');
      expect(fieldsOf(badPipeline.body)).toEqual(['id']);
      expect(await t.head()).toBe(before);
    });
  });

  it('applies If-Match only at the matching revision', async () => {
    const id = await createPipeline(t);
    const before = await t.head();
    const stale = await t
      .http()
      .post(`/pipelines/${id}/stages/proposal/rename`)
      .set('if-match', '"3"')
      .send({ name: 'Offer' })
      .expect(412);
    expect(stale.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedRevision: 3, actualRevision: 0 },
    });
    expect(await t.head()).toBe(before);
    await t
      .http()
      .post(`/pipelines/${id}/stages/proposal/rename`)
      .set('if-match', '"0"')
      .send({ name: 'Offer' })
      .expect(200);
  });
});

import { abilityFor, mayEver, ROLE_NAMES, roleTableMarkdown } from '@crm/application';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { permissionOfRoute } from '../../apps/api/src/auth/access.guard';
import { maskPersonalData } from '../../apps/api/src/auth/personal-data';
import { createContact, createPipeline, openDeal, STAGES } from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

/** Table rows as trimmed cells, whatever the column padding. */
const rowsOf = (markdown: string): string[][] =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[\s|-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );

describe('roles and permissions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('prints the role table in the README exactly as roles.ts declares it', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = /<!-- roles:start -->([\s\S]*?)<!-- roles:end -->/.exec(readme)?.[1] ?? '';
    expect(rowsOf(section)).toEqual(rowsOf(roleTableMarkdown()));
    expect(rowsOf(section).length).toBe(ROLE_NAMES.length + 1);
  });

  it('allows or denies every OpenAPI operation for every role as the permission table says', async () => {
    const { body } = await t.http().get('/openapi.json').expect(200);
    const paths = body.paths as Record<string, Record<string, unknown>>;
    const operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method, path })),
    );
    expect(operations.length).toBeGreaterThan(80);
    const before = await t.head();
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const { method, path } of operations) {
      const template = path.replace(/\{([^}]+)\}/g, ':$1');
      const permission = permissionOfRoute(method, template);
      expect({ method, path, permission }).toEqual({
        method,
        path,
        permission: expect.any(String),
      });
      for (const role of ROLE_NAMES) {
        const url = path.replace(/\{[^}]+\}/g, 'x1');
        const response = await t
          .as(TENANT, { subject: 'walker', roles: [role] })
          [method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url)
          .send(method === 'get' ? undefined : {});
        const denied = response.status === 403 && response.body.code === 'FORBIDDEN';
        outcomes.push(`${role} ${method} ${path}: ${denied ? 'denied' : 'allowed'}`);
        const ability = abilityFor({ subject: 'walker', roles: [role] });
        // A read a row rule cuts is allowed and filtered; the rule never refuses it whole.
        const allowed = permission === 'public' || mayEver(ability, permission as string);
        expected.push(`${role} ${method} ${path}: ${allowed ? 'allowed' : 'denied'}`);
        if (denied && permission !== 'public') {
          expect(response.body.details.permission).toContain(permission);
        }
      }
    }
    expect(outcomes).toEqual(expected);
    expect(await t.head()).toBe(before);
    // About a thousand requests (every operation for every role): 22-48 s on a loaded machine.
  }, 120_000);

  it('keeps two sales reps to their own deals: read, change, board', async () => {
    const pipelineId = await createPipeline(t);
    const mine = await openDeal(t, pipelineId, { ownerId: 'rep-a' });
    const theirs = await openDeal(t, pipelineId, { ownerId: 'rep-b' });
    const repA = () => t.as(TENANT, { subject: 'rep-a', roles: ['sales-rep'] });

    // The read models are built asynchronously (on MongoDB too): read once they hold both deals.
    await repA()
      .get(`/deals/${mine}?minPosition=${await t.head()}`)
      .expect(200);
    const hidden = await repA().get(`/deals/${theirs}`).expect(404);
    expect(hidden.body.code).toBe('DEAL_NOT_FOUND');
    await repA().get(`/deals/${theirs}/timeline`).expect(404);
    const before = await t.head();
    await repA().post(`/deals/${theirs}/stage`).send({ stageId: STAGES[1].stageId }).expect(404);
    expect(await t.head()).toBe(before);
    await repA().post(`/deals/${mine}/stage`).send({ stageId: STAGES[1].stageId }).expect(200);

    const board = await repA()
      .get(`/pipelines/${pipelineId}/board?ownerId=rep-a&minPosition=${await t.head()}`)
      .expect(200);
    expect(JSON.stringify(board.body)).toContain(mine);
    expect(JSON.stringify(board.body)).not.toContain(theirs);
  });

  it('lets a sales rep claim an unowned lead, which the other rep then cannot see', async () => {
    const repA = () => t.as(TENANT, { subject: 'rep-a', roles: ['sales-rep'] });
    const repB = () => t.as(TENANT, { subject: 'rep-b', roles: ['sales-rep'] });
    const lead = await repA()
      .post('/leads')
      .send({
        source: 'web',
        contact: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' },
      })
      .expect(201);
    const id = lead.body.id as string;
    await repB()
      .get(`/leads/${id}?minPosition=${lead.body.position as string}`)
      .expect(200);
    const claimed = await repB().post(`/leads/${id}/assign`).send({ ownerId: 'rep-b' }).expect(200);
    // Read once the read models hold the claim: before it, the lead is still unowned there.
    await repA()
      .get(`/leads/${id}?minPosition=${claimed.body.position as string}`)
      .expect(404);
    await repA().post(`/leads/${id}/score`).send({ delta: 10, reason: 'called back' }).expect(404);
    await repB().post(`/leads/${id}/score`).send({ delta: 10, reason: 'called back' }).expect(200);
  });

  it('masks personal data for an analyst and says which fields', async () => {
    const contactId = await createContact(t);
    const head = await t.head();
    const analyst = () => t.as(TENANT, { subject: 'ana', roles: ['analyst'] });
    const record = await analyst().get(`/contacts/${contactId}?minPosition=${head}`).expect(200);
    expect(JSON.stringify(record.body)).not.toContain('ada@analytical.example');
    expect(record.headers['x-masked-fields']).toContain('emails');
    const view = await analyst().get(`/contacts/${contactId}/360`).expect(200);
    expect(JSON.stringify(view.body)).not.toContain('ada@analytical.example');
    const list = await analyst().get('/contacts').expect(200);
    expect(JSON.stringify(list.body)).not.toContain('ada@analytical.example');
    const manager = await t
      .as(TENANT, { roles: ['manager'] })
      .get(`/contacts/${contactId}`)
      .expect(200);
    expect(JSON.stringify(manager.body)).toContain('ada@analytical.example');
    expect(manager.headers['x-masked-fields']).toBeUndefined();
  });

  it('masks personal data inside audit event data too', () => {
    const { masked, fields } = maskPersonalData({
      events: [
        { data: { contact: { firstName: 'Grace', email: 'g@x.example', phone: '+1 555' } } },
        { data: { emails: [{ address: 'a@x.example' }], address: { city: 'London' } } },
      ],
    });
    expect(JSON.stringify(masked)).not.toMatch(/x\.example|555|London/);
    expect(fields).toEqual(['address', 'email', 'emails', 'phone']);
  });
});

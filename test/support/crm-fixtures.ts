import { CommandContext } from '@crm/application';
import { randomUUID } from 'node:crypto';
import { CommandSender } from '../../apps/api/src/http/command-sender';
import { ACTOR, TENANT, TestApp } from './test-app';

/** Records the lead, pipeline and deal suites need around the record under test. */

export const STAGES = [
  { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
  { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
  { stageId: 'negotiation', name: 'Negotiation', probability: 0.8 },
] as const;

export const createPipeline = async (
  t: TestApp,
  body: Record<string, unknown> = {},
): Promise<string> => {
  const response = await t
    .http()
    .post('/pipelines')
    .send({ name: 'Sales', stages: STAGES, ...body })
    .expect(201);
  return response.body.id as string;
};

/**
 * Accounts and contacts go through the same command path as HTTP (CommandSender) rather than
 * their own endpoints, so these suites do not depend on another group's request shapes.
 */
const seedContext = (): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId: TENANT,
    actorId: ACTOR,
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
};

export const createAccount = async (t: TestApp, name = 'Analytical Engines'): Promise<string> => {
  const accountId = randomUUID();
  await t.app
    .get(CommandSender)
    .send(
      'account',
      accountId,
      { type: 'RegisterAccount', data: { accountId, name } },
      seedContext(),
    );
  return accountId;
};

export const createContact = async (t: TestApp): Promise<string> => {
  const contactId = randomUUID();
  await t.app.get(CommandSender).send(
    'contact',
    contactId,
    {
      type: 'CreateContact',
      data: {
        contactId,
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ address: 'ada@analytical.example' }],
        phones: [],
      },
    },
    seedContext(),
  );
  return contactId;
};

/** Opens a deal for a fresh account in the pipeline's first stage unless told otherwise. */
export const openDeal = async (
  t: TestApp,
  pipelineId: string,
  body: Record<string, unknown> = {},
): Promise<string> => {
  const response = await t
    .http()
    .post('/deals')
    .send({
      title: 'Analytical Engines - 50 seats',
      accountId: await createAccount(t),
      amount: { amount: 50000, currency: 'EUR' },
      pipelineId,
      stageId: STAGES[0].stageId,
      expectedCloseDate: '2026-03-31',
      ...body,
    })
    .expect(201);
  return response.body.id as string;
};

type AuditEvent = { type: string; revision: number; data: Record<string, unknown> };

/** The events of a record, oldest first, as GET /audit/:kind/:id returns them. */
export const eventsOf = async (t: TestApp, kind: string, id: string): Promise<AuditEvent[]> => {
  const response = await t.http().get(`/audit/${kind}/${id}`).expect(200);
  return response.body.events as AuditEvent[];
};

/** The offending field paths of a 400 answer, sorted. */
export const fieldsOf = (body: { fields?: { field: string }[] }): string[] =>
  (body.fields ?? []).map((f) => f.field).sort();

import { AnswerRecorder } from './answer-recorder';
import { STAGES } from './crm-fixtures';

type Ids = Record<string, string>;

/**
 * Every command route at least once (but expiring a quote, which needs its validity to have
 * passed), in an order each one is allowed: the records they build are
 * left for the reads. Returns the ids made and the last position written.
 */
export const commandTour = async ({ send }: AnswerRecorder): Promise<Ids> => {
  const id = async (path: string, body: object) =>
    ((await send('post', path, body)).body as { id: string }).id;
  const ok = (method: 'post' | 'put' | 'patch' | 'delete', path: string, body: object = {}) =>
    send(method, path, body);

  const pipelineId = await id('/pipelines', { name: 'Sales', stages: STAGES });
  await ok('post', `/pipelines/${pipelineId}/stages`, {
    stage: { stageId: 'closing', name: 'Closing', probability: 0.9 },
  });
  await ok('post', `/pipelines/${pipelineId}/stages/closing/rename`, { name: 'Close' });
  await ok('post', `/pipelines/${pipelineId}/stages/closing/probability`, { probability: 0.95 });
  await ok('put', `/pipelines/${pipelineId}/stage-order`, {
    stageIds: ['discovery', 'proposal', 'negotiation', 'closing'],
  });
  await ok('delete', `/pipelines/${pipelineId}/stages/closing`);

  const accountId = await id('/accounts', {
    name: 'Analytical Engines',
    domain: 'engines.example',
    industry: 'Machinery',
    size: '11-50',
    address: { street: '1 Engine Way', city: 'London', country: 'GB' },
  });
  await ok('patch', `/accounts/${accountId}`, { industry: 'Computing' });
  await ok('post', `/accounts/${accountId}/owner`, { ownerId: 'user-7' });
  await ok('post', `/accounts/${accountId}/tags`, { tag: 'key-account' });
  await ok('post', `/accounts/${accountId}/tags`, { tag: 'old' });
  await ok('delete', `/accounts/${accountId}/tags/old`);
  await ok('put', `/accounts/${accountId}/custom-fields/tier`, { value: 'gold' });
  const archivedId = await id('/accounts', { name: 'Gone Ltd' });
  await ok('post', `/accounts/${archivedId}/archive`, { reason: 'closed down' });

  const contactId = await id('/contacts', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    title: 'Analyst',
    emails: [{ address: 'ada@engines.example', primary: true }],
    phones: [{ number: '+44 20 7946 0000' }],
    address: { city: 'London' },
  });
  await ok('patch', `/contacts/${contactId}`, { title: 'Lead analyst' });
  await ok('post', `/contacts/${contactId}/account`, { accountId });
  await ok('post', `/contacts/${contactId}/owner`, { ownerId: 'user-7' });
  await ok('post', `/contacts/${contactId}/tags`, { tag: 'champion' });
  await ok('post', `/contacts/${contactId}/tags`, { tag: 'old' });
  await ok('delete', `/contacts/${contactId}/tags/old`);
  await ok('put', `/contacts/${contactId}/custom-fields/score`, { value: 7 });
  await ok('post', `/contacts/${contactId}/consents`, {
    channel: 'email',
    status: 'opted_in',
    source: 'web form',
  });
  const duplicateId = await id('/contacts', {
    firstName: 'Ada',
    lastName: 'L.',
    emails: [{ address: 'ada@old.example' }],
    accountId,
  });
  await ok('delete', `/contacts/${duplicateId}/account`);
  await ok('post', `/contacts/${duplicateId}/merge`, { survivorId: contactId });

  const campaignId = await id('/campaigns', {
    name: 'Spring webinar',
    channel: 'webinar',
    budget: { amount: 1000, currency: 'EUR' },
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  });
  await ok('post', `/campaigns/${campaignId}/members`, { contactIds: [contactId, duplicateId] });
  await ok('post', `/campaigns/${campaignId}/members/remove`, { contactIds: [duplicateId] });
  await ok('post', `/campaigns/${campaignId}/touches`, {
    contactId,
    touch: 'clicked',
    occurredAt: '2026-03-02T10:00:00.000Z',
  });
  const doneCampaignId = await id('/campaigns', {
    name: 'Winter mailing',
    channel: 'email',
    budget: { amount: 10, currency: 'EUR' },
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
  });
  await ok('post', `/campaigns/${doneCampaignId}/complete`);

  const lead = (email: string) =>
    id('/leads', {
      source: 'web',
      campaignId,
      contact: { firstName: 'Grace', lastName: 'Hopper', email, company: 'Navy' },
      initialScore: 10,
      ownerId: 'user-7',
    });
  const leadId = await lead('grace@navy.example');
  await ok('post', `/leads/${leadId}/score`, { delta: 5, reason: 'opened the mail' });
  await ok('put', '/scoring-model', {
    fitRules: [
      { id: 'web', attribute: 'source', operator: 'equals', value: 'web', points: 15 },
      {
        id: 'free-mail',
        attribute: 'emailDomain',
        operator: 'in',
        values: ['gmail.com'],
        points: -5,
      },
    ],
    threshold: 1000,
  });
  await ok('post', `/leads/${leadId}/rescore`, { modelVersion: 1 });
  await ok('post', `/leads/${leadId}/assign`, { ownerId: 'user-8' });
  await ok('post', `/leads/${leadId}/qualify`, { note: 'has budget' });
  await ok('post', `/leads/${leadId}/disqualify`, { reason: 'no budget after all' });
  const convertedLeadId = await lead('grace2@navy.example');
  await ok('post', `/leads/${convertedLeadId}/qualify`);
  await ok('post', `/leads/${convertedLeadId}/convert`, { accountId });

  const deal = (title: string) =>
    id('/deals', {
      title,
      accountId,
      contactId,
      pipelineId,
      stageId: 'discovery',
      amount: { amount: 50000, currency: 'EUR' },
      expectedCloseDate: '2026-06-30',
      ownerId: 'user-7',
    });
  const dealId = await deal('Engines - 50 seats');
  await ok('post', `/deals/${dealId}/stage`, { stageId: 'proposal' });
  await ok('post', `/deals/${dealId}/amount`, { amount: { amount: 60000, currency: 'EUR' } });
  await ok('post', `/deals/${dealId}/expected-close`, { expectedCloseDate: '2026-07-31' });

  const quote = () =>
    id('/quotes', {
      title: 'Seats',
      accountId,
      dealId,
      contactId,
      currency: 'EUR',
      validUntil: '2099-03-31',
    });
  const line = (quoteId: string) =>
    ok('post', `/quotes/${quoteId}/lines`, {
      lineId: 'seats',
      productName: 'Seat',
      quantity: 50,
      unitPrice: { amount: 1000, currency: 'EUR' },
      discountPercent: 10,
    });
  const quoteId = await quote();
  await line(quoteId);
  await ok('post', `/quotes/${quoteId}/lines`, {
    lineId: 'extra',
    productName: 'Extra',
    quantity: 1,
    unitPrice: { amount: 5, currency: 'EUR' },
  });
  await ok('patch', `/quotes/${quoteId}/lines/seats`, { quantity: 40 });
  await ok('delete', `/quotes/${quoteId}/lines/extra`);
  await ok('post', `/quotes/${quoteId}/discount`, { discountPercent: 5 });
  await ok('post', `/quotes/${quoteId}/send`);
  await ok('post', `/quotes/${quoteId}/accept`);
  await ok('post', `/deals/${dealId}/amount-from-quote`, { quoteId });
  for (const ending of ['reject', 'revise'] as const) {
    const otherId = await quote();
    await line(otherId);
    await ok('post', `/quotes/${otherId}/send`);
    if (ending === 'reject') await ok('post', `/quotes/${otherId}/reject`, { reason: 'too dear' });
    if (ending === 'revise')
      await ok('post', `/quotes/${otherId}/revise`, { validUntil: '2099-04-30' });
  }
  await ok('post', `/deals/${dealId}/win`);
  const lostDealId = await deal('Engines - spare parts');
  await ok('post', `/deals/${lostDealId}/lose`, { reason: 'price' });
  await ok('post', `/deals/${lostDealId}/reopen`);

  const ticket = () =>
    id('/tickets', {
      contactId,
      accountId,
      channel: 'email',
      priority: 'high',
      subject: 'The engine stalls',
      description: 'It stops at step 3',
    });
  const ticketId = await ticket();
  await ok('post', `/tickets/${ticketId}/assign`, { agentId: 'agent-1' });
  await ok('post', `/tickets/${ticketId}/replies`, {
    author: 'agent',
    authorId: 'agent-1',
    body: 'Looking into it',
  });
  await ok('post', `/tickets/${ticketId}/priority`, { priority: 'urgent' });
  await ok('post', `/tickets/${ticketId}/escalate`, { reason: 'customer waits' });
  await ok('post', `/tickets/${ticketId}/resolve`, { resolution: 'oiled it' });
  await ok('post', `/tickets/${ticketId}/reopen`, { reason: 'stalls again' });
  await ok('post', `/tickets/${ticketId}/resolve`, { resolution: 'replaced a gear' });
  await ok('post', `/tickets/${ticketId}/close`);
  const openTicketId = await ticket();

  const task = (title: string) =>
    id('/tasks', {
      title,
      dueAt: '2099-01-01T09:00:00.000Z',
      assigneeId: 'user-7',
      relatedTo: { kind: 'deal', id: lostDealId },
      notes: 'bring the figures',
    });
  const taskId = await task('Renewal call');
  await ok('post', `/tasks/${taskId}/reschedule`, { dueAt: '2099-02-01T09:00:00.000Z' });
  await ok('post', `/tasks/${await task('Done call')}/complete`, { outcome: 'agreed' });
  await ok('post', `/tasks/${await task('Dropped call')}/cancel`, { reason: 'not needed' });

  const links = { contactId, accountId, dealId: lostDealId };
  const interactionId = await id('/interactions/calls', {
    ...links,
    occurredAt: '2026-04-01T10:00:00.000Z',
    direction: 'outbound',
    outcome: 'connected',
    durationSeconds: 300,
    summary: 'Talked through the offer',
  });
  await ok('post', '/interactions/emails', {
    ...links,
    occurredAt: '2026-04-02T10:00:00.000Z',
    direction: 'inbound',
    subject: 'Re: offer',
    bodyPreview: 'Sounds good',
  });
  await ok('post', '/interactions/meetings', {
    ...links,
    subject: 'Demo',
    participants: ['Ada Lovelace', 'user-7'],
    startAt: '2026-04-03T10:00:00.000Z',
    endAt: '2026-04-03T11:00:00.000Z',
    location: 'London',
  });
  await ok('post', '/interactions/notes', {
    contactId,
    occurredAt: '2026-04-04T10:00:00.000Z',
    body: 'Prefers mornings',
  });
  await ok('post', `/interactions/${interactionId}/links`, { ticketId: openTicketId });

  return {
    pipelineId,
    accountId,
    contactId,
    campaignId,
    leadId,
    dealId,
    quoteId,
    ticketId,
    taskId,
    interactionId,
  };
};

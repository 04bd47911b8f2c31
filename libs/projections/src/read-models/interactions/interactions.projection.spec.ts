import { DomainEvent, EmailLogged, MeetingLogged } from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { InteractionDocument } from './interactions.document';
import { interactionExcerpt, interactionsProjection } from './interactions.projection';
import {
  interactionId,
  occurredAt,
  project,
  projectOne,
  callLogged,
  noteLogged,
  corrected,
} from './interactions.fixtures';

describe('interactions projection', () => {
  it('declares its collection, indexes and the interaction events it reads', () => {
    expect(interactionsProjection.name).toBe('interactions');
    expect(interactionsProjection.indexes).toEqual([
      { fields: ['tenantId', 'contactId', 'occurredAt'] },
      { fields: ['tenantId', 'contactId', 'channel', 'accountId'] },
      { fields: ['tenantId', 'accountId', 'occurredAt'] },
      { fields: ['tenantId', 'accountId', 'channel'] },
      { fields: ['tenantId', 'dealId'] },
      { fields: ['tenantId', 'ticketId'] },
    ]);
    expect([...interactionsProjection.handles].sort()).toEqual([
      'CallLogged',
      'EmailLogged',
      'InteractionLinksCorrected',
      'MeetingLogged',
      'NoteLogged',
    ]);
    expect(interactionsProjection.handles.has('TicketReplied')).toBe(false);
    expect(
      interactionsProjection.documentIds(
        projectedEvent<DomainEvent>({ type: 'ContactCreated', data: { contactId: 'c' } }),
      ),
    ).toEqual([]);
  });

  it('CallLogged creates a call with its links, direction, duration, outcome and summary', () => {
    expect(projectOne([callLogged()])).toEqual({
      _id: 'acme:interaction-1',
      tenantId: 'acme',
      interactionId,
      channel: 'call',
      contactId: 'contact-1',
      accountId: 'account-1',
      dealId: 'deal-1',
      occurredAt,
      direction: 'outbound',
      durationSeconds: 420,
      outcome: 'connected',
      excerpt: 'Walked through pricing; they want a 3-year option.',
    });
    const bare = projectOne([
      callLogged({ accountId: undefined, dealId: undefined, summary: undefined }),
    ]);
    expect(bare).not.toHaveProperty('accountId');
    expect(bare).not.toHaveProperty('dealId');
    expect(bare).not.toHaveProperty('ticketId');
    expect(bare).not.toHaveProperty('excerpt');
  });

  it('EmailLogged creates an email with its subject and body preview', () => {
    const logged = projectedEvent<EmailLogged>({
      type: 'EmailLogged',
      data: {
        interactionId,
        contactId: 'contact-1',
        ticketId: 'ticket-4',
        occurredAt,
        direction: 'inbound',
        subject: 'Re: invoice',
        bodyPreview: 'The VAT number is still wrong',
      },
    });
    expect(projectOne([logged])).toEqual({
      _id: 'acme:interaction-1',
      tenantId: 'acme',
      interactionId,
      channel: 'email',
      contactId: 'contact-1',
      ticketId: 'ticket-4',
      occurredAt,
      direction: 'inbound',
      subject: 'Re: invoice',
      excerpt: 'The VAT number is still wrong',
    });
  });

  it('MeetingLogged creates a meeting with its participants and times', () => {
    const logged = projectedEvent<MeetingLogged>({
      type: 'MeetingLogged',
      data: {
        interactionId,
        contactId: 'contact-1',
        accountId: 'account-1',
        occurredAt: '2026-01-20T09:00:00.000Z',
        subject: 'Quarterly review',
        participants: ['contact-1', 'user-7'],
        startAt: '2026-01-20T09:00:00.000Z',
        endAt: '2026-01-20T10:00:00.000Z',
        location: 'Room 4',
      },
    });
    expect(projectOne([logged])).toEqual({
      _id: 'acme:interaction-1',
      tenantId: 'acme',
      interactionId,
      channel: 'meeting',
      contactId: 'contact-1',
      accountId: 'account-1',
      occurredAt: '2026-01-20T09:00:00.000Z',
      subject: 'Quarterly review',
      participants: ['contact-1', 'user-7'],
      startAt: '2026-01-20T09:00:00.000Z',
      endAt: '2026-01-20T10:00:00.000Z',
      location: 'Room 4',
    });
  });

  it('NoteLogged creates a note with an excerpt of at most 500 characters', () => {
    expect(projectOne([noteLogged('Prefers calls after 3pm.')])).toEqual({
      _id: 'acme:interaction-1',
      tenantId: 'acme',
      interactionId,
      channel: 'note',
      contactId: 'contact-1',
      occurredAt,
      excerpt: 'Prefers calls after 3pm.',
    });
    const long = projectOne([noteLogged('x'.repeat(2000))]);
    expect(long?.channel === 'note' && long.excerpt).toBe('x'.repeat(500));
  });

  it('cuts excerpts at 500 characters without splitting an emoji', () => {
    expect(interactionExcerpt('a'.repeat(500))).toBe('a'.repeat(500));
    expect(interactionExcerpt(`${'a'.repeat(499)}😀tail`)).toBe('a'.repeat(499));
    expect(interactionExcerpt(`${'a'.repeat(498)}😀tail`)).toBe(`${'a'.repeat(498)}😀`);
    const call = projectOne([callLogged({ summary: 's'.repeat(501) })]);
    expect(call?.channel === 'call' && call.excerpt?.length).toBe(500);
  });

  it('InteractionLinksCorrected relinks, unlinks and leaves unnamed links alone', () => {
    const interaction = projectOne([
      callLogged(),
      corrected(
        { dealId: 'deal-2', accountId: null, ticketId: 'ticket-9' },
        { dealId: 'deal-1', accountId: 'account-1', ticketId: null },
      ),
    ]);
    expect(interaction).toMatchObject({
      contactId: 'contact-1',
      dealId: 'deal-2',
      ticketId: 'ticket-9',
      channel: 'call',
      excerpt: 'Walked through pricing; they want a 3-year option.',
    });
    expect(interaction).not.toHaveProperty('accountId');

    const dealOnly = projectOne([callLogged(), corrected({ dealId: null }, { dealId: 'deal-1' })]);
    expect(dealOnly).not.toHaveProperty('dealId');
    expect(dealOnly?.accountId).toBe('account-1');
  });

  it('InteractionLinksCorrected that changes nothing returns the current document', () => {
    const current = projectOne([callLogged()]) as InteractionDocument;
    const same = corrected({ dealId: 'deal-1', ticketId: null }, { dealId: 'deal-1' });
    expect(interactionsProjection.evolve(current, same, current._id)).toBe(current);
  });

  it('never mutates the current document and ignores corrections of unknown interactions', () => {
    const before = projectOne([callLogged()]) as InteractionDocument;
    const frozen = structuredClone(before);
    interactionsProjection.evolve(
      before,
      corrected(
        { accountId: null, dealId: 'deal-3' },
        { accountId: 'account-1', dealId: 'deal-1' },
      ),
      before._id,
    );
    expect(before).toEqual(frozen);
    expect(
      interactionsProjection.evolve(
        undefined,
        corrected({ dealId: 'deal-3' }, { dealId: null }),
        'acme:interaction-1',
      ),
    ).toBeUndefined();
  });

  it('keeps tenants apart, even for the same interaction id', () => {
    const documents = project([
      callLogged({}, { tenantId: 'acme' }),
      callLogged({ contactId: 'contact-77' }, { tenantId: 'globex' }),
      corrected({ dealId: null }, { dealId: 'deal-1' }, { tenantId: 'globex' }),
    ]);
    expect(
      interactionsProjection.documentIds(corrected({ dealId: null }, {}, { tenantId: 'globex' })),
    ).toEqual(['globex:interaction-1']);
    expect(documents.get('acme:interaction-1')).toMatchObject({
      tenantId: 'acme',
      dealId: 'deal-1',
    });
    expect(documents.get('globex:interaction-1')).toMatchObject({
      tenantId: 'globex',
      contactId: 'contact-77',
    });
    expect(documents.get('globex:interaction-1')).not.toHaveProperty('dealId');
  });
});

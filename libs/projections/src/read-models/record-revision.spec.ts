import { ContactCreated, ContactMerged, ContactUpdated, DomainEvent } from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { anyProjection, documentIdFor } from '../projection';
import { contactsProjection } from './contacts/contacts.projection';
import { isOwnRecordStream, withRecordRevision } from './record-revision';

const contacts = withRecordRevision('contact', anyProjection(contactsProjection));

/** An event of contact `contactId`'s stream at `revision`. */
const event = <E extends DomainEvent>(
  type: E['type'],
  data: E['data'],
  contactId: string,
  revision: bigint,
) => projectedEvent<E>({ type, data } as E, { streamName: `contact-acme.${contactId}`, revision });

const created = (contactId: string) =>
  event<ContactCreated>(
    'ContactCreated',
    { contactId, firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [] },
    contactId,
    0n,
  );

describe('record documents carry their stream revision', () => {
  it("takes the revision of each event of the record's own stream", () => {
    const id = documentIdFor('acme', 'c1');
    const first = contacts.evolve(undefined, created('c1'), id) ?? undefined;
    expect(first).toMatchObject({ revision: 0 });
    const renamed = event<ContactUpdated>(
      'ContactUpdated',
      { contactId: 'c1', lastName: 'King' },
      'c1',
      1n,
    );
    expect(contacts.evolve(first, renamed, id)).toMatchObject({ lastName: 'King', revision: 1 });
  });

  it("keeps the survivor's revision when another contact's stream merges into it", () => {
    const survivorId = documentIdFor('acme', 'keep');
    const survivor = contacts.evolve(undefined, created('keep'), survivorId) ?? undefined;
    const merged = event<ContactMerged>(
      'ContactMerged',
      { contactId: 'gone', survivorId: 'keep', mergedAt: '2026-01-02T00:00:00.000Z' },
      'gone',
      7n,
    );
    expect(contacts.evolve(survivor, merged, survivorId)).toMatchObject({
      revision: 0,
      mergedContactIds: ['gone'],
    });
  });

  it('names streams as the application does: <kind>-<tenant>.<record>', () => {
    expect(isOwnRecordStream('deal', 'deal-acme.d-1', 'acme:d-1')).toBe(true);
    expect(isOwnRecordStream('deal', 'deal-acme.d-1', 'acme:d-2')).toBe(false);
    expect(isOwnRecordStream('deal', 'lead-acme.d-1', 'acme:d-1')).toBe(false);
    expect(isOwnRecordStream('deal', 'deal-other.d-1', 'acme:d-1')).toBe(false);
  });
});

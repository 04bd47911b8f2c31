import { CONSENT_CHANNELS } from '@crm/domain';
import { GeneratorContext } from '../demo-world';
import { daysLater, HOUR } from '../time';
import { CONTACT_TAGS, emailOf, JOB_TITLES, personName, phoneNumber } from '../vocabulary';

/** People at every account, created soon after it, with consents, tags and profile changes. */
export const planContacts = ({ rng, plan, world, options }: GeneratorContext): void => {
  for (const account of world.accounts) {
    for (let i = 0; i < options.contactsPerAccount; i++) {
      const contactId = rng.uuid();
      const { firstName, lastName } = personName(rng);
      const email = emailOf(`${firstName}${i}`, lastName, account.domain);
      const title = rng.pick(JOB_TITLES);
      const ownerId = account.ownerId;
      let at = plan.add(account.at + rng.int(1, 24 * 30) * HOUR, ownerId, 'contact', contactId, {
        type: 'CreateContact',
        data: {
          contactId,
          firstName,
          lastName,
          emails: [{ address: email, label: 'work', primary: true }],
          phones: rng.chance(0.7) ? [{ number: phoneNumber(rng), label: 'work' }] : [],
          title,
          ownerId,
          accountId: account.id,
        },
      });
      world.contacts.push({
        id: contactId,
        at,
        accountId: account.id,
        firstName,
        lastName,
        email,
        ownerId,
      });

      const later = (): number => (at = at + daysLater(rng.int(1, 45), 9, rng.float()));
      if (rng.chance(0.5)) {
        plan.add(later(), ownerId, 'contact', contactId, {
          type: 'RecordContactConsent',
          data: {
            contactId,
            channel: rng.pick(CONSENT_CHANNELS),
            status: rng.chance(0.8) ? 'opted_in' : 'opted_out',
            source: rng.pick(['web-form', 'phone call', 'trade fair', 'email reply']),
          },
        });
      }
      if (rng.chance(0.4)) {
        plan.add(later(), ownerId, 'contact', contactId, {
          type: 'TagContact',
          data: { contactId, tag: rng.pick(CONTACT_TAGS) },
        });
      }
      if (rng.chance(0.2)) {
        plan.add(later(), ownerId, 'contact', contactId, {
          type: 'UpdateContact',
          data: { contactId, title: rng.pick(JOB_TITLES.filter((t) => t !== title)) },
        });
      }
      if (rng.chance(0.2)) {
        plan.add(later(), ownerId, 'contact', contactId, {
          type: 'SetContactCustomField',
          data: { contactId, key: 'preferredLanguage', value: rng.pick(['en', 'de', 'fr', 'pt']) },
        });
      }
    }
  }
};

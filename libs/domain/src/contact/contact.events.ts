import { Address, CustomFieldValue, DomainEvent, IsoDateTime } from '../shared';
import {
  ConsentChannel,
  ConsentStatus,
  ContactEmail,
  ContactOrigin,
  ContactPhone,
  SocialProfile,
} from './contact.commands';

export type ContactCreated = DomainEvent<
  'ContactCreated',
  {
    contactId: string;
    firstName: string;
    lastName: string;
    emails: ContactEmail[];
    phones: ContactPhone[];
    title?: string;
    socialProfiles?: SocialProfile[];
    address?: Address;
    ownerId?: string;
    accountId?: string;
    origin?: ContactOrigin;
  }
>;
/** Carries only the fields whose value changed. */
export type ContactUpdated = DomainEvent<
  'ContactUpdated',
  {
    contactId: string;
    firstName?: string;
    lastName?: string;
    emails?: ContactEmail[];
    phones?: ContactPhone[];
    /** `null` clears it; left out, it stays as it is. */
    title?: string | null;
    socialProfiles?: SocialProfile[];
    address?: Address | null;
  }
>;
export type ContactLinkedToAccount = DomainEvent<
  'ContactLinkedToAccount',
  { contactId: string; accountId: string; previousAccountId?: string }
>;
export type ContactUnlinkedFromAccount = DomainEvent<
  'ContactUnlinkedFromAccount',
  { contactId: string; accountId: string }
>;
export type ContactOwnerAssigned = DomainEvent<
  'ContactOwnerAssigned',
  { contactId: string; ownerId: string; previousOwnerId?: string }
>;
/** The contact's owner was cleared: nobody owns it now. */
export type ContactOwnerUnassigned = DomainEvent<
  'ContactOwnerUnassigned',
  { contactId: string; previousOwnerId: string }
>;
export type ContactTagged = DomainEvent<'ContactTagged', { contactId: string; tag: string }>;
export type ContactUntagged = DomainEvent<'ContactUntagged', { contactId: string; tag: string }>;
export type ContactCustomFieldSet = DomainEvent<
  'ContactCustomFieldSet',
  { contactId: string; key: string; value: CustomFieldValue }
>;
export type ContactConsentRecorded = DomainEvent<
  'ContactConsentRecorded',
  {
    contactId: string;
    channel: ConsentChannel;
    status: ConsentStatus;
    source: string;
    recordedAt: IsoDateTime;
  }
>;
export type ContactMerged = DomainEvent<
  'ContactMerged',
  { contactId: string; survivorId: string; mergedAt: IsoDateTime }
>;

export type ContactEvent =
  | ContactCreated
  | ContactUpdated
  | ContactLinkedToAccount
  | ContactUnlinkedFromAccount
  | ContactOwnerAssigned
  | ContactOwnerUnassigned
  | ContactTagged
  | ContactUntagged
  | ContactCustomFieldSet
  | ContactConsentRecorded
  | ContactMerged;

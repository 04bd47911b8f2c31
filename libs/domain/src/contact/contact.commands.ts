import { Address, Command, CustomFieldValue } from '../shared';

export type ContactEmail = { address: string; label?: string; primary?: boolean };
export type ContactPhone = { number: string; label?: string };
export type SocialProfile = { network: string; handle: string };
/** The lead a contact was converted from. */
export type ContactOrigin = { leadId: string };

export const CONSENT_CHANNELS = ['email', 'sms', 'phone', 'post', 'whatsapp'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_STATUSES = ['opted_in', 'opted_out'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export type CreateContact = Command<
  'CreateContact',
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
/** Fields left out (undefined) are not touched; lists given replace the whole list. */
export type UpdateContact = Command<
  'UpdateContact',
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
export type LinkContactToAccount = Command<
  'LinkContactToAccount',
  { contactId: string; accountId: string }
>;
export type UnlinkContactFromAccount = Command<'UnlinkContactFromAccount', { contactId: string }>;
/** `ownerId: null` clears the owner. */
export type AssignContactOwner = Command<
  'AssignContactOwner',
  { contactId: string; ownerId: string | null }
>;
export type TagContact = Command<'TagContact', { contactId: string; tag: string }>;
export type UntagContact = Command<'UntagContact', { contactId: string; tag: string }>;
export type SetContactCustomField = Command<
  'SetContactCustomField',
  { contactId: string; key: string; value: CustomFieldValue }
>;
export type RecordContactConsent = Command<
  'RecordContactConsent',
  { contactId: string; channel: ConsentChannel; status: ConsentStatus; source: string }
>;
/** `contactId` is the duplicate that disappears into `survivorId`. */
export type MergeContact = Command<'MergeContact', { contactId: string; survivorId: string }>;

export type ContactCommand =
  | CreateContact
  | UpdateContact
  | LinkContactToAccount
  | UnlinkContactFromAccount
  | AssignContactOwner
  | TagContact
  | UntagContact
  | SetContactCustomField
  | RecordContactConsent
  | MergeContact;

import {
  Address,
  ConsentChannel,
  ConsentStatus,
  ContactEmail,
  ContactOrigin,
  ContactPhone,
  CustomFieldValue,
  IsoDateTime,
  SocialProfile,
} from '@crm/domain';

/** The latest consent recorded on one channel. */
export type ContactConsentView = {
  status: ConsentStatus;
  source: string;
  recordedAt: IsoDateTime;
};

/** One contact, as a contact 360 view and contact lists read it. */
export type ContactDocument = {
  _id: string;
  tenantId: string;
  contactId: string;
  firstName: string;
  lastName: string;
  /** `firstName lastName`, trimmed. */
  fullName: string;
  /** `fullName` lower-cased, for prefix / substring search. */
  searchName: string;
  emails: ContactEmail[];
  /** Every address lower-cased and trimmed, each once (multikey index for look-up by email). */
  emailsLower: string[];
  /** The email marked primary, else the first one; absent when the contact has no email. */
  primaryEmail?: string;
  phones: ContactPhone[];
  title?: string;
  socialProfiles: SocialProfile[];
  address?: Address;
  ownerId?: string;
  accountId?: string;
  tags: string[];
  customFields: Record<string, CustomFieldValue>;
  /** The latest consent per channel; a channel never recorded is absent. */
  consents: Partial<Record<ConsentChannel, ContactConsentView>>;
  /** The lead this contact was converted from. */
  origin?: ContactOrigin;
  status: 'active' | 'merged';
  /** Set once merged: the contact that carries on. */
  survivorId?: string;
  mergedAt?: IsoDateTime;
  /** Contacts merged into this one (so a 360 view can gather their history too). */
  mergedContactIds: string[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  /** Search terms (`search-terms.ts`): a store field, never in an answer. */
  _search?: string[];
};

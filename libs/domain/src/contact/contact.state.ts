import { Address, CustomFieldValue, IsoDateTime } from '../shared';
import {
  ConsentChannel,
  ConsentStatus,
  ContactEmail,
  ContactOrigin,
  ContactPhone,
  SocialProfile,
} from './contact.commands';

export type ContactStatus = 'active' | 'merged';

/** The latest consent recorded on one channel. */
export type ContactConsent = { status: ConsentStatus; source: string; recordedAt: IsoDateTime };

export type ContactState =
  | { exists: false }
  | {
      exists: true;
      contactId: string;
      status: ContactStatus;
      /** Set once the contact has been merged into another one. */
      survivorId?: string;
      firstName: string;
      lastName: string;
      emails: readonly ContactEmail[];
      phones: readonly ContactPhone[];
      title?: string;
      socialProfiles: readonly SocialProfile[];
      address?: Address;
      ownerId?: string;
      accountId?: string;
      origin?: ContactOrigin;
      tags: readonly string[];
      customFields: Readonly<Record<string, CustomFieldValue>>;
      consents: Readonly<Partial<Record<ConsentChannel, ContactConsent>>>;
    };

export const initialContactState = (): ContactState => ({ exists: false });

import { Address, CustomFieldValue } from '../shared';
import { AccountSize } from './account.commands';

export type AccountStatus = 'active' | 'archived';

export type AccountState =
  | { exists: false }
  | {
      exists: true;
      accountId: string;
      status: AccountStatus;
      name: string;
      domain?: string;
      industry?: string;
      size?: AccountSize;
      address?: Address;
      ownerId?: string;
      tags: readonly string[];
      customFields: Readonly<Record<string, CustomFieldValue>>;
    };

export const initialAccountState = (): AccountState => ({ exists: false });

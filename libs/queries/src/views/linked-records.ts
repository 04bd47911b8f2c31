import { IsoDateTime } from '@crm/domain';
import { AccountDocument, LeadDocument } from '@crm/projections';
import { ReadCollections } from './read-model-collections';
import { ownDocument } from './tenant-documents';

/** The account a contact works for, in short. */
export type AccountSummary = { accountId: string; name: string; status: AccountDocument['status'] };

/** The lead a contact was converted from, with its score. */
export type LeadOrigin = {
  leadId: string;
  source: string;
  score: number;
  status: LeadDocument['status'];
  campaignId?: string;
  capturedAt: IsoDateTime;
  convertedAt?: IsoDateTime;
};

export const accountSummary = async (
  collections: ReadCollections,
  tenantId: string,
  accountId: string | undefined,
): Promise<AccountSummary | null> => {
  if (accountId === undefined) return null;
  const account = await ownDocument(await collections.accounts(), tenantId, accountId);
  return account === undefined
    ? null
    : { accountId: account.accountId, name: account.name, status: account.status };
};

export const leadOrigin = async (
  collections: ReadCollections,
  tenantId: string,
  leadId: string | undefined,
): Promise<LeadOrigin | null> => {
  if (leadId === undefined) return null;
  const lead = await ownDocument(await collections.leads(), tenantId, leadId);
  if (lead === undefined) return null;
  return {
    leadId: lead.leadId,
    source: lead.source,
    score: lead.score,
    status: lead.status,
    ...(lead.campaignId !== undefined && { campaignId: lead.campaignId }),
    capturedAt: lead.capturedAt,
    ...(lead.convertedAt !== undefined && { convertedAt: lead.convertedAt }),
  };
};

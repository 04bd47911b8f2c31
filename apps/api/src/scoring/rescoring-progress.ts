import { LeadDocument } from '@crm/projections';
import { ReadModels } from '@crm/queries';

/** How far a model version has got through the tenant's open leads. */
export type RescoringProgress = {
  version: number;
  total: number;
  done: number;
  status: 'running' | 'done';
};

const OPEN = { $in: ['new', 'qualified'] };

/**
 * Counted in the leads read model: every open lead, and those a version at least this one has
 * scored. The process rescores from the log and resumes from its checkpoint after a restart;
 * this only watches it.
 */
export const rescoringProgress = async (
  readModels: ReadModels,
  tenantId: string,
  version: number,
): Promise<RescoringProgress> => {
  const leads = await readModels.collection<LeadDocument>('leads');
  const [total, done] = await Promise.all([
    leads.count({ tenantId, status: OPEN }),
    leads.count({ tenantId, status: OPEN, scoringModelVersion: { $gte: version } }),
  ]);
  return { version, total, done, status: done >= total ? 'done' : 'running' };
};

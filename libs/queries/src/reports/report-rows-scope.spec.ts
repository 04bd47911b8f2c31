import { dealFiguresProjection } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { rowsAnswer } from './report-rows-scope';

/** Read models over a store that serves `active` for every projection. */
const servingGeneration = (active: string | undefined): ReadModels =>
  new ReadModels({ activeGeneration: async () => active } as unknown as DocumentStore);

describe('rowsAnswer', () => {
  const figures = [dealFiguresProjection];

  it('answers once the generation served was built with the version that keeps the rows', async () => {
    const version = dealFiguresProjection.version;
    expect(await rowsAnswer(servingGeneration(`deal-figures@v${version}.1`), 'deal', figures)).toBe(
      true,
    );
    expect(
      await rowsAnswer(servingGeneration(`deal-figures@v${version + 1}.4`), 'deal', figures),
    ).toBe(true);
  });

  it('does not while an older version is served (its rebuild not caught up), before any build, for a row rule or as of a past moment', async () => {
    const version = dealFiguresProjection.version;
    const current = servingGeneration(`deal-figures@v${version}.1`);
    expect(
      await rowsAnswer(servingGeneration(`deal-figures@v${version - 1}.7`), 'deal', figures),
    ).toBe(false);
    expect(await rowsAnswer(servingGeneration(undefined), 'deal', figures)).toBe(false);
    expect(
      await rowsAnswer(current.within({ filters: { deal: { ownerId: 'ann' } } }), 'deal', figures),
    ).toBe(false);
    expect(await rowsAnswer(current.asOf(new Date()), 'deal', figures)).toBe(false);
    expect(
      await rowsAnswer(
        current.within({ filters: { ticket: { priority: 'high' } } }),
        'deal',
        figures,
      ),
    ).toBe(true);
  });
});

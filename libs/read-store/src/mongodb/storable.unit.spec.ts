import { assertStorable, UnstorableDocumentError } from './storable';

const refusal = (document: Record<string, unknown>): UnstorableDocumentError | undefined => {
  try {
    assertStorable('contacts', { _id: 'c1', ...document });
    return undefined;
  } catch (error) {
    if (error instanceof UnstorableDocumentError) return error;
    throw error;
  }
};

describe('assertStorable', () => {
  it('accepts what every MongoDB-wire engine stores: nesting, arrays of objects, dates, null', () => {
    expect(
      refusal({
        name: 'Zoë',
        tags: ['a', 'b'],
        emails: [{ address: 'a@b', flags: [] }],
        when: new Date(0),
        nothing: null,
        deep: { er: { est: [1, { list: [2] }] } },
      }),
    ).toBeUndefined();
  });

  it.each([
    [{ grid: [[1]] }, 'grid[0]', /nested arrays/],
    [{ rows: [{ cells: [1, []] }] }, 'rows[0].cells[1]', /nested arrays/],
    [{ profile: { 'first.name': 'a' } }, 'profile.first.name', /contains "\."/],
    [{ $where: 1 }, '$where', /starts with "\$"/],
    [{ list: [{ $ref: 'x' }] }, 'list[0].$ref', /starts with "\$"/],
    [{ score: Number.NaN }, 'score', /not a finite number/],
    [{ at: { score: Number.NEGATIVE_INFINITY } }, 'at.score', /not a finite number/],
    [{ big: 1n }, 'big', /bigint/],
  ])('refuses %j at %s with a clear reason', (document, path, reason) => {
    const error = refusal(document);
    expect(error).toBeInstanceOf(UnstorableDocumentError);
    expect(error).toMatchObject({ collection: 'contacts', documentId: 'c1', path });
    expect(error?.message).toMatch(reason);
    expect(error?.message).toContain(`contacts/c1`);
  });
});

import { generationDocument, parseGeneration } from './generations';

describe('generations', () => {
  it('a pointer from the logical name to the physical collection, read back as is', () => {
    const stored = generationDocument('contacts', 'contacts@v2.1');
    expect(stored).toEqual({ _id: 'contacts', physical: 'contacts@v2.1' });
    expect(parseGeneration(stored)).toBe('contacts@v2.1');
  });

  it('undefined when never switched; a corrupt pointer is an error', () => {
    expect(parseGeneration(null)).toBeUndefined();
    expect(() => parseGeneration({ physical: 3 })).toThrow(/Corrupt generation/);
    expect(() => parseGeneration({ physical: '' })).toThrow(/Corrupt generation/);
    expect(() => parseGeneration({})).toThrow(/Corrupt generation/);
  });
});

/**
 * Orders strings by code unit, as the document stores sort them (not by locale): ISO times in
 * canonical UTC form then sort by time.
 */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

import { AccountSize } from './account.commands';

/** Smallest head count of each bracket, largest first; a count falls in the first it reaches. */
const BRACKET_FLOORS: ReadonlyArray<[number, AccountSize]> = [
  [5001, '5000+'],
  [1001, '1001-5000'],
  [201, '201-1000'],
  [51, '51-200'],
  [11, '11-50'],
  [1, '1-10'],
];

/** The head-count bracket of a company with `employees` people, or none below one. */
export const accountSizeFor = (employees: number): AccountSize | undefined =>
  BRACKET_FLOORS.find(([floor]) => employees >= floor)?.[1];

import { Transform } from 'class-transformer';

/**
 * Environment values arrive as text. These turn the accepted spellings into their typed value
 * and leave any other text as it was, so validation refuses it and the message quotes what was
 * actually given (`PORT="abc"`, not `PORT=NaN`).
 */
export const BooleanSetting = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

export const IntegerSetting = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
  );

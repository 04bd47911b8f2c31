import { CustomFieldValue } from '@crm/domain';
import { excerpt } from './timeline-wording';

/** Tags and custom fields read alike on every record that has them. */
export const tagLine = ({ tag }: { tag: string }): string => `Tag added: ${excerpt(tag, 60)}`;

export const untagLine = ({ tag }: { tag: string }): string => `Tag removed: ${excerpt(tag, 60)}`;

/**
 * The field's name only: personal data is masked by the name of the answer's field, and a
 * value inside a line would slip past that.
 */
export const customFieldLine = ({ key, value }: { key: string; value: CustomFieldValue }): string =>
  `Custom field ${value === null ? 'cleared' : 'set'}: ${excerpt(key, 60)}`;

import { Code, List, Text } from '@mantine/core';
import type { JournalEntry } from '../utils/journalTypes';
import { formatJournalValue } from '../utils/formatJournalValue';

export type JournalChangesProps = {
  changes: JournalEntry['changes'];
};

/** The changed fields of one entry as "field: old → new". */
export function JournalChanges({ changes }: JournalChangesProps) {
  if (changes.length === 0) return null;
  return (
    <List size="xs" spacing={2} listStyleType="none" withPadding={false}>
      {changes.map((change) => (
        <List.Item key={change.field}>
          <Text span size="xs" fw={600}>
            {change.field}:
          </Text>{' '}
          <Code>{formatJournalValue(change.oldValue)}</Code> →{' '}
          <Code>{formatJournalValue(change.newValue)}</Code>
        </List.Item>
      ))}
    </List>
  );
}

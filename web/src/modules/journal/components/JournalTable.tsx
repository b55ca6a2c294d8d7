import { Anchor, Code, Group, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { createCompanyTimeFormatter } from '../utils/createCompanyTimeFormatter';
import type { JournalEntry } from '../utils/journalTypes';
import { objectPage } from '../utils/objectPage';
import { JournalChanges } from './JournalChanges';

export type JournalTableProps = {
  entries: readonly JournalEntry[];
  timeZone: string;
  /** Narrows the journal to one object. */
  onFilterObject?: (objectType: string, objectId: string) => void;
};

/** Journal rows, newest first; times in the company time zone. */
export function JournalTable({ entries, timeZone, onFilterObject }: JournalTableProps) {
  const { t, i18n } = useTranslation();
  const formatTime = useMemo(
    () => createCompanyTimeFormatter(i18n.language, timeZone),
    [i18n.language, timeZone],
  );

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="journal-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('journal.column.time')}</Table.Th>
            <Table.Th>{t('journal.column.actor')}</Table.Th>
            <Table.Th>{t('journal.column.action')}</Table.Th>
            <Table.Th>{t('journal.column.object')}</Table.Th>
            <Table.Th>{t('journal.column.summary')}</Table.Th>
            <Table.Th>{t('journal.column.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr
              key={entry.seq}
              data-testid="journal-row"
              data-seq={entry.seq}
              data-action={entry.action}
            >
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.actor?.name ?? entry.actorLabel ?? t('journal.system')}</Text>
                {entry.actor && (
                  <Text size="xs" c="dimmed">
                    {entry.actor.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.objectType}</Text>
                {entry.objectId && (
                  <Group gap={4} wrap="nowrap">
                    <Anchor
                      component="button"
                      type="button"
                      size="xs"
                      c="dimmed"
                      maw={140}
                      style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                      title={t('journal.filterObject', { id: entry.objectId })}
                      onClick={() => onFilterObject?.(entry.objectType, entry.objectId!)}
                      data-testid="journal-object-filter"
                    >
                      {entry.objectId}
                    </Anchor>
                    {objectPage(entry.objectType, entry.objectId) && (
                      <Anchor component={Link} to={objectPage(entry.objectType, entry.objectId)!} size="xs" data-testid="journal-object-link">
                        {t('journal.open')}
                      </Anchor>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{entry.summary}</Text>
              </Table.Td>
              <Table.Td>
                <JournalChanges changes={entry.changes} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

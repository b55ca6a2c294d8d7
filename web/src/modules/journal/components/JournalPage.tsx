import { Alert, Anchor, Button, Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useJournalEntries } from '../hooks/useJournalEntries';
import { useJournalSearch } from '../hooks/useJournalSearch';
import { journalPageSize } from '../utils/journalPageSize';
import { JournalFilters } from './JournalFilters';
import { JournalTable } from './JournalTable';

/** The audit journal: filterable, paged, and live. */
export function JournalPage() {
  const { t } = useTranslation();
  const { timeZone } = useAppInfo();
  const { search, setSearch } = useJournalSearch();
  const { journal, loading, error, refetch, newOnFirstPage } = useJournalEntries(search, timeZone);
  const pageCount = journal ? Math.max(1, Math.ceil(journal.total / journalPageSize)) : 1;

  return (
    <Stack data-testid="journal-page">
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('journal.title')}</Title>
        <Group gap="xs">
          {loading && <Loader size="xs" />}
          {journal && (
            <Text c="dimmed" size="sm" data-testid="journal-total">
              {t('journal.total', { count: journal.total })}
            </Text>
          )}
        </Group>
      </Group>
      <JournalFilters search={search} onChange={setSearch} />
      {error && (
        <Alert color="red" role="alert">
          {t('journal.loadFailed', { message: error.message })}{' '}
          <Button size="compact-xs" variant="white" color="red" onClick={() => void refetch()}>
            {t('app.retry')}
          </Button>
        </Alert>
      )}
      {newOnFirstPage > 0 && (
        <Anchor component="button" type="button" onClick={() => setSearch({ page: 1 })} size="sm">
          {t('journal.newOnFirstPage', { count: newOnFirstPage })}
        </Anchor>
      )}
      {journal && journal.entries.length === 0 && !loading && (
        <Text c="dimmed">{t('journal.empty')}</Text>
      )}
      {journal && journal.entries.length > 0 && (
        <JournalTable
          entries={journal.entries}
          timeZone={timeZone}
          onFilterObject={(objectType, objectId) => setSearch({ objectType, objectId })}
        />
      )}
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={Math.min(search.page, pageCount)}
          onChange={(page) => setSearch({ page })}
          data-testid="journal-pagination"
        />
      )}
    </Stack>
  );
}

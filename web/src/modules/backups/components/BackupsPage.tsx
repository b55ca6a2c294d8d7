import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { useBackups } from '../hooks/useBackups';
import { backupDownloadUrl } from '../utils/backupDownloadUrl';
import { formatBytes } from '../utils/formatBytes';

/** Settings → Backups: make a backup now and download the ones on the server. */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const { backups, loading, error, runBackup, running } = useBackups();
  const [made, setMade] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const dateTime = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const numbers = new Intl.NumberFormat(i18n.language);

  async function onRun() {
    setFailure(null);
    setMade(null);
    try {
      const file = await runBackup();
      setMade(file.name);
    } catch (runError) {
      setFailure(getErrorCode(runError) === 'FORBIDDEN' ? t('backups.forbidden') : t('backups.failed'));
    }
  }

  return (
    <Stack gap="md" data-testid="backups-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={2}>{t('backups.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('backups.intro')}
          </Text>
        </Stack>
        <Button onClick={() => void onRun()} loading={running} data-testid="backups-run">
          {t('backups.run')}
        </Button>
      </Group>
      {made && (
        <Alert color="green" data-testid="backups-made">
          {t('backups.made', { name: made })}
        </Alert>
      )}
      {failure && (
        <Alert color="red" data-testid="backups-error">
          {failure}
        </Alert>
      )}
      {error && <Alert color="red">{t('backups.loadFailed', { message: error.message })}</Alert>}
      {!loading && backups.length === 0 && !error && <Text data-testid="backups-empty">{t('backups.empty')}</Text>}
      {backups.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="backups-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backups.fields.name')}</Table.Th>
                <Table.Th>{t('backups.fields.createdAt')}</Table.Th>
                <Table.Th>{t('backups.fields.size')}</Table.Th>
                <Table.Th>{t('backups.fields.rows')}</Table.Th>
                <Table.Th>{t('backups.fields.version')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((backup) => (
                <Table.Tr key={backup.name} data-testid="backup-row" data-name={backup.name}>
                  <Table.Td>
                    <Anchor href={backupDownloadUrl(backup.name)} download={backup.name} data-testid="backup-download">
                      {backup.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime.format(new Date(backup.createdAt))}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(backup.sizeBytes, i18n.language)}</Table.Td>
                  <Table.Td>{t('backups.rows', { count: backup.rowCount, formatted: numbers.format(backup.rowCount), tables: backup.tableCount })}</Table.Td>
                  <Table.Td>{backup.appVersion}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="sm" c="dimmed">
        {t('backups.restoreHint')}
      </Text>
    </Stack>
  );
}

import { Alert, Badge, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PreviewRow {
  row: number;
  code: string;
  name: string;
  action: 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';
  changes: string[];
  errors: string[];
}
interface Preview {
  committed: boolean;
  rows: PreviewRow[];
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

const ACTION_COLOR: Record<PreviewRow['action'], string> = { CREATE: 'teal', UPDATE: 'blue', UNCHANGED: 'gray', ERROR: 'red' };

async function send(file: File, commit: boolean): Promise<Preview> {
  const response = await fetch(`/api/import/equipment${commit ? '?commit=1' : ''}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
  const body = (await response.json()) as Preview & { errors?: Array<{ message: string; extensions?: { preview?: Preview } }> };
  if (!response.ok) {
    const error = Array.isArray(body.errors) ? body.errors[0] : undefined;
    throw Object.assign(new Error(error?.message ?? response.statusText), { preview: error?.extensions?.preview });
  }
  return body;
}

/** The import wizard: choose an .xlsx, see every row's action and errors, then import all of it (or nothing). */
export function ImportTab() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(commit: boolean) {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await send(file, commit));
    } catch (caught) {
      setFailure((caught as Error).message);
      const refused = (caught as { preview?: Preview }).preview;
      if (refused) setPreview(refused);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {t('equipment.import.hint')}
      </Text>
      <Group align="flex-end">
        <FileInput label={t('equipment.import.file')} accept=".xlsx" value={file} onChange={(next) => (setFile(next), setPreview(null))} w={320} data-testid="import-file" />
        <Button onClick={() => void run(false)} disabled={!file} loading={busy} variant="light" data-testid="import-preview">
          {t('equipment.import.preview')}
        </Button>
        <Button onClick={() => void run(true)} disabled={!preview || preview.errors > 0 || preview.committed} loading={busy} data-testid="import-commit">
          {t('equipment.import.commit')}
        </Button>
      </Group>
      {failure && <Alert color="red">{failure}</Alert>}
      {preview && (
        <>
          <Alert color={preview.committed ? 'teal' : preview.errors ? 'orange' : 'blue'} data-testid="import-summary">
            {t(preview.committed ? 'equipment.import.done' : 'equipment.import.summary', { created: preview.created, updated: preview.updated, unchanged: preview.unchanged, errors: preview.errors })}
          </Alert>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('equipment.fields.code')}</Table.Th>
                <Table.Th>{t('equipment.fields.name')}</Table.Th>
                <Table.Th />
                <Table.Th>{t('equipment.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  <Table.Td>{row.code}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>
                    <Badge color={ACTION_COLOR[row.action]}>{t(`equipment.import.action.${row.action}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={row.errors.length ? 'red' : 'dimmed'}>
                      {[...row.errors, ...row.changes].join('; ')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}

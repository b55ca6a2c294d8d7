import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CheckInMutation, CheckOutMutation, WarehouseSheetQuery } from '../graphql/warehouseDocuments';
import { cameraScanningSupported, useCameraScanner } from '../hooks/useCameraScanner';
import { scanFeedback } from '../utils/scanFeedback';

interface ScanLogEntry {
  id: number;
  ok: boolean;
  text: string;
  refusal?: string;
}

/**
 * The warehouse page of an event (`/events/:id/warehouse`): scan label after label — with the
 * camera where the browser can, or a keyboard-wedge scanner / typing into the field anywhere —
 * each scan validated against the packing list as it arrives, with colour and sound.
 */
export function WarehousePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [mode, setMode] = useState<'out' | 'in'>('out');
  const [code, setCode] = useState('');
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  const counter = useRef(0);
  const { data, loading, error, client } = useQuery(WarehouseSheetQuery, { variables: { eventId: id }, fetchPolicy: 'cache-and-network' });
  const [checkOut] = useMutation(CheckOutMutation);
  const [checkIn] = useMutation(CheckInMutation);

  async function submit(text: string) {
    const scanned = text.trim();
    if (!scanned) return;
    const entryId = ++counter.current;
    try {
      const variables = { input: { eventId: id, code: scanned } };
      const result = mode === 'out' ? (await checkOut({ variables })).data?.checkOutEquipment : (await checkIn({ variables })).data?.checkInEquipment;
      if (result) client.writeQuery({ query: WarehouseSheetQuery, variables: { eventId: id }, data: { warehouseSheet: result.sheet } });
      scanFeedback(true);
      setLog((entries) => [{ id: entryId, ok: true, text: result?.message ?? scanned }, ...entries].slice(0, 50));
    } catch (caught) {
      const graphQLError = (caught as { errors?: Array<{ message: string; extensions?: { refusal?: string } }> }).errors?.[0];
      scanFeedback(false);
      setLog((entries) => [{ id: entryId, ok: false, text: graphQLError?.message ?? (caught as Error).message, refusal: graphQLError?.extensions?.refusal }, ...entries].slice(0, 50));
    }
  }

  const camera = useCameraScanner((scanned) => void submit(scanned));
  const sheet = data?.warehouseSheet;

  return (
    <Stack data-testid="warehouse-page">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>{t('equipment.warehouse.title')}</Title>
          {sheet && (
            <Anchor component={Link} to={`/events/${sheet.event.id}`}>
              {sheet.event.title} · {sheet.event.startDate}
            </Anchor>
          )}
        </Stack>
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value as 'out' | 'in')}
          data={[
            { value: 'out', label: t('equipment.warehouse.checkOut') },
            { value: 'in', label: t('equipment.warehouse.checkIn') },
          ]}
          data-testid="warehouse-mode"
        />
      </Group>
      {error && <Alert color="red">{error.message}</Alert>}
      <Card withBorder>
        <Stack gap="xs">
          <form
            onSubmit={(formEvent) => {
              formEvent.preventDefault();
              const text = code;
              setCode('');
              void submit(text);
            }}
          >
            <TextInput
              label={t('equipment.warehouse.scanField')}
              description={t('equipment.warehouse.scanHint')}
              value={code}
              onChange={(changeEvent) => setCode(changeEvent.currentTarget.value)}
              autoFocus
              autoComplete="off"
              data-testid="warehouse-scan-input"
            />
          </form>
          {cameraScanningSupported() ? (
            <Group>
              {camera.active ? (
                <Button variant="light" onClick={camera.stop} data-testid="warehouse-camera-stop">
                  {t('equipment.warehouse.cameraStop')}
                </Button>
              ) : (
                <Button variant="light" onClick={() => void camera.start()} data-testid="warehouse-camera-start">
                  {t('equipment.warehouse.cameraStart')}
                </Button>
              )}
            </Group>
          ) : (
            <Text size="xs" c="dimmed">
              {t('equipment.warehouse.cameraUnsupported')}
            </Text>
          )}
          {camera.error && <Alert color="red">{camera.error}</Alert>}
          <video ref={camera.videoRef} muted playsInline style={{ width: '100%', maxWidth: 420, display: camera.active ? 'block' : 'none', borderRadius: 8 }} />
        </Stack>
      </Card>
      <Stack gap={4} data-testid="warehouse-log">
        {log.map((entry) => (
          <Alert key={entry.id} color={entry.ok ? 'teal' : 'red'} py={6} data-testid="warehouse-log-entry" data-ok={entry.ok} data-refusal={entry.refusal ?? ''}>
            <Text span fw={700}>
              {entry.ok ? t('equipment.warehouse.accepted') : entry.refusal ? t(`equipment.refusal.${entry.refusal}`) : t('equipment.warehouse.failed')}
            </Text>{' '}
            {entry.text}
          </Alert>
        ))}
      </Stack>
      {loading && !sheet && <Loader />}
      {sheet && (
        <Table data-testid="warehouse-sheet">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('equipment.fields.name')}</Table.Th>
              <Table.Th>{t('equipment.warehouse.planned')}</Table.Th>
              <Table.Th>{t('equipment.warehouse.out')}</Table.Th>
              <Table.Th>{t('equipment.warehouse.returned')}</Table.Th>
              <Table.Th>{t('equipment.warehouse.outstanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheet.lines.map((line) => (
              <Table.Tr key={line.item.id} data-testid="warehouse-line" data-item={line.item.code} data-out={line.out} data-returned={line.returned}>
                <Table.Td>
                  {line.item.name}
                  {line.units.length > 0 && (
                    <Group gap={4} mt={2}>
                      {line.units.map((u) => (
                        <Badge key={u.unit.id} size="xs" variant={u.out ? 'filled' : 'outline'} color={u.out ? 'blue' : 'gray'}>
                          {u.unit.serial}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>{line.planned}</Table.Td>
                <Table.Td>{line.out}</Table.Td>
                <Table.Td>
                  {line.returned}
                  {line.damaged > 0 && <Text span c="orange"> ({t('equipment.warehouse.damaged', { count: line.damaged })})</Text>}
                  {line.missing > 0 && <Text span c="red"> ({t('equipment.warehouse.missing', { count: line.missing })})</Text>}
                </Table.Td>
                <Table.Td>{line.outstanding}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenRepairMutation } from '../graphql/catalogueQueries';

export type ReportFaultFormProps = {
  unitId?: string;
  itemId?: string;
  onReported(): void;
};

/** Report a fault: it opens a repair ticket, routed to the responsible person. */
export function ReportFaultForm({ unitId, itemId, onReported }: ReportFaultFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problemKind, setProblemKind] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [open] = useMutation(OpenRepairMutation);
  return (
    <Stack gap="xs" data-testid="report-fault">
      <Group align="flex-end">
        <TextInput label={t('equipment.repairs.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required />
        <TextInput label={t('equipment.rules.problemKind')} placeholder="electrical" value={problemKind} onChange={(e) => setProblemKind(e.currentTarget.value)} required />
        <Button
          color="orange"
          disabled={!reason.trim() || !problemKind.trim()}
          onClick={async () => {
            try {
              const done = await open({ variables: { input: { unitId: unitId ?? null, itemId: itemId ?? null, quantity: 1, reason, problemKind } } });
              setResult({ ok: true, text: t('equipment.repairs.reported', { name: done.data?.openRepair.responsible?.name ?? '—' }) });
              setReason('');
              onReported();
            } catch (caught) {
              setResult({ ok: false, text: (caught as Error).message });
            }
          }}
        >
          {t('equipment.repairs.report')}
        </Button>
      </Group>
      {result && <Alert color={result.ok ? 'teal' : 'red'}>{result.text}</Alert>}
    </Stack>
  );
}

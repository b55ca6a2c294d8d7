import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type EventFactProps = {
  label: string;
  children: ReactNode;
  testId: string;
};

/** One labelled fact of the event (client, venue, manager…); a dash when empty. */
export function EventFact({ label, children, testId }: EventFactProps) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap' }}>
        {children ?? '—'}
      </Text>
    </Stack>
  );
}

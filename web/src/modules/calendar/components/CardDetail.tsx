import { Group, Text } from '@mantine/core';

export type CardDetailProps = {
  label: string;
  value: string;
  testId: string;
};

/** One labelled line of the hover card. */
export function CardDetail({ label, value, testId }: CardDetailProps) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="xs" c="dimmed" w={84} style={{ flex: 'none' }}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </Group>
  );
}

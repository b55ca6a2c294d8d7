import { Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type ReportTableProps = {
  title: string;
  testId: string;
  columns: readonly string[];
  /** Each row: a key and its cells; cells after the first are numbers, right-aligned. */
  rows: ReadonlyArray<{ key: string; cells: readonly ReactNode[] }>;
};

/** One report as a table: a name column, then figures. */
export function ReportTable({ title, testId, columns, rows }: ReportTableProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={4} data-testid={testId}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column, index) => (
                  <Table.Th key={column} ta={index === 0 ? undefined : 'right'}>
                    {column}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key} data-testid={`${testId}-row`}>
                  {row.cells.map((cell, index) => (
                    <Table.Td key={index} ta={index === 0 ? undefined : 'right'} data-column={columns[index]}>
                      {cell}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

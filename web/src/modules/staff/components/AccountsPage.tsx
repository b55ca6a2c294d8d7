import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { useAccounts } from '../hooks/useAccounts';
import type { Account, AccountFormValues } from '../utils/staffTypes';
import { AccountDialog } from './AccountDialog';
import { OneTimePasswordModal } from './OneTimePasswordModal';
import { ResetPasswordDialog } from './ResetPasswordDialog';

/** Staff accounts (`staff:manage`): create, edit, deactivate and reactivate, reset passwords. */
export function AccountsPage() {
  const { t } = useTranslation();
  const { defaultLanguage } = useAppInfo();
  const staff = useAccounts();
  const [editing, setEditing] = useState<Account | null | 'new'>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [password, setPassword] = useState<{ name: string; email: string; password: string } | null>(null);

  async function save(values: AccountFormValues) {
    if (editing === 'new') {
      const created = await staff.createAccount(values);
      setEditing(null);
      if (created.oneTimePassword) setPassword({ name: created.user.name, email: created.user.email, password: created.oneTimePassword });
    } else if (editing) {
      await staff.updateAccount(editing, values);
      setEditing(null);
      notifications.show({ color: 'green', message: t('staff.saved') });
    }
  }

  async function toggleActive(account: Account) {
    try {
      await staff.setActive(account, !account.active);
    } catch (error) {
      notifications.show({ color: 'red', message: (error as Error).message });
    }
  }

  return (
    <Stack data-testid="accounts-page">
      <Group justify="space-between">
        <Title order={2}>{t('staff.title')}</Title>
        <Group gap="xs">
          {staff.loading && <Loader size="xs" />}
          <Button onClick={() => setEditing('new')} data-testid="account-new">
            {t('staff.new')}
          </Button>
        </Group>
      </Group>
      {staff.error && (
        <Alert color="red" role="alert">
          {staff.error.message}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover data-testid="accounts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.field.name')}</Table.Th>
              <Table.Th>{t('staff.field.email')}</Table.Th>
              <Table.Th>{t('staff.field.phone')}</Table.Th>
              <Table.Th>{t('staff.field.role')}</Table.Th>
              <Table.Th>{t('staff.field.language')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {staff.accounts.map((account) => (
              <Table.Tr key={account.id} data-testid={`account-row-${account.email}`} style={account.active ? undefined : { opacity: 0.6 }}>
                <Table.Td>
                  <Group gap={6}>
                    <Text size="sm">{account.name}</Text>
                    {!account.active && (
                      <Badge color="gray" size="xs">
                        {t('staff.inactive')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{account.email}</Table.Td>
                <Table.Td>{account.phone ?? '—'}</Table.Td>
                <Table.Td>{account.role.name}</Table.Td>
                <Table.Td>{account.language}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="light" onClick={() => setEditing(account)} data-testid="account-edit">
                      {t('staff.edit')}
                    </Button>
                    <Button size="compact-xs" variant="light" onClick={() => setResetting(account)} data-testid="account-reset">
                      {t('staff.resetPassword')}
                    </Button>
                    <Button size="compact-xs" variant="light" color={account.active ? 'red' : 'green'} onClick={() => void toggleActive(account)} data-testid="account-toggle-active">
                      {account.active ? t('staff.deactivate') : t('staff.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AccountDialog
        opened={editing !== null}
        account={editing === 'new' ? null : editing}
        roles={staff.roles}
        defaultLanguage={defaultLanguage}
        saving={staff.saving}
        onSubmit={save}
        onClose={() => setEditing(null)}
      />
      <ResetPasswordDialog
        account={resetting}
        onClose={() => setResetting(null)}
        onReset={async (account, chosen) => {
          const generated = await staff.resetPassword(account, chosen);
          setResetting(null);
          if (generated) setPassword({ name: account.name, email: account.email, password: generated });
          else notifications.show({ color: 'green', message: t('staff.reset.done', { name: account.name }) });
        }}
      />
      <OneTimePasswordModal shown={password} onClose={() => setPassword(null)} />
    </Stack>
  );
}

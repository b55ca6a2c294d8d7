import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { demoAccounts, type DemoAccount } from '../utils/demoAccounts';

export type DemoAccountListProps = {
  password: string;
  onPick: (account: DemoAccount) => void;
};

/** The demo accounts, shown on the login page in demo mode; picking one fills the form. */
export function DemoAccountList({ password, onPick }: DemoAccountListProps) {
  const { t } = useTranslation();

  return (
    <Paper withBorder p="md" radius="md" data-testid="demo-accounts">
      <Stack gap="xs">
        <Title order={4}>{t('login.demoTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('login.demoHint', { password })}
        </Text>
        {demoAccounts.map((account) => (
          <Button
            key={account.key}
            variant="light"
            justify="space-between"
            fullWidth
            rightSection={
              <Text span size="xs" c="dimmed">
                {t(`login.demoRole.${account.key}`)}
              </Text>
            }
            onClick={() => onPick(account)}
            data-testid={`demo-account-${account.key}`}
          >
            {account.email}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}

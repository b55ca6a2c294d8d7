import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../hooks/useViewer';
import { hasPermission } from '../utils/hasPermission';

export type RequirePermissionProps = {
  permission: string;
  children: ReactNode;
};

/** Renders `children` only when the viewer holds `permission`; otherwise a plain "no access". */
export function RequirePermission({ permission, children }: RequirePermissionProps) {
  const { t } = useTranslation();
  const viewer = useViewer();

  if (!hasPermission(viewer.permissions, permission)) {
    return (
      <Stack gap="xs" data-testid="forbidden">
        <Title order={2}>{t('forbidden.title')}</Title>
        <Text>{t('forbidden.body')}</Text>
      </Stack>
    );
  }
  return children;
}

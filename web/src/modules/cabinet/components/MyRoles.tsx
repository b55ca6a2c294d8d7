import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyRole } from '../utils/myRolesOn';

export type MyRolesProps = {
  roles: readonly MyRole[];
};

/** My roles on an event, as one line: "Sound, senior engineer". */
export function MyRoles({ roles }: MyRolesProps) {
  const { t } = useTranslation();
  const names = roles.map((role) => (role.kind === 'crew' ? role.name : t(`cabinetEvents.role.${role.kind}`)));

  return (
    <Text size="sm" data-testid="my-event-role">
      {t('cabinetEvents.myRole', { roles: names.join(', ') })}
    </Text>
  );
}

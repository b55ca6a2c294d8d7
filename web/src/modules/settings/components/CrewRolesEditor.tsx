import { Alert, Badge, Button, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useCrewRolesCatalogue } from '../hooks/useCrewRolesCatalogue';

/** The crew roles catalogue: add, rename, retire or bring back; delete only what was never used. */
export function CrewRolesEditor() {
  const { t } = useTranslation();
  const catalogue = useCrewRolesCatalogue();
  const [names, setNames] = useState<Record<string, string>>({});
  const [newName, setNewName] = useState('');
  const [failure, setFailure] = useState('');

  async function run(action: () => Promise<void>) {
    setFailure('');
    try {
      await action();
    } catch (error) {
      const fields = getFieldErrors(error);
      setFailure(fields.name ?? (error as Error).message);
    }
  }

  return (
    <Stack gap="sm" data-testid="crew-roles-editor">
      <Title order={4}>{t('settings.crewRoles.title')}</Title>
      <Table>
        <Table.Tbody>
          {catalogue.crewRoles.map((role) => {
            const name = names[role.id] ?? role.name;
            return (
              <Table.Tr key={role.id} data-testid={`crew-role-${role.name}`}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <TextInput size="xs" value={name} onChange={(e) => setNames({ ...names, [role.id]: e.currentTarget.value })} aria-label={t('settings.crewRoles.name')} />
                    {role.retired && (
                      <Badge color="gray" size="xs">
                        {t('settings.crewRoles.retired')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="light" disabled={!name.trim() || name.trim() === role.name} onClick={() => void run(() => catalogue.rename(role.id, name))}>
                      {t('settings.crewRoles.rename')}
                    </Button>
                    <Button size="compact-xs" variant="light" color="gray" onClick={() => void run(() => catalogue.setRetired(role.id, !role.retired))} data-testid="crew-role-retire">
                      {role.retired ? t('settings.crewRoles.restore') : t('settings.crewRoles.retire')}
                    </Button>
                    <Button size="compact-xs" variant="light" color="red" onClick={() => void run(() => catalogue.remove(role.id))} data-testid="crew-role-delete">
                      {t('settings.crewRoles.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <TextInput placeholder={t('settings.crewRoles.newName')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} data-testid="crew-role-new-name" />
        <Button
          disabled={!newName.trim()}
          onClick={() =>
            void run(async () => {
              await catalogue.create(newName);
              setNewName('');
            })
          }
          data-testid="crew-role-add"
        >
          {t('settings.crewRoles.add')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="crew-role-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

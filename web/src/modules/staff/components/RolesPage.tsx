import { Alert, Button, Grid, Group, Loader, NavLink, Paper, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useRoles } from '../hooks/useRoles';
import { RoleEditor } from './RoleEditor';

/** The roles editor (`role:manage`): roles on the left, the chosen one's permissions on the right. */
export function RolesPage() {
  const { t } = useTranslation();
  const editor = useRoles();
  const [params, setParams] = useSearchParams();
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState('');
  const selectedId = params.get('role') ?? editor.roles[0]?.role.id;
  const selected = editor.roles.find((r) => r.role.id === selectedId);
  const select = (id: string) => setParams({ role: id }, { replace: true });

  async function create() {
    setNewError('');
    try {
      const role = await editor.createRole(newName);
      setNewName('');
      select(role.id);
    } catch (error) {
      setNewError(getFieldErrors(error).name ?? (error as Error).message);
    }
  }

  return (
    <Stack data-testid="roles-page">
      <Group justify="space-between">
        <Title order={2}>{t('roles.title')}</Title>
        {editor.loading && <Loader size="xs" />}
      </Group>
      {editor.error && (
        <Alert color="red" role="alert">
          {editor.error.message}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Stack gap="xs">
            <Paper withBorder>
              {editor.roles.map(({ role, memberCount }) => (
                <NavLink
                  key={role.id}
                  label={role.name}
                  description={t('roles.members', { count: memberCount })}
                  active={role.id === selectedId}
                  onClick={() => select(role.id)}
                  data-testid={`role-${role.name}`}
                />
              ))}
            </Paper>
            <Group gap="xs" align="flex-start">
              <TextInput placeholder={t('roles.newName')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} error={newError} style={{ flex: 1 }} data-testid="role-new-name" />
              <Button disabled={!newName.trim()} onClick={() => void create()} data-testid="role-create">
                {t('roles.create')}
              </Button>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          {selected && (
            <Paper withBorder p="md">
              <RoleEditor
                summary={selected}
                catalogue={editor.catalogue}
                saving={editor.saving}
                onSave={async (name, permissions) => {
                  await editor.updateRole(selected.role.id, selected.role.version, name, permissions);
                  notifications.show({ color: 'green', message: t('roles.saved', { name: name.trim() }) });
                }}
                onDelete={async () => {
                  await editor.deleteRole(selected.role.id);
                  setParams({}, { replace: true });
                  notifications.show({ color: 'green', message: t('roles.deleted', { name: selected.role.name }) });
                }}
              />
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

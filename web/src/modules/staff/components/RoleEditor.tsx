import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { groupPermissionsByArea } from '../utils/groupPermissionsByArea';
import type { CatalogueEntry, RoleSummary } from '../utils/staffTypes';

export type RoleEditorProps = {
  summary: RoleSummary;
  catalogue: readonly CatalogueEntry[];
  saving: boolean;
  onSave: (name: string, permissions: string[]) => Promise<void>;
  onDelete: () => Promise<void>;
};

/** One role: its name and its permissions, chosen from the catalogue grouped by area, each with what it allows. */
export function RoleEditor({ summary, catalogue, saving, onSave, onDelete }: RoleEditorProps) {
  const { t } = useTranslation();
  const { role, memberCount } = summary;
  const [name, setName] = useState(role.name);
  const [permissions, setPermissions] = useState<string[]>(role.permissions);
  const [failure, setFailure] = useState('');
  const [nameError, setNameError] = useState('');

  useEffect(() => {
    setName(role.name);
    setPermissions(role.permissions);
    setFailure('');
    setNameError('');
  }, [role.id, role.version, role.name, role.permissions]);

  const dirty = name.trim() !== role.name || [...permissions].sort().join() !== [...role.permissions].sort().join();

  async function run(action: () => Promise<void>) {
    setFailure('');
    setNameError('');
    try {
      await action();
    } catch (error) {
      const fields = getFieldErrors(error);
      if (fields.name) setNameError(fields.name);
      else setFailure(getErrorCode(error) === 'CONFLICT' && !/used by/.test((error as Error).message) ? t('staff.form.stale') : (error as Error).message);
    }
  }

  return (
    <Stack gap="sm" data-testid="role-editor">
      <Group justify="space-between" align="flex-end">
        <TextInput label={t('roles.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError} w={280} data-testid="role-name" />
        <Text size="sm" c="dimmed" data-testid="role-members">
          {t('roles.members', { count: memberCount })}
        </Text>
      </Group>
      {groupPermissionsByArea(catalogue).map(({ area, permissions: inArea }) => (
        <Stack key={area} gap={6}>
          <Title order={5}>{t(`roles.area.${area}`, { defaultValue: area })}</Title>
          {inArea.map((permission) => (
            <Checkbox
              key={permission.key}
              checked={permissions.includes(permission.key)}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setPermissions((current) => (checked ? [...current, permission.key] : current.filter((p) => p !== permission.key)));
              }}
              label={permission.key}
              description={t(`roles.permission.${permission.key.replace(':', '_')}`, { defaultValue: permission.description })}
              data-testid={`permission-${permission.key}`}
            />
          ))}
        </Stack>
      ))}
      {failure && (
        <Alert color="red" role="alert" data-testid="role-error">
          {failure}
        </Alert>
      )}
      <Group gap="xs">
        <Button disabled={!dirty} loading={saving} onClick={() => void run(() => onSave(name, permissions))} data-testid="role-save">
          {t('roles.save')}
        </Button>
        {!role.builtIn && (
          <Button variant="light" color="red" onClick={() => void run(onDelete)} data-testid="role-delete">
            {t('roles.delete')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';
import { supportedLanguages } from '../../../i18n/supportedLanguages';
import type { Account, AccountFormValues } from '../utils/staffTypes';

export type AccountDialogProps = {
  opened: boolean;
  /** The account to edit; null to create one. */
  account: Account | null;
  roles: ReadonlyArray<{ id: string; name: string }>;
  defaultLanguage: string;
  saving: boolean;
  onSubmit: (values: AccountFormValues) => Promise<void>;
  onClose: () => void;
};

const formFields = ['name', 'email', 'phone', 'roleId', 'language'];

/** Creates or edits an account: name, e-mail, phone, role, language. */
export function AccountDialog({ opened, account, roles, defaultLanguage, saving, onSubmit, onClose }: AccountDialogProps) {
  const { t } = useTranslation();
  const initial = (): AccountFormValues => ({
    name: account?.name ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? '',
    roleId: account?.role.id ?? '',
    language: account?.language ?? defaultLanguage,
  });
  const [values, setValues] = useState<AccountFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (opened) {
      setValues(initial());
      setErrors({});
      setFailure('');
    }
    // Reset only when the dialog opens, or opens for another account.
  }, [opened, account?.id]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!values.name.trim()) problems.name = t('staff.form.required');
    if (!values.email.trim()) problems.email = t('staff.form.required');
    if (!values.roleId) problems.roleId = t('staff.form.required');
    setErrors(problems);
    setFailure('');
    if (Object.keys(problems).length > 0) return;
    try {
      await onSubmit(values);
    } catch (error) {
      const fields = getFieldErrors(error);
      setErrors(fields);
      const code = getErrorCode(error);
      if (!Object.keys(fields).some((f) => formFields.includes(f))) {
        setFailure(code === 'CONFLICT' ? t('staff.form.stale') : (error as Error).message);
      }
    }
  }

  const set = (changes: Partial<AccountFormValues>) => setValues((current) => ({ ...current, ...changes }));

  return (
    <Modal opened={opened} onClose={onClose} title={account ? t('staff.form.editTitle') : t('staff.form.createTitle')}>
      <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="account-form">
        <Stack gap="sm">
          <TextInput label={t('staff.field.name')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} required data-testid="account-name" />
          <TextInput label={t('staff.field.email')} type="email" value={values.email} onChange={(e) => set({ email: e.currentTarget.value })} error={errors.email} required data-testid="account-email" />
          <TextInput label={t('staff.field.phone')} value={values.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={errors.phone} data-testid="account-phone" />
          <Select
            label={t('staff.field.role')}
            data={roles.map((role) => ({ value: role.id, label: role.name }))}
            value={values.roleId || null}
            onChange={(value) => set({ roleId: value ?? '' })}
            error={errors.roleId}
            required
            allowDeselect={false}
            data-testid="account-role"
          />
          <Select
            label={t('staff.field.language')}
            data={supportedLanguages.map((code) => ({ value: code, label: t('language.name', { lng: code }) }))}
            value={values.language}
            onChange={(value) => set({ language: value ?? defaultLanguage })}
            allowDeselect={false}
            data-testid="account-language"
          />
          {failure && (
            <Alert color="red" role="alert" data-testid="account-error">
              {failure}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" loading={saving} data-testid="account-save">
              {account ? t('staff.form.save') : t('staff.form.create')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('staff.form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Button, Checkbox, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors } from '../../../graphql/getFieldErrors';
import { useChangePassword } from '../hooks/useChangePassword';
import {
  minPasswordLength,
  validatePasswordChange,
  type PasswordChangeProblem,
  type PasswordChangeValues,
} from '../utils/validatePasswordChange';

export type ChangePasswordFormProps = {
  onChanged?: () => void;
};

type FieldMessages = Partial<Record<keyof PasswordChangeValues, string>>;

const emptyValues: PasswordChangeValues = { currentPassword: '', newPassword: '', repeatPassword: '' };

/** Current password, new password twice, and whether to end the other sessions. */
export function ChangePasswordForm({ onChanged }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const { changePassword, loading } = useChangePassword();
  const [values, setValues] = useState(emptyValues);
  const [endOtherSessions, setEndOtherSessions] = useState(false);
  const [fieldMessages, setFieldMessages] = useState<FieldMessages>({});
  const [formError, setFormError] = useState<string | null>(null);

  function problemMessage(problem: PasswordChangeProblem): string {
    switch (problem) {
      case 'required':
        return t('cabinet.changePassword.required');
      case 'tooShort':
        return t('cabinet.changePassword.tooShort', { count: minPasswordLength });
      case 'mismatch':
        return t('cabinet.changePassword.mismatch');
    }
  }

  function update(field: keyof PasswordChangeValues, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
    setFieldMessages((previous) => ({ ...previous, [field]: undefined }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const problems = validatePasswordChange(values);
    const messages: FieldMessages = {};
    for (const [field, problem] of Object.entries(problems)) {
      messages[field as keyof PasswordChangeValues] = problemMessage(problem);
    }
    setFieldMessages(messages);
    if (Object.keys(messages).length > 0) return;

    try {
      await changePassword(values.currentPassword, values.newPassword, endOtherSessions);
      setValues(emptyValues);
      setEndOtherSessions(false);
      notifications.show({ color: 'green', message: t('cabinet.changePassword.success') });
      onChanged?.();
    } catch (error) {
      if (getErrorCode(error) !== 'BAD_USER_INPUT') {
        setFormError(t('cabinet.changePassword.failed', { message: (error as Error).message }));
        return;
      }
      const serverErrors = getFieldErrors(error);
      const newPasswordError = serverErrors['newPassword'];
      // A wrong current password is the common case, and it may come without a field name.
      const currentPasswordWrong = Boolean(serverErrors['currentPassword']) || !newPasswordError;
      setFieldMessages({
        currentPassword: currentPasswordWrong ? t('cabinet.changePassword.wrongCurrent') : undefined,
        newPassword: newPasswordError,
      });
    }
  }

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="change-password-form">
      <Stack>
        <Title order={3}>{t('cabinet.changePassword.title')}</Title>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <PasswordInput
          label={t('cabinet.changePassword.current')}
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(event) => update('currentPassword', event.currentTarget.value)}
          error={fieldMessages.currentPassword}
          // Mantine's PasswordInput does not set it on the inner input by itself.
          aria-invalid={Boolean(fieldMessages.currentPassword)}
          data-testid="password-current"
        />
        <PasswordInput
          label={t('cabinet.changePassword.new')}
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(event) => update('newPassword', event.currentTarget.value)}
          error={fieldMessages.newPassword}
          aria-invalid={Boolean(fieldMessages.newPassword)}
          data-testid="password-new"
        />
        <PasswordInput
          label={t('cabinet.changePassword.repeat')}
          autoComplete="new-password"
          value={values.repeatPassword}
          onChange={(event) => update('repeatPassword', event.currentTarget.value)}
          error={fieldMessages.repeatPassword}
          aria-invalid={Boolean(fieldMessages.repeatPassword)}
          data-testid="password-repeat"
        />
        <Checkbox
          label={t('cabinet.changePassword.endOtherSessions')}
          checked={endOtherSessions}
          onChange={(event) => setEndOtherSessions(event.currentTarget.checked)}
          data-testid="password-end-other-sessions"
        />
        <Button type="submit" loading={loading} data-testid="password-submit" style={{ alignSelf: 'flex-start' }}>
          {t('cabinet.changePassword.submit')}
        </Button>
      </Stack>
    </form>
  );
}

import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type DuplicatePhoneAlertProps = {
  existingClient: { id: string; name: string };
  /** Called when the user follows the link (a dialog closes itself). */
  onFollow?: () => void;
};

/** A phone refused because another client has it: names that client and links to it. */
export function DuplicatePhoneAlert({ existingClient, onFollow }: DuplicatePhoneAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" data-testid="client-duplicate-phone">
      <Text size="sm">{t('clients.form.duplicatePhone', { name: existingClient.name })}</Text>
      <Anchor component={Link} to={`/clients/${existingClient.id}`} size="sm" onClick={onFollow} data-testid="client-duplicate-link">
        {t('clients.form.openExisting', { name: existingClient.name })}
      </Anchor>
    </Alert>
  );
}

import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldErrors } from '../../../graphql/getFieldErrors';
import { useCreateClient } from '../hooks/useCreateClient';
import type { ClientFormValues } from '../utils/clientTypes';
import { readClientRefusal } from '../utils/readClientRefusal';
import { hasFieldFor, refusalReason } from '../utils/refusalReason';
import { emptyClientForm } from '../utils/toClientFormValues';
import { validateClientForm } from '../utils/validateClientForm';
import { ClientFormFields } from './ClientFormFields';
import { DuplicatePhoneAlert } from './DuplicatePhoneAlert';

const formFields = ['name', 'kind', 'phone', 'email', 'contactPerson', 'notes'] as const;

export type NewClientDialogProps = {
  opened: boolean;
  onClose: () => void;
};

/** Creates a client and opens its page; a phone another client has is refused, naming that client. */
export function NewClientDialog({ opened, onClose }: NewClientDialogProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { createClient, loading } = useCreateClient();
  const [values, setValues] = useState<ClientFormValues>(emptyClientForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [existingClient, setExistingClient] = useState<{ id: string; name: string } | null>(null);
  const [failure, setFailure] = useState('');

  function close() {
    setValues(emptyClientForm);
    setErrors({});
    setExistingClient(null);
    setFailure('');
    onClose();
  }

  async function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const problems = validateClientForm(values, true);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)])));
    setExistingClient(null);
    setFailure('');
    if (Object.keys(problems).length > 0) return;
    try {
      const created = await createClient(values);
      close();
      void navigate(`/clients/${created.id}`);
    } catch (error) {
      const refusal = readClientRefusal(error);
      setExistingClient(refusal.existingClient);
      setErrors(refusal.existingClient ? { ...refusal.fields, phone: t('clients.form.duplicatePhone', { name: refusal.existingClient.name }) } : refusal.fields);
      if (!refusal.existingClient && !hasFieldFor(refusal, formFields)) setFailure(refusalReason(refusal));
    }
  }

  return (
    <Modal opened={opened} onClose={close} title={t('clients.form.createTitle')} size="lg">
      <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="new-client-form">
        <Stack gap="sm">
          <ClientFormFields
            values={values}
            errors={errors}
            withPhone
            onChange={(changes) => {
              setValues((current) => ({ ...current, ...changes }));
              if (changes.phone !== undefined) setExistingClient(null);
            }}
          />
          {existingClient && <DuplicatePhoneAlert existingClient={existingClient} onFollow={close} />}
          {failure && (
            <Alert color="red" role="alert" data-testid="new-client-error">
              {failure}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" loading={loading} data-testid="new-client-save">
              {t('clients.form.create')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('clients.form.cancel')}
            </Button>
            {Object.values(errors).some(Boolean) && (
              <Text size="sm" c="red" role="status">
                {t('clients.form.fixErrors')}
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

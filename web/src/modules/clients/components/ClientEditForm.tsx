import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../graphql/getFieldErrors';
import { useUpdateClient } from '../hooks/useUpdateClient';
import { buildClientUpdateInput } from '../utils/buildClientUpdateInput';
import type { Client, ClientFormValues } from '../utils/clientTypes';
import { readClientRefusal } from '../utils/readClientRefusal';
import { hasFieldFor, refusalReason } from '../utils/refusalReason';
import { toClientFormValues } from '../utils/toClientFormValues';
import { validateClientForm } from '../utils/validateClientForm';
import { ClientFormFields } from './ClientFormFields';

const editableFields = ['name', 'kind', 'email', 'contactPerson', 'notes'] as const;

export type ClientEditFormProps = {
  client: Client;
  /** Reads the client again from the server (after a CONFLICT); resolves to the current client. */
  onReload: () => Promise<Client | null>;
  onClose: (saved: boolean) => void;
};

/**
 * Edits name, kind, e-mail, contact and notes. Sends only the changed fields with the version the
 * form was opened at, so the server merges edits of other fields; a `CONFLICT` (the same field
 * changed meanwhile) says who and what, reloads the client and refills the form.
 */
export function ClientEditForm({ client, onReload, onClose }: ClientEditFormProps) {
  const { t, i18n } = useTranslation();
  const { updateClient, loading } = useUpdateClient();
  const [base, setBase] = useState(client);
  const [values, setValues] = useState<ClientFormValues>(() => toClientFormValues(client));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState('');
  const [stale, setStale] = useState<{ names: string; fields: string } | null>(null);

  async function handleSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const problems = validateClientForm(values, false);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)])));
    setFailure('');
    if (Object.keys(problems).length > 0) return;
    const input = buildClientUpdateInput(base, values);
    if (Object.keys(input).length === 0) {
      onClose(false);
      return;
    }
    try {
      await updateClient(base.id, base.version, input);
      onClose(true);
    } catch (error) {
      const refusal = readClientRefusal(error);
      if (refusal.conflict) {
        const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
        setStale({
          names: refusal.conflict.changedBy.length > 0 ? list.format(refusal.conflict.changedBy) : t('clients.page.someoneElse'),
          fields: list.format(refusal.conflict.fields.map((field) => t(`clients.fields.${field}`, { defaultValue: field }))),
        });
        const current = await onReload();
        if (current) {
          setBase(current);
          setValues(toClientFormValues(current));
        }
        return;
      }
      setErrors(refusal.fields);
      if (!hasFieldFor(refusal, editableFields)) setFailure(refusalReason(refusal));
    }
  }

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="client-edit-form">
      <Stack gap="sm">
        {stale && (
          <Alert color="orange" role="alert" title={t('clients.page.staleTitle')} data-testid="client-edit-conflict">
            <Text size="sm">{t('clients.page.staleBody', stale)}</Text>
          </Alert>
        )}
        <ClientFormFields values={values} errors={errors} withPhone={false} onChange={(changes) => setValues((current) => ({ ...current, ...changes }))} />
        {failure && (
          <Alert color="red" role="alert" data-testid="client-edit-error">
            {failure}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={loading} data-testid="client-edit-save">
            {t('clients.form.save')}
          </Button>
          <Button variant="default" onClick={() => onClose(false)} data-testid="client-edit-cancel">
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
  );
}

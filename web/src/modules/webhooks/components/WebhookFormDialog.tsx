import { Alert, Button, Group, Modal, PasswordInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';
import { generateSecret } from '../utils/generateSecret';
import type { Webhook, WebhookFormValues } from '../utils/webhookTypes';

export type WebhookFormDialogProps = {
  opened: boolean;
  /** The webhook to edit; null registers a new one. */
  webhook: Webhook | null;
  saving: boolean;
  onSave: (values: WebhookFormValues) => Promise<void>;
  onClose: () => void;
};

function initialValues(webhook: Webhook | null): WebhookFormValues {
  return {
    url: webhook?.url ?? '',
    secret: webhook ? '' : generateSecret(),
    description: webhook?.description ?? '',
    actions: webhook?.actions.join(', ') ?? '',
    objectTypes: webhook?.objectTypes.join(', ') ?? '',
    active: webhook?.active ?? true,
  };
}

/** Registers or edits a webhook; the server's per-field refusals are shown under their fields. */
export function WebhookFormDialog({ opened, webhook, saving, onSave, onClose }: WebhookFormDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<WebhookFormValues>(() => initialValues(webhook));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setValues(initialValues(webhook));
      setFieldErrors({});
      setFailure(null);
    }
  }, [opened, webhook]);

  const set = <K extends keyof WebhookFormValues>(key: K, value: WebhookFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  async function submit() {
    setFieldErrors({});
    setFailure(null);
    try {
      await onSave(values);
      onClose();
    } catch (error) {
      const code = getErrorCode(error);
      if (code === 'BAD_USER_INPUT') setFieldErrors(getFieldErrors(error));
      else setFailure(code === 'CONFLICT' ? t('webhooks.conflict') : code === 'FORBIDDEN' ? t('webhooks.forbidden') : t('webhooks.saveFailed'));
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={webhook ? t('webhooks.editTitle') : t('webhooks.newTitle')} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        data-testid="webhook-form"
      >
        <Stack gap="sm">
          <TextInput
            label={t('webhooks.fields.url')}
            placeholder="https://example.com/loadout-hook"
            value={values.url}
            onChange={(event) => set('url', event.currentTarget.value)}
            error={fieldErrors['url']}
            required
            data-testid="webhook-url"
          />
          <Group align="flex-end" wrap="nowrap">
            <PasswordInput
              style={{ flex: 1 }}
              label={t('webhooks.fields.secret')}
              description={webhook ? t('webhooks.secretKeep') : t('webhooks.secretHint')}
              value={values.secret}
              onChange={(event) => set('secret', event.currentTarget.value)}
              error={fieldErrors['secret']}
              data-testid="webhook-secret"
            />
            <Button variant="default" onClick={() => set('secret', generateSecret())}>
              {t('webhooks.generate')}
            </Button>
          </Group>
          <TextInput
            label={t('webhooks.fields.description')}
            value={values.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={fieldErrors['description']}
            data-testid="webhook-description"
          />
          <Textarea
            label={t('webhooks.fields.actions')}
            description={t('webhooks.actionsHint')}
            placeholder="production_event., client.update"
            autosize
            minRows={1}
            value={values.actions}
            onChange={(event) => set('actions', event.currentTarget.value)}
            error={fieldErrors['actions']}
            data-testid="webhook-actions"
          />
          <Textarea
            label={t('webhooks.fields.objectTypes')}
            description={t('webhooks.objectTypesHint')}
            placeholder="ProductionEvent, Client"
            autosize
            minRows={1}
            value={values.objectTypes}
            onChange={(event) => set('objectTypes', event.currentTarget.value)}
            error={fieldErrors['objectTypes']}
            data-testid="webhook-object-types"
          />
          <Switch label={t('webhooks.fields.active')} checked={values.active} onChange={(event) => set('active', event.currentTarget.checked)} />
          {failure && (
            <Alert color="red" data-testid="webhook-form-error">
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('webhooks.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="webhook-save">
              {t('webhooks.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { SegmentedControl, Stack, Textarea, TextInput, Input } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../graphql/getFieldErrors';
import type { ClientFormValues, ClientKind } from '../utils/clientTypes';

export type ClientFormFieldsProps = {
  values: ClientFormValues;
  errors: FieldErrors;
  onChange: (changes: Partial<ClientFormValues>) => void;
  /** The phone is part of creating a client; an edit changes it with its own action. */
  withPhone: boolean;
};

/** Name, kind, (phone), e-mail, contact person and notes, each with its error under it. */
export function ClientFormFields({ values, errors, onChange, withPhone }: ClientFormFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('clients.fields.name')}
        value={values.name}
        onChange={(event) => onChange({ name: event.currentTarget.value })}
        error={errors['name']}
        required
        data-testid="client-form-name"
      />
      <Input.Wrapper label={t('clients.fields.kind')} error={errors['kind']}>
        <div>
          <SegmentedControl
            value={values.kind}
            onChange={(kind) => onChange({ kind: kind as ClientKind })}
            data={[
              { value: 'COMPANY', label: t('clients.kind.COMPANY') },
              { value: 'PERSON', label: t('clients.kind.PERSON') },
            ]}
            aria-label={t('clients.fields.kind')}
            data-testid="client-form-kind"
          />
        </div>
      </Input.Wrapper>
      {withPhone && (
        <TextInput
          type="tel"
          label={t('clients.fields.phone')}
          description={t('clients.form.phoneHint')}
          value={values.phone}
          onChange={(event) => onChange({ phone: event.currentTarget.value })}
          error={errors['phone']}
          required
          data-testid="client-form-phone"
        />
      )}
      <TextInput
        type="email"
        label={t('clients.fields.email')}
        value={values.email}
        onChange={(event) => onChange({ email: event.currentTarget.value })}
        error={errors['email']}
        data-testid="client-form-email"
      />
      <TextInput
        label={t('clients.fields.contactPerson')}
        value={values.contactPerson}
        onChange={(event) => onChange({ contactPerson: event.currentTarget.value })}
        error={errors['contactPerson']}
        data-testid="client-form-contact"
      />
      <Textarea
        label={t('clients.fields.notes')}
        value={values.notes}
        onChange={(event) => onChange({ notes: event.currentTarget.value })}
        error={errors['notes']}
        autosize
        minRows={2}
        data-testid="client-form-notes"
      />
    </Stack>
  );
}

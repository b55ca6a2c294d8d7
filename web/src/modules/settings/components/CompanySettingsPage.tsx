import { Alert, Button, Divider, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';
import { supportedLanguages } from '../../../i18n/supportedLanguages';
import { useCompanySettings, type CompanySettingsInput } from '../hooks/useCompanySettings';
import { CompanyLogoForm } from './CompanyLogoForm';
import { CrewRolesEditor } from './CrewRolesEditor';

const policies = ['ALLOW', 'WARN', 'BLOCK'] as const;
type Policy = (typeof policies)[number];
const timeZones: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

interface FormValues {
  name: string;
  timeZone: string;
  weekStart: string;
  defaultLanguage: string;
  cutoverHour: number;
  crewDoubleBooking: Policy;
  equipmentDoubleBooking: Policy;
}

/** Company settings (`settings:manage`): name, logo, time zone, week start, language, cut-over hour, double-booking policies, crew roles. */
export function CompanySettingsPage() {
  const { t } = useTranslation();
  const { settings, loading, error, saving, update } = useCompanySettings();
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (settings)
      setValues({
        name: settings.name,
        timeZone: settings.timeZone,
        weekStart: String(settings.weekStart),
        defaultLanguage: settings.defaultLanguage,
        cutoverHour: settings.cutoverHour,
        crewDoubleBooking: settings.crewDoubleBooking,
        equipmentDoubleBooking: settings.equipmentDoubleBooking,
      });
  }, [settings]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!values) return;
    setErrors({});
    const input: CompanySettingsInput = {
      name: values.name.trim(),
      timeZone: values.timeZone,
      weekStart: Number(values.weekStart),
      defaultLanguage: values.defaultLanguage,
      cutoverHour: values.cutoverHour,
      crewDoubleBooking: values.crewDoubleBooking,
      equipmentDoubleBooking: values.equipmentDoubleBooking,
    };
    try {
      await update(input);
      notifications.show({ color: 'green', message: t('settings.saved') });
    } catch (failure) {
      const fields = getFieldErrors(failure);
      setErrors(Object.keys(fields).length > 0 ? fields : { form: (failure as Error).message });
    }
  }

  const set = (changes: Partial<FormValues>) => setValues((current) => (current ? { ...current, ...changes } : current));
  const policyOptions = policies.map((value) => ({ value, label: t(`settings.policy.${value}`) }));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: t(`settings.weekday.${day}`) }));

  return (
    <Stack maw={760} data-testid="settings-page">
      <Group justify="space-between">
        <Title order={2}>{t('settings.title')}</Title>
        {loading && <Loader size="xs" />}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {values && (
        <Paper withBorder p="md">
          <form onSubmit={(event) => void handleSubmit(event)} noValidate data-testid="settings-form">
            <Stack gap="sm">
              <TextInput label={t('settings.field.name')} value={values.name} onChange={(e) => set({ name: e.currentTarget.value })} error={errors.name} data-testid="settings-name" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select label={t('settings.field.timeZone')} data={timeZones} searchable value={values.timeZone} onChange={(value) => value && set({ timeZone: value })} error={errors.timeZone} allowDeselect={false} data-testid="settings-time-zone" />
                <Select label={t('settings.field.weekStart')} data={weekdays} value={values.weekStart} onChange={(value) => value && set({ weekStart: value })} allowDeselect={false} data-testid="settings-week-start" />
                <Select
                  label={t('settings.field.defaultLanguage')}
                  data={supportedLanguages.map((code) => ({ value: code, label: t('language.name', { lng: code }) }))}
                  value={values.defaultLanguage}
                  onChange={(value) => value && set({ defaultLanguage: value })}
                  allowDeselect={false}
                  data-testid="settings-language"
                />
                <NumberInput
                  label={t('settings.field.cutoverHour')}
                  description={t('settings.field.cutoverHourHint')}
                  min={0}
                  max={12}
                  value={values.cutoverHour}
                  onChange={(value) => set({ cutoverHour: typeof value === 'number' ? value : Number(value) || 0 })}
                  error={errors.cutoverHour}
                  data-testid="settings-cutover"
                />
                <Select label={t('settings.field.crewDoubleBooking')} data={policyOptions} value={values.crewDoubleBooking} onChange={(value) => value && set({ crewDoubleBooking: value as Policy })} allowDeselect={false} data-testid="settings-crew-policy" />
                <Select label={t('settings.field.equipmentDoubleBooking')} data={policyOptions} value={values.equipmentDoubleBooking} onChange={(value) => value && set({ equipmentDoubleBooking: value as Policy })} allowDeselect={false} data-testid="settings-equipment-policy" />
              </SimpleGrid>
              {errors.form && (
                <Alert color="red" role="alert">
                  {errors.form}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={saving} data-testid="settings-save">
                  {t('settings.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <Paper withBorder p="md">
        <CompanyLogoForm logoUrl={settings?.logoUrl ?? null} />
      </Paper>
      <Divider />
      <Paper withBorder p="md">
        <CrewRolesEditor />
      </Paper>
    </Stack>
  );
}

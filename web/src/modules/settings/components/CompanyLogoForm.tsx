import { Alert, Button, FileButton, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadCompanyLogo } from '../utils/uploadCompanyLogo';

export type CompanyLogoFormProps = {
  logoUrl: string | null;
};

/** Upload, replace or remove the company logo (PNG, JPEG, WebP or GIF, at most 512 KB; the server checks). */
export function CompanyLogoForm({ logoUrl }: CompanyLogoFormProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  async function send(file: File | null) {
    setBusy(true);
    setFailure('');
    try {
      await uploadCompanyLogo(file);
      await client.refetchQueries({ include: ['CompanySettings', 'AppInfo'] });
    } catch (error) {
      setFailure((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm" data-testid="company-logo">
      <Title order={4}>{t('settings.logo.title')}</Title>
      {logoUrl ? <Image src={logoUrl} alt={t('settings.logo.alt')} h={64} w="auto" fit="contain" data-testid="company-logo-image" /> : <Text c="dimmed">{t('settings.logo.none')}</Text>}
      <Text size="xs" c="dimmed">
        {t('settings.logo.hint')}
      </Text>
      <Group gap="xs">
        <FileButton onChange={(file) => file && void send(file)} accept="image/png,image/jpeg,image/webp,image/gif">
          {(props) => (
            <Button {...props} loading={busy} data-testid="company-logo-upload">
              {logoUrl ? t('settings.logo.replace') : t('settings.logo.upload')}
            </Button>
          )}
        </FileButton>
        {logoUrl && (
          <Button variant="light" color="red" onClick={() => void send(null)} disabled={busy}>
            {t('settings.logo.remove')}
          </Button>
        )}
      </Group>
      {failure && (
        <Alert color="red" role="alert" data-testid="company-logo-error">
          {failure}
        </Alert>
      )}
    </Stack>
  );
}

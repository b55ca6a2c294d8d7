import {
  Alert,
  Button,
  Center,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { getErrorCode } from '../../../graphql/getErrorCode';
import { getFieldErrors, type FieldErrors } from '../../../graphql/getFieldErrors';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { LanguageSelect } from '../../language/components/LanguageSelect';
import { MeQuery } from '../graphql/meQuery';
import { useLogin } from '../hooks/useLogin';
import { safeRedirectPath } from '../utils/safeRedirectPath';
import { DemoAccountList } from './DemoAccountList';

/** E-mail + password sign-in; in demo mode it lists the demo accounts. */
export function LoginPage() {
  const { t, i18n } = useTranslation();
  const appInfo = useAppInfo();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeRedirectPath(searchParams.get('next'));
  const { data: meData } = useQuery(MeQuery);
  const { login, loading } = useLogin();

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  if (meData?.me) return <Navigate to={next} replace />;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: FieldErrors = {};
    if (!email.trim()) missing['email'] = t('login.emailRequired');
    if (!password) missing['password'] = t('login.passwordRequired');
    setFieldErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;

    try {
      await login(email.trim(), password);
      await navigate(next, { replace: true });
    } catch (error) {
      switch (getErrorCode(error)) {
        case 'UNAUTHENTICATED':
          setFormError(t('login.wrongCredentials'));
          break;
        case 'RATE_LIMITED':
          setFormError(t('login.rateLimited'));
          break;
        case 'BAD_USER_INPUT': {
          const errors = getFieldErrors(error);
          setFieldErrors(errors);
          if (!errors['email'] && !errors['password']) {
            setFormError(t('login.failed', { message: (error as Error).message }));
          }
          break;
        }
        default:
          setFormError(t('login.failed', { message: (error as Error).message }));
      }
    }
  }

  return (
    <Center mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Container size={440} w="100%">
        <Stack>
          <Group justify="space-between" align="center">
            <Title order={2}>{t('login.title', { company: appInfo.companyName })}</Title>
            <LanguageSelect
              value={i18n.resolvedLanguage ?? i18n.language}
              onChange={(language) => void i18n.changeLanguage(language)}
              size="xs"
              w={130}
            />
          </Group>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <form onSubmit={handleSubmit} noValidate>
              <Stack>
                {formError && (
                  <Alert color="red" data-testid="login-error" role="alert">
                    {formError}
                  </Alert>
                )}
                <TextInput
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(event) => setEmail(event.currentTarget.value)}
                  error={fieldErrors['email']}
                  data-testid="login-email"
                  autoFocus
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  error={fieldErrors['password']}
                  aria-invalid={Boolean(fieldErrors['password'])}
                  data-testid="login-password"
                />
                <Button type="submit" loading={loading} data-testid="login-submit">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Paper>
          {appInfo.demoMode && appInfo.demoPassword && (
            <DemoAccountList
              password={appInfo.demoPassword}
              onPick={(account) => {
                setEmail(account.email);
                setPassword(appInfo.demoPassword ?? '');
                setFieldErrors({});
                setFormError(null);
              }}
            />
          )}
        </Stack>
      </Container>
    </Center>
  );
}

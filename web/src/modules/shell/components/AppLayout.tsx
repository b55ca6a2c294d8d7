import { AppShell, Burger, Button, Group, Image, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useLiveViewer } from '../../auth/hooks/useLiveViewer';
import { useViewer } from '../../auth/hooks/useViewer';
import { useLogout } from '../../auth/hooks/useLogout';
import { useAppInfo } from '../../company/hooks/useAppInfo';
import { LanguageSelect } from '../../language/components/LanguageSelect';
import { useSetMyLanguage } from '../../language/hooks/useSetMyLanguage';
import { ReconnectingBanner } from '../../realtime/components/ReconnectingBanner';
import { useRealtimeStatus } from '../../realtime/hooks/useRealtimeStatus';
import { useLiveCompanySettings } from '../../settings/hooks/useLiveCompanySettings';
import { NavigationLinks } from './NavigationLinks';

/** The signed-in frame: header, permission-filtered navigation, and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const appInfo = useAppInfo();
  const viewer = useViewer();
  const realtimeStatus = useRealtimeStatus();
  const [navigationOpen, { toggle: toggleNavigation, close: closeNavigation }] = useDisclosure();
  const { setMyLanguage, loading: savingLanguage } = useSetMyLanguage();
  const { logout, loading: loggingOut } = useLogout();
  useLiveViewer();
  useLiveCompanySettings();

  async function handleLogout() {
    try {
      await logout();
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('shell.logoutFailed', { message: (error as Error).message }),
      });
    }
  }

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="md"
      data-realtime-status={realtimeStatus}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          {/* The name gives way on a phone so the language and sign-out controls stay on screen. */}
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: 1 }}>
            <Burger
              opened={navigationOpen}
              onClick={toggleNavigation}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            {appInfo.logoUrl && <Image src={appInfo.logoUrl} alt="" h={32} w="auto" fit="contain" data-testid="company-logo-header" />}
            <Text fw={700} truncate data-testid="company-name">
              {appInfo.companyName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="xs" data-testid="viewer-name">
              {viewer.name}
            </Text>
            <LanguageSelect
              value={viewer.language}
              onChange={(language) => void setMyLanguage(language)}
              disabled={savingLanguage}
              size="xs"
              w={{ base: 92, sm: 120 }}
            />
            <Button
              variant="default"
              size="xs"
              onClick={() => void handleLogout()}
              loading={loggingOut}
              data-testid="logout"
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <NavigationLinks permissions={viewer.permissions} onNavigate={closeNavigation} />
      </AppShell.Navbar>
      <AppShell.Main>
        <ReconnectingBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

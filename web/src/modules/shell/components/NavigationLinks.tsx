import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { activeNavigationKey } from '../utils/activeNavigationKey';
import { visibleNavigationItems } from '../utils/visibleNavigationItems';

export type NavigationLinksProps = {
  permissions: readonly string[];
  onNavigate?: () => void;
};

/** The side navigation: only what the viewer's permissions allow. */
export function NavigationLinks({ permissions, onNavigate }: NavigationLinksProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = visibleNavigationItems(permissions);
  const activeKey = activeNavigationKey(items, pathname);

  return (
    <nav aria-label={t('shell.navigation')}>
      {items.map((item) => (
        <NavLink
          key={item.key}
          component={Link}
          to={item.path}
          label={t(item.labelKey)}
          active={item.key === activeKey}
          onClick={onNavigate}
          data-testid={`nav-${item.key}`}
        />
      ))}
    </nav>
  );
}

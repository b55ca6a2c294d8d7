import { Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/components/LoginPage';
import { RequireAuth } from '../modules/auth/components/RequireAuth';
import { RequirePermission } from '../modules/auth/components/RequirePermission';
import { BackupsPage } from '../modules/backups/components/BackupsPage';
import { CabinetPage } from '../modules/cabinet/components/CabinetPage';
import { CalendarPage } from '../modules/calendar/components/CalendarPage';
import { ClientPage } from '../modules/clients/components/ClientPage';
import { ClientsPage } from '../modules/clients/components/ClientsPage';
import { DashboardPage } from '../modules/dashboard/components/DashboardPage';
import { EquipmentItemPage } from '../modules/equipment/components/EquipmentItemPage';
import { EquipmentPage } from '../modules/equipment/components/EquipmentPage';
import { EquipmentUnitPage } from '../modules/equipment/components/EquipmentUnitPage';
import { ScanTargetPage } from '../modules/equipment/components/ScanTargetPage';
import { WarehousePage } from '../modules/equipment/components/WarehousePage';
import { CrewSchedulePage } from '../modules/crew-schedule/components/CrewSchedulePage';
import { ProductionEventPage } from '../modules/events/components/ProductionEventPage';
import { JournalPage } from '../modules/journal/components/JournalPage';
import { ReportsPage } from '../modules/reports/components/ReportsPage';
import { LazyPlaygroundPage } from '../modules/playground/components/LazyPlaygroundPage';
import { AppLayout } from '../modules/shell/components/AppLayout';
import { NotFoundPage } from '../modules/shell/components/NotFoundPage';
import { PlaceholderPage } from '../modules/shell/components/PlaceholderPage';
import { StartRedirect } from '../modules/shell/components/StartRedirect';
import { CompanySettingsPage } from '../modules/settings/components/CompanySettingsPage';
import { AccountsPage } from '../modules/staff/components/AccountsPage';
import { RolesPage } from '../modules/staff/components/RolesPage';
import { navigationItems } from '../modules/shell/utils/navigationItems';
import { WebhooksPage } from '../modules/webhooks/components/WebhooksPage';

/** Every page; all but /login need a session, and each feature page its permission. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<StartRedirect />} />
        {navigationItems
          .filter((item) => item.placeholder)
          .map((item) => (
            <Route
              key={item.key}
              path={item.path}
              element={
                <RequirePermission permission={item.permission ?? ''}>
                  <PlaceholderPage titleKey={item.labelKey} />
                </RequirePermission>
              }
            />
          ))}
        <Route
          path="/dashboard"
          element={
            <RequirePermission permission="reports:read">
              <DashboardPage />
            </RequirePermission>
          }
        />
        <Route
          path="/reports"
          element={
            <RequirePermission permission="reports:read">
              <ReportsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/calendar"
          element={
            <RequirePermission permission="event:read">
              <CalendarPage />
            </RequirePermission>
          }
        />
        <Route
          path="/events/:id"
          element={
            <RequirePermission permission="event:read">
              <ProductionEventPage />
            </RequirePermission>
          }
        />
        <Route
          path="/events/:id/warehouse"
          element={
            <RequirePermission permission="equipment:checkout">
              <WarehousePage />
            </RequirePermission>
          }
        />
        <Route
          path="/equipment"
          element={
            <RequirePermission permission="equipment:read">
              <EquipmentPage />
            </RequirePermission>
          }
        />
        <Route
          path="/equipment/items/:id"
          element={
            <RequirePermission permission="equipment:read">
              <EquipmentItemPage />
            </RequirePermission>
          }
        />
        <Route
          path="/equipment/units/:id"
          element={
            <RequirePermission permission="equipment:read">
              <EquipmentUnitPage />
            </RequirePermission>
          }
        />
        <Route
          path="/q/:code"
          element={
            <RequirePermission permission="equipment:read">
              <ScanTargetPage />
            </RequirePermission>
          }
        />
        <Route
          path="/crew-schedule"
          element={
            <RequirePermission permission="event:read">
              <CrewSchedulePage />
            </RequirePermission>
          }
        />
        <Route
          path="/clients"
          element={
            <RequirePermission permission="client:read">
              <ClientsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/clients/:id"
          element={
            <RequirePermission permission="client:read">
              <ClientPage />
            </RequirePermission>
          }
        />
        <Route
          path="/journal"
          element={
            <RequirePermission permission="journal:read">
              <JournalPage />
            </RequirePermission>
          }
        />
        <Route
          path="/settings/backups"
          element={
            <RequirePermission permission="backup:run">
              <BackupsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/staff"
          element={
            <RequirePermission permission="staff:manage">
              <AccountsPage />
            </RequirePermission>
          }
        />
        <Route
          path="/settings/webhooks"
          element={
            <RequirePermission permission="settings:manage">
              <WebhooksPage />
            </RequirePermission>
          }
        />
        <Route
          path="/roles"
          element={
            <RequirePermission permission="role:manage">
              <RolesPage />
            </RequirePermission>
          }
        />
        <Route
          path="/settings"
          element={
            <RequirePermission permission="settings:manage">
              <CompanySettingsPage />
            </RequirePermission>
          }
        />
        <Route path="/me" element={<CabinetPage />} />
        <Route path="/playground" element={<LazyPlaygroundPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireUser } from './components/RequireUser.tsx';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage.tsx';
import { RegisterPage } from './pages/auth/RegisterPage.tsx';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage.tsx';
import { CabinetPage } from './pages/CabinetPage.tsx';
import { OutboxPage } from './pages/dev/OutboxPage.tsx';
import {
  AnalyticsPage,
  CasePage,
  ForecastPage,
  InboxPage,
  NewAppealPage,
  PublicReportsPage,
  ResidentAppealPage,
  RollupPage,
  SearchPage,
  ServicesPage,
  VerifyPage,
} from './pages/lazy-pages.ts';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';
import { CalendarPage } from './pages/overview/CalendarPage.tsx';
import { StaffDocumentRedirect } from './pages/cases/StaffDocumentRedirect.tsx';
import { StartPage } from './pages/StartPage.tsx';
import { RoutingModelsPage } from './pages/routing/RoutingModelsPage.tsx';
import { AuditPage } from './pages/workspace/AuditPage.tsx';
import { DepartmentsPage } from './pages/workspace/DepartmentsPage.tsx';
import { MembersPage } from './pages/workspace/MembersPage.tsx';
import { RolesPage } from './pages/workspace/RolesPage.tsx';
import { WorkspaceHome } from './pages/workspace/WorkspaceHome.tsx';
import { WorkspaceIndex } from './pages/workspace/WorkspaceIndex.tsx';
import { WorkspaceLayout } from './pages/workspace/WorkspaceLayout.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<StartPage />} />
            <Route path="login" element={<LoginPage />} />
            <Route path="register" element={<RegisterPage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="m/:slug/write/:service" element={<NewAppealPage />} />
            <Route path="m/:slug/reports" element={<PublicReportsPage />} />
            <Route path="m/:slug/documents/:id" element={<StaffDocumentRedirect />} />
            <Route path="verify" element={<VerifyPage />} />
            <Route
              path="cabinet/appeals/:slug/:id"
              element={<RequireUser>{() => <ResidentAppealPage />}</RequireUser>}
            />
            <Route path="cabinet" element={<RequireUser>{(me) => <CabinetPage me={me} />}</RequireUser>} />
            <Route path="overview" element={<RequireUser>{(me) => <OverviewPage me={me} />}</RequireUser>} />
            <Route
              path="overview/regions/:region"
              element={<RequireUser>{() => <RollupPage />}</RequireUser>}
            />
            <Route path="overview/outbox" element={<RequireUser>{() => <OutboxPage />}</RequireUser>} />
            <Route
              path="overview/calendar"
              element={<RequireUser>{(me) => <CalendarPage me={me} />}</RequireUser>}
            />
            <Route
              path="workspace"
              element={<RequireUser>{(me) => <WorkspaceIndex me={me} />}</RequireUser>}
            />
            <Route
              path="workspace/:slug"
              element={<RequireUser>{(me) => <WorkspaceLayout me={me} />}</RequireUser>}
            >
              <Route index element={<WorkspaceHome />} />
              <Route path="inbox" element={<InboxPage />} />
              <Route path="search" element={<SearchPage />} />
              <Route path="analytics" element={<AnalyticsPage />} />
              <Route path="documents/:id" element={<CasePage />} />
              <Route path="departments" element={<DepartmentsPage />} />
              <Route path="members" element={<MembersPage />} />
              <Route path="roles" element={<RolesPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="forecast" element={<ForecastPage />} />
              <Route path="routing" element={<RoutingModelsPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}

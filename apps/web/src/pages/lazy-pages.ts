import { lazy } from 'react';

/**
 * Pages loaded when first opened: the map (Leaflet), the intake forms and the case workflow stay
 * out of the first download, so the start and login pages open fast on a slow line.
 */
export const ServicesPage = lazy(() =>
  import('./resident/ServicesPage.tsx').then((m) => ({ default: m.ServicesPage })),
);
export const NewAppealPage = lazy(() =>
  import('./resident/NewAppealPage.tsx').then((m) => ({ default: m.NewAppealPage })),
);
export const PublicReportsPage = lazy(() =>
  import('./resident/PublicReportsPage.tsx').then((m) => ({ default: m.PublicReportsPage })),
);
export const ResidentAppealPage = lazy(() =>
  import('./resident/ResidentAppealPage.tsx').then((m) => ({ default: m.ResidentAppealPage })),
);
export const VerifyPage = lazy(() =>
  import('./resident/VerifyPage.tsx').then((m) => ({ default: m.VerifyPage })),
);
export const InboxPage = lazy(() => import('./cases/InboxPage.tsx').then((m) => ({ default: m.InboxPage })));
export const CasePage = lazy(() => import('./cases/CasePage.tsx').then((m) => ({ default: m.CasePage })));
export const SearchPage = lazy(() =>
  import('./search/SearchPage.tsx').then((m) => ({ default: m.SearchPage })),
);
export const ForecastPage = lazy(() =>
  import('./forecast/ForecastPage.tsx').then((m) => ({ default: m.ForecastPage })),
);
export const AnalyticsPage = lazy(() =>
  import('./analytics/AnalyticsPage.tsx').then((m) => ({ default: m.AnalyticsPage })),
);
export const RollupPage = lazy(() =>
  import('./analytics/RollupPage.tsx').then((m) => ({ default: m.RollupPage })),
);

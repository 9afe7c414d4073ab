import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useParams } from 'react-router';
import type { Items, Me, Municipality, MunicipalityWithAbilities } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { Loading } from '../../components/Loading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized } from '../../i18n/localized.ts';
import { MunicipalitySwitcher } from './MunicipalitySwitcher.tsx';
import { WorkspaceNav } from './WorkspaceNav.tsx';
import type { WorkspaceContext } from './workspace-context.ts';

/** A municipality's workspace: its name, the section menu by abilities, the chosen section. */
export function WorkspaceLayout({ me }: { me: Me }) {
  const { i18n } = useTranslation();
  const { slug = '' } = useParams();
  const m = useApiData<MunicipalityWithAbilities>(`/api/m/${encodeURIComponent(slug)}`);
  const staff = me.user.kind === 'staff';
  const all = useApiData<Items<Municipality>>(staff ? null : '/api/municipalities');
  const options = staff ? me.memberships : all.state.status === 'ready' ? all.state.data.items : [];

  return (
    <Loaded state={m.state} onRetry={m.reload}>
      {(municipality) => {
        const context: WorkspaceContext = { me, municipality };
        return (
          <div className="workspace">
            <aside className="workspace-side">
              <p className="workspace-municipality">{localized(municipality.name, i18n.language)}</p>
              <WorkspaceNav slug={municipality.slug} abilities={municipality.abilities} />
              <MunicipalitySwitcher key={municipality.slug} current={municipality.slug} options={options} />
            </aside>
            <div className="workspace-content">
              <Suspense fallback={<Loading />}>
                <Outlet context={context} />
              </Suspense>
            </div>
          </div>
        );
      }}
    </Loaded>
  );
}

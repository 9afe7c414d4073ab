import { useOutletContext } from 'react-router';
import type { Me, MunicipalityWithAbilities } from '../../api/types.ts';

export interface WorkspaceContext {
  me: Me;
  municipality: MunicipalityWithAbilities;
}

export const useWorkspace = () => useOutletContext<WorkspaceContext>();

import { Navigate, useParams } from 'react-router';

/** Links in notifications and letters (`/m/<municipality>/documents/<id>`) open the case in the workspace. */
export function StaffDocumentRedirect() {
  const { slug = '', id = '' } = useParams();
  return <Navigate to={`/workspace/${slug}/documents/${id}`} replace />;
}

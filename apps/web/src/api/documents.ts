/** Document flow as the case page reads it (GET /api/m/:m/documents/:id and the workflow routes). */

export interface DocumentInfo {
  id: string;
  direction: 'incoming' | 'outgoing' | 'internal' | string;
  kind: string;
  status: string;
  regNumber: string | null;
  regDate: string | null;
  title: string;
  body: string;
  authorName: string | null;
  authorOrg: string | null;
  addressee: string | null;
  sourceChannel: string;
  parentId: string | null;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryEvent {
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  /** Which related document the step belongs to (an answer, a notice), when not the case itself. */
  of?: string;
}

export interface DocumentWithHistory {
  document: DocumentInfo;
  history: HistoryEvent[];
  children: DocumentInfo[];
}

export const docPath = (municipality: string, id: string, rest = '') =>
  `/api/m/${encodeURIComponent(municipality)}/documents/${encodeURIComponent(id)}${rest}`;

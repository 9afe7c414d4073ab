/**
 * The workflow of one document (GET /api/m/:m/documents/:id/workflow): resolutions and assignments,
 * draft versions, the approval route, signatures, dispatches — and `can`, what the caller may do
 * now, so the page never re-implements the rules.
 */
export interface AssignmentInfo {
  id: string;
  resolutionId: string;
  executorUserId: string;
  executorName: string | null;
  role: 'responsible' | 'co_executor' | string;
  dueDate: string;
  status: 'open' | 'done' | 'cancelled' | string;
  report: string | null;
  completedAt: string | null;
}

export interface ResolutionInfo {
  id: string;
  authorUserId: string;
  authorName: string | null;
  instruction: string;
  dueDate: string;
  status: 'active' | 'superseded' | 'done' | string;
  createdAt: string;
  assignments: AssignmentInfo[];
}

export interface VersionInfo {
  version: number;
  templateCode: string | null;
  locale: string;
  body: string;
  fields: Record<string, string>;
  comment: string | null;
  pdfSha256: string | null;
  createdByName: string | null;
  createdAt: string;
}

export interface ApprovalStepInfo {
  id: string;
  round: number;
  stage: number;
  approverUserId: string;
  approverName: string | null;
  decision: 'pending' | 'approved' | 'returned' | 'skipped' | string;
  comment: string | null;
  version: number;
  decidedAt: string | null;
}

export interface SignatureInfo {
  id: string;
  version: number;
  method: string;
  signerName: string;
  signerPosition: string | null;
  signedAt: string;
  sha256: string;
}

export interface DispatchInfo {
  id: string;
  channel: 'cabinet' | 'email' | 'post' | string;
  address: string | null;
  status: string;
  at: string;
}

export interface WorkflowCan {
  resolve: boolean;
  reopen: boolean;
  completeAssignmentId: string | null;
  draftAnswer: boolean;
  saveVersion: boolean;
  sendForApproval: boolean;
  decide: boolean;
  sign: boolean;
  dispatch: boolean;
  print: boolean;
}

export interface WorkflowView {
  resolutions: ResolutionInfo[];
  versions: VersionInfo[];
  approval: ApprovalStepInfo[];
  signatures: SignatureInfo[];
  dispatches: DispatchInfo[];
  can: WorkflowCan;
}

/** A colleague in the municipality (GET /api/m/:m/colleagues). */
export interface Colleague {
  userId: string;
  displayName: string;
  roleKeys: string[];
}

export const colleaguesPath = (municipality: string, permission?: string) =>
  `/api/m/${encodeURIComponent(municipality)}/colleagues${permission ? `?permission=${encodeURIComponent(permission)}` : ''}`;

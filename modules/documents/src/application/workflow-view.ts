import type { Ctx } from '@zemstvo/kernel';
import { decidableSteps } from '../domain/approval-route.ts';
import { approvalsRepo } from '../infra/approvals.repository.ts';
import { documentListRepo } from '../infra/document-list.repository.ts';
import { documentsRepo } from '../infra/documents.repository.ts';
import { executionRepo } from '../infra/execution.repository.ts';
import { signaturesRepo } from '../infra/signatures.repository.ts';
import { signalsRepo } from '../infra/signals.repository.ts';
import { versionsRepo } from '../infra/versions.repository.ts';
import { staffDirectory, tenantOf, userOf } from './deps.ts';

/** What the caller may do in the request's municipality. */
export interface AbilityCheck {
  can(permission: string): boolean;
}

const RESOLVABLE = new Set(['registered', 'in_work', 'done']);

/**
 * The workflow of one document as the case page shows it: sender requisites or signal, resolutions
 * with their assignments, versions, approval rounds, signatures, dispatches — and what the caller
 * may do with it now, so the UI never re-implements the rules.
 */
export async function documentWorkflow(ctx: Ctx, abilities: AbilityCheck, documentId: string) {
  const m = tenantOf(ctx).municipalityId;
  const me = userOf(ctx).userId;
  const doc = await documentsRepo.get(ctx.tx, m, documentId);
  if (!doc) return null;
  const staff = await staffDirectory(ctx);
  const nameOf = (id: string | null) => (id ? (staff.get(id)?.displayName ?? null) : null);

  const resolutions = await executionRepo.resolutionsOf(ctx.tx, m, doc.id);
  const assignments = await executionRepo.assignmentsOfDocument(ctx.tx, m, doc.id);
  const versions = await versionsRepo.list(ctx.tx, m, doc.id);
  const steps = await approvalsRepo.all(ctx.tx, m, doc.id);
  const lastRound = steps.reduce((r, s) => Math.max(r, s.round), 0);
  const signatures = await signaturesRepo.ofDocument(ctx.tx, m, doc.id);
  const dispatches = await signaturesRepo.dispatchesOf(ctx.tx, m, doc.id);
  const executorOf = async (incomingId: string | null) =>
    incomingId !== null && (await executionRepo.hasAssignment(ctx.tx, m, incomingId, me));
  const isIncoming = doc.direction === 'incoming';
  const drafting =
    (await executorOf(isIncoming ? doc.id : doc.parentId)) && abilities.can('document.execute');
  const myOpen = assignments.find((a) => a.executorUserId === me && a.status === 'open');

  return {
    sender: isIncoming ? ((await documentListRepo.sender(ctx.tx, m, doc.id)) ?? null) : null,
    signal: doc.kind === 'signal' ? ((await signalsRepo.byDocument(ctx.tx, m, doc.id)) ?? null) : null,
    resolutions: resolutions.map((r) => ({
      ...r,
      authorName: nameOf(r.authorUserId),
      assignments: assignments
        .filter((a) => a.resolutionId === r.id)
        .map((a) => ({ ...a, executorName: nameOf(a.executorUserId) })),
    })),
    versions: versions.map((v) => ({
      version: v.version,
      templateCode: v.templateCode,
      locale: v.locale,
      body: v.body,
      fields: v.fields,
      comment: v.comment,
      pdfSha256: v.pdfSha256,
      createdBy: v.createdBy,
      createdByName: nameOf(v.createdBy),
      createdAt: v.createdAt,
    })),
    approval: steps.map((s) => ({ ...s, approverName: nameOf(s.approverUserId) })),
    signatures: signatures.map((s) => ({
      id: s.id,
      version: s.version,
      method: s.method,
      signerName: s.signerName,
      signerPosition: s.signerPosition,
      signedAt: s.signedAt,
      sha256: s.fileSha256,
    })),
    dispatches: dispatches.map((d) => ({
      id: d.id,
      channel: d.channel,
      address: d.address,
      status: d.status,
      at: d.at,
    })),
    can: {
      resolve: isIncoming && RESOLVABLE.has(doc.status) && abilities.can('document.resolve'),
      reopen:
        isIncoming && (doc.status === 'done' || doc.status === 'closed') && abilities.can('document.resolve'),
      completeAssignmentId: myOpen && abilities.can('document.execute') ? myOpen.id : null,
      draftAnswer: isIncoming && drafting && (doc.status === 'in_work' || doc.status === 'done'),
      saveVersion: !isIncoming && drafting && (doc.status === 'draft' || doc.status === 'returned'),
      sendForApproval: !isIncoming && drafting && doc.status === 'draft' && versions.length > 0,
      decide:
        doc.status === 'in_approval' &&
        abilities.can('document.approve') &&
        decidableSteps(
          steps.filter((s) => s.round === lastRound),
          me,
        ).length > 0,
      sign:
        doc.status === 'approved' &&
        abilities.can('document.sign') &&
        (doc.signatoryUserId === null || doc.signatoryUserId === me),
      dispatch: doc.status === 'signed' && abilities.can('document.dispatch'),
      print: !isIncoming && (doc.status === 'signed' || doc.status === 'dispatched'),
    },
  };
}

import { z } from 'zod';
import { requirePermission, uuidSchema, type TypedApp } from '@zemstvo/http';
import { notFound } from '@zemstvo/kernel';
import { decideApproval, sendForApproval } from '../application/approval.ts';
import type { WorkflowDeps } from '../application/deps.ts';
import { signedFile } from '../application/document-files.ts';
import { dispatchDocument } from '../application/dispatch-answer.ts';
import { reopenDocument } from '../application/reopen-document.ts';
import { signDocument } from '../application/sign-document.ts';
import { documentWorkflow } from '../application/workflow-view.ts';
import { sendFile } from './file-replies.ts';
import { documentOut } from './routes.ts';
import { docParams, tags } from './schemas.ts';

const approvalState = z.object({
  round: z.number(),
  status: z.string(),
  steps: z.array(
    z.object({
      id: z.string(),
      round: z.number(),
      stage: z.number(),
      approverUserId: z.string(),
      decision: z.string(),
      comment: z.string().nullable(),
      version: z.number(),
      decidedAt: z.date().nullable(),
    }),
  ),
});

const signatureOut = z.object({
  id: z.string(),
  documentId: z.string(),
  version: z.number(),
  method: z.string(),
  signerName: z.string(),
  signerPosition: z.string().nullable(),
  signedAt: z.date(),
  fileSha256: z.string(),
});

const dispatchOut = z.object({
  id: z.string(),
  channel: z.string(),
  address: z.string().nullable(),
  status: z.string(),
  at: z.date(),
});

/** Approval route, signature, dispatch, the printable copy, reopening, and the workflow of a document. */
export function approvalRoutes(app: TypedApp, deps: WorkflowDeps): void {
  app.post(
    '/m/:municipality/documents/:id/approval',
    {
      preHandler: requirePermission('document.execute'),
      schema: {
        tags,
        summary: 'Send the latest version for approval: stages in order, approvers of one stage in parallel',
        params: docParams,
        body: z.object({ stages: z.array(z.array(uuidSchema).min(1).max(20)).min(1).max(10) }),
        response: { 201: approvalState },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await req.useCase((ctx) => sendForApproval(ctx, deps, req.params.id, req.body.stages))),
  );

  app.post(
    '/m/:municipality/documents/:id/approval/decision',
    {
      preHandler: requirePermission('document.approve'),
      schema: {
        tags,
        summary: 'Approve, or return for rework with a comment (an approver of the current stage only)',
        params: docParams,
        body: z.object({
          decision: z.enum(['approve', 'return']),
          comment: z.string().trim().max(4000).optional(),
        }),
        response: { 200: approvalState },
      },
    },
    async (req) => req.useCase((ctx) => decideApproval(ctx, deps, req.params.id, req.body)),
  );

  app.post(
    '/m/:municipality/documents/:id/sign',
    {
      preHandler: requirePermission('document.sign'),
      schema: {
        tags,
        summary:
          'Sign the approved version (simple electronic signature, 63-FZ Art. 5 p.2): who, when, SHA-256 of the signed PDF',
        params: docParams,
        response: { 201: signatureOut },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await req.useCase((ctx) => signDocument(ctx, deps, req.params.id))),
  );

  app.post(
    '/m/:municipality/documents/:id/dispatch',
    {
      preHandler: requirePermission('document.dispatch'),
      schema: {
        tags,
        summary: 'Register the signed document in the outgoing journal and send it (cabinet, e-mail, post)',
        params: docParams,
        body: z.object({
          channels: z
            .array(z.enum(['cabinet', 'email', 'post']))
            .max(3)
            .optional(),
        }),
        response: { 200: z.object({ document: documentOut, dispatches: z.array(dispatchOut) }) },
      },
    },
    async (req) => req.useCase((ctx) => dispatchDocument(ctx, deps, req.params.id, req.body)),
  );

  app.get(
    '/m/:municipality/documents/:id/print',
    {
      preHandler: requirePermission('document.view'),
      schema: { tags, summary: 'The signed PDF, for printing and sending by post', params: docParams },
    },
    async (req, reply) =>
      sendFile(reply, await req.useCase((ctx) => signedFile(ctx, deps.storage, req.params.id)), 'inline'),
  );

  app.post(
    '/m/:municipality/documents/:id/reopen',
    {
      preHandler: requirePermission('document.resolve'),
      schema: {
        tags,
        summary: 'Reopen an executed or closed incoming document: back to the head for a new resolution',
        params: docParams,
        body: z.object({ reason: z.string().trim().min(1).max(4000) }),
        response: { 200: documentOut },
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const doc = await reopenDocument(ctx, req.params.id, req.body.reason);
        await deps.hooks.onReopen(ctx, doc.id, req.body.reason);
        return doc;
      }),
  );

  app.get(
    '/m/:municipality/documents/:id/workflow',
    {
      preHandler: requirePermission('document.view'),
      schema: {
        tags,
        summary:
          'Resolutions, assignments, versions, approvals, signatures, dispatches — and what the caller may do now',
        params: docParams,
      },
    },
    async (req) =>
      req.useCase(async (ctx) => {
        const view = await documentWorkflow(ctx, req.abilities, req.params.id);
        if (!view) throw notFound('Document');
        return view;
      }),
  );
}

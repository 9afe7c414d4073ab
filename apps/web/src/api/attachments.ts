/** Attachments of a document (GET /api/m/:m/documents/:id/attachments). */
export interface Attachment {
  id: string;
  documentId: string;
  kind: 'photo' | 'audio' | 'file' | 'text' | 'link';
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string | null;
  url: string | null;
  createdBy: string | null;
  createdAt: string;
}

export const attachmentFilePath = (municipality: string, documentId: string, id: string, inline = false) =>
  `/api/m/${encodeURIComponent(municipality)}/documents/${encodeURIComponent(documentId)}/attachments/${encodeURIComponent(id)}${inline ? '?disposition=inline' : ''}`;

import type { EventRoles } from '../../journal/types';

/** The events of supporting documents. */
export interface DocumentEvents {
  /** A file attached to a record; `sha256` is what `journal:verify` holds the stored file to. */
  'document.attached': {
    documentId: string;
    recordId: string;
    type: string;
    contentType: string;
    size: number;
    sha256: string;
  };
}

export const DOCUMENT_EVENTS: EventRoles<DocumentEvents> = {
  'document.attached': 'projected',
};

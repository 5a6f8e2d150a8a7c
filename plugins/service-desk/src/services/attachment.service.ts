import { type Actor, actorRef, ConflictError, contentTypeProblem, NotFoundError, ValidationError } from '@aftercare/core';
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import { CaseAttachment } from '../entities/case-attachment.entity.js';
import { Case } from '../entities/case.entity.js';
import { actorKey, type ServiceDeskDeps } from './deps.js';

/** A file to attach, as received over the API. */
export interface NewAttachment {
  caseId: string;
  fileName: string;
  contentType: string;
  /** The bytes, base64-encoded. */
  contentBase64: string;
  /** Visible to the customer; staff may attach internal evidence with false. */
  public?: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Attachments on cases, with the configured size and type limits; bytes go to the attachment storage. */
export class AttachmentService {
  constructor(private readonly d: ServiceDeskDeps) {}

  async add(actor: Actor, input: NewAttachment, customerId?: string): Promise<CaseAttachment> {
    const s = await this.d.settings.get();
    const errors = [];
    const cleanName = path.basename(input.fileName.trim()).replace(/\p{Cc}/gu, '');
    if (!cleanName) errors.push({ field: 'fileName', message: 'give the file a name' });
    if (!s.attachmentTypes.includes(input.contentType)) {
      errors.push({ field: 'contentType', message: `must be one of ${s.attachmentTypes.join(', ')}` });
    }
    const compact = input.contentBase64.replace(/\s/g, '');
    if (!BASE64.test(compact) || compact.length % 4 !== 0) errors.push({ field: 'contentBase64', message: 'must be base64' });
    const data = errors.length ? Buffer.alloc(0) : Buffer.from(compact, 'base64');
    if (!errors.length && data.length === 0) errors.push({ field: 'contentBase64', message: 'the file is empty' });
    if (data.length > s.attachmentMaxBytes) {
      errors.push({ field: 'contentBase64', message: `the file has ${data.length} bytes; at most ${s.attachmentMaxBytes} are accepted` });
    }
    // The declared type must match the bytes: a renamed executable is not a PDF.
    const mismatch = errors.length ? null : await contentTypeProblem(data, input.contentType);
    if (mismatch) errors.push({ field: 'contentBase64', message: mismatch });
    if (errors.length) throw new ValidationError(errors);
    const c = await this.d.db.getRepository(Case).findOneBy(customerId ? { id: input.caseId, customerId } : { id: input.caseId });
    if (!c) throw new NotFoundError('Case', input.caseId);
    if (c.status === 'closed' || c.status === 'merged')
      throw new ConflictError(`The case is ${c.status}: files can no longer be attached.`);
    const key = `cases/${c.id}/${randomUUID()}`;
    // Bytes first, then the row: a failure in between leaves an unreferenced file, never a row without bytes.
    await this.d.storage.put(key, data, input.contentType);
    return this.d.db.transaction(async (m) => {
      const row = await m.getRepository(CaseAttachment).save({
        caseId: c.id,
        fileName: cleanName,
        contentType: input.contentType,
        sizeBytes: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        storageKey: key,
        public: customerId ? true : (input.public ?? true),
        uploadedBy: actorKey(actorRef(actor)),
        createdAt: this.d.now(),
      });
      await this.d.audit.record(m, {
        action: 'case.attach',
        objectType: 'Case',
        objectId: c.id,
        metadata: { attachmentId: row.id, sizeBytes: row.sizeBytes, contentType: row.contentType },
      });
      return row;
    });
  }

  /** The bytes of an attachment, base64. Customers reach only public files of their own cases. */
  async content(attachmentId: string, customerId?: string): Promise<{ attachment: CaseAttachment; contentBase64: string }> {
    const a = await this.d.db.getRepository(CaseAttachment).findOneBy({ id: attachmentId });
    if (!a) throw new NotFoundError('Attachment', attachmentId);
    if (customerId) {
      const own = a.public && (await this.d.db.getRepository(Case).existsBy({ id: a.caseId, customerId }));
      if (!own) throw new NotFoundError('Attachment', attachmentId);
    }
    return { attachment: a, contentBase64: (await this.d.storage.get(a.storageKey)).toString('base64') };
  }
}

import { AttachmentService } from './services/attachment.service.js';
import { CaseInbox } from './services/case-inbox.service.js';
import { CaseService } from './services/case.service.js';
import { CompensationService } from './services/compensation.service.js';
import { ConfigurationService } from './services/configuration.service.js';
import type { ServiceDeskDeps } from './services/deps.js';
import type { MailChannel } from './services/mail-channel.service.js';

/** The service desk's services, built once per server by the plugin's `services(ctx)` and given to its resolvers. */
export class ServiceDesk {
  readonly cases: CaseService;
  /** Which cases the inbox views list. */
  readonly inbox: CaseInbox;
  readonly compensations: CompensationService;
  readonly attachments: AttachmentService;
  readonly configuration: ConfigurationService;
  /** The e-mail channel; set in the plugin's `setup`, which has what it needs (core mail intake, staff alerts). */
  mail: MailChannel;

  constructor(readonly deps: ServiceDeskDeps) {
    this.cases = new CaseService(deps);
    this.inbox = new CaseInbox(deps);
    this.compensations = new CompensationService(deps);
    this.attachments = new AttachmentService(deps);
    this.configuration = new ConfigurationService(deps);
  }
}

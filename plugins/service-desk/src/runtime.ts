import { AttachmentService } from './services/attachment.service.js';
import { CaseService } from './services/case.service.js';
import { CompensationService } from './services/compensation.service.js';
import { ConfigurationService } from './services/configuration.service.js';
import type { ServiceDeskDeps } from './services/deps.js';

/** The service desk's services, built once in `setup` from the plugin context. */
export class ServiceDesk {
  readonly cases: CaseService;
  readonly compensations: CompensationService;
  readonly attachments: AttachmentService;
  readonly configuration: ConfigurationService;

  constructor(readonly deps: ServiceDeskDeps) {
    this.cases = new CaseService(deps);
    this.compensations = new CompensationService(deps);
    this.attachments = new AttachmentService(deps);
    this.configuration = new ConfigurationService(deps);
  }
}

let current: ServiceDesk | undefined;

/**
 * The running service desk. Resolvers are instantiated by type-graphql, not by the plugin, so they
 * reach the services through this accessor, which `setup` fills before the server takes requests.
 */
export function serviceDesk(): ServiceDesk {
  if (!current) throw new Error('The service-desk plugin is not set up: it must be enabled and the server started.');
  return current;
}

export function setServiceDesk(desk: ServiceDesk): void {
  current = desk;
}

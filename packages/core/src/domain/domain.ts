import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus.js';
import type { Registries } from '../plugin/context.js';
import { CatalogService } from './catalog.service.js';
import { CustomerService } from './customer.service.js';
import { ImportService } from './import.service.js';
import { PrivacyService } from './privacy.service.js';
import { PurchaseService } from './purchase.service.js';
import { CORE_TIMELINE_SOURCES, TimelineService } from './timeline.service.js';

/** Core's customer domain services, one set per server process. */
export interface DomainServices {
  customers: CustomerService;
  catalog: CatalogService;
  purchases: PurchaseService;
  timeline: TimelineService;
  privacy: PrivacyService;
  imports: ImportService;
}

/** Build the domain services and register core's own timeline sources (`core.purchases`, `core.customer`, `core.consents`). */
export function createDomainServices(options: { dataSource: DataSource; events: EventBus; registries: Registries }): DomainServices {
  const { dataSource, events, registries } = options;
  for (const source of CORE_TIMELINE_SOURCES) registries.timeline.register('core', `core.${source.name}`, source);
  const customers = new CustomerService(dataSource, events);
  const catalog = new CatalogService();
  const purchases = new PurchaseService(events);
  return {
    customers,
    catalog,
    purchases,
    timeline: new TimelineService(registries.timeline),
    privacy: new PrivacyService(dataSource, events, registries.privacy),
    imports: new ImportService(dataSource, { customers, catalog, purchases }),
  };
}

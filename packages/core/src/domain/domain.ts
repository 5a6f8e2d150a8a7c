import type { DataSource } from 'typeorm';
import type { EventBus } from '../events/event-bus.js';
import type { Registries } from '../plugin/context.js';
import { CatalogService } from './catalog.service.js';
import { CustomerService } from './customer.service.js';
import { PurchaseService } from './purchase.service.js';

/** Core's customer domain services, one set per server process. */
export interface DomainServices {
  customers: CustomerService;
  catalog: CatalogService;
  purchases: PurchaseService;
}

export function createDomainServices(options: { dataSource: DataSource; events: EventBus; registries: Registries }): DomainServices {
  const customers = new CustomerService(options.dataSource, options.events);
  const catalog = new CatalogService();
  const purchases = new PurchaseService(options.events);
  return { customers, catalog, purchases };
}

import { ClaimService } from './services/claim.service.js';
import { CoverageService } from './services/coverage.service.js';
import type { WarrantyDeps } from './services/deps.js';
import { PartsService } from './services/parts.service.js';
import { PolicyService } from './services/policy.service.js';
import { RegistrationService } from './services/registration.service.js';
import { RepairService } from './services/repair.service.js';

/** The warranty plugin's services, built once in `setup` from the plugin context. */
export class Warranty {
  readonly policies: PolicyService;
  readonly registrations: RegistrationService;
  readonly coverage: CoverageService;
  readonly claims: ClaimService;
  readonly repairs: RepairService;
  readonly parts: PartsService;

  constructor(readonly deps: WarrantyDeps) {
    this.policies = new PolicyService(deps);
    this.registrations = new RegistrationService(deps, this.policies);
    this.coverage = new CoverageService(deps, this.policies);
    this.claims = new ClaimService(deps, this.coverage);
    this.repairs = new RepairService(deps, this.claims);
    this.parts = new PartsService(deps);
  }
}

let current: Warranty | undefined;

/**
 * The running warranty plugin. Resolvers are instantiated by type-graphql, not by the plugin, so
 * they reach the services through this accessor, which `setup` fills before the server takes requests.
 */
export function warranty(): Warranty {
  if (!current) throw new Error('The warranty plugin is not set up: it must be enabled and the server started.');
  return current;
}

export function setWarranty(w: Warranty): void {
  current = w;
}

import { ClaimService } from './services/claim.service.js';
import { CoverageService } from './services/coverage.service.js';
import type { WarrantyDeps } from './services/deps.js';
import { PartsService } from './services/parts.service.js';
import { PolicyService } from './services/policy.service.js';
import { RegistrationService } from './services/registration.service.js';
import { RepairService } from './services/repair.service.js';

/** The warranty plugin's services, built once per server by the plugin's `services(ctx)` and given to its resolvers. */
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

import { ClaimResolver } from './claim.resolver.js';
import { CoverageResolver } from './coverage.resolver.js';
import { MyWarrantyResolver, RegistrationProofResolver } from './my-warranty.resolver.js';
import { PartsResolver } from './parts.resolver.js';
import { PolicyResolver } from './policy.resolver.js';
import { RegistrationResolver } from './registration.resolver.js';
import { RepairResolver } from './repair.resolver.js';
import { ScheduleResolver } from './schedule.resolver.js';

export const resolvers = [
  CoverageResolver,
  PolicyResolver,
  RegistrationResolver,
  ClaimResolver,
  MyWarrantyResolver,
  RegistrationProofResolver,
  RepairResolver,
  PartsResolver,
  ScheduleResolver,
];

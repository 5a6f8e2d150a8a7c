import { RepairOrder } from './repair-order.entity.js';
import { RepairPart } from './repair-part.entity.js';
import { RepairVisit } from './repair-visit.entity.js';
import { SparePart } from './spare-part.entity.js';
import { WarrantyClaim } from './warranty-claim.entity.js';
import { WarrantyContract } from './warranty-contract.entity.js';
import { WarrantyPolicy } from './warranty-policy.entity.js';
import { WarrantyRegistration } from './warranty-registration.entity.js';
import { WarrantyProofDocument } from './warranty-proof-document.entity.js';

export {
  RepairOrder,
  RepairPart,
  RepairVisit,
  SparePart,
  WarrantyClaim,
  WarrantyContract,
  WarrantyPolicy,
  WarrantyProofDocument,
  WarrantyRegistration,
};

/** Every entity of the plugin, for definePlugin. */
export const entities = [
  WarrantyPolicy,
  WarrantyRegistration,
  WarrantyContract,
  WarrantyClaim,
  SparePart,
  RepairOrder,
  RepairPart,
  RepairVisit,
  WarrantyProofDocument,
];

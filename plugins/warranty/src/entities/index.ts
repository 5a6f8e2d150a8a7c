import { WarrantyClaim } from './warranty-claim.entity.js';
import { WarrantyContract } from './warranty-contract.entity.js';
import { WarrantyPolicy } from './warranty-policy.entity.js';
import { WarrantyRegistration } from './warranty-registration.entity.js';

export { WarrantyClaim, WarrantyContract, WarrantyPolicy, WarrantyRegistration };

/** Every entity of the plugin, for definePlugin. */
export const entities = [WarrantyPolicy, WarrantyRegistration, WarrantyContract, WarrantyClaim];

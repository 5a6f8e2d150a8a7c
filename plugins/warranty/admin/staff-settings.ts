/**
 * The warranty settings every staff user may read (marked staff-readable in the plugin's settings
 * schema), as core's `staffSettings(owner: "warranty")` answers them.
 */
export interface WarrantyStaffSettings {
  /** The only grounds a claim may be rejected on. */
  rejectionReasons: string[];
  /** Length of a visit slot; slots start on multiples of it from midnight UTC. */
  visitSlotMinutes: number;
  /** Currency of labour and estimates. */
  currency: string;
}

/** Typed view of a `staffSettings(owner: "warranty")` answer (nothing while it loads). */
export const warrantySettings = (json: Record<string, unknown> | null | undefined): Partial<WarrantyStaffSettings> =>
  (json ?? {}) as Partial<WarrantyStaffSettings>;

import { defineStore } from 'pinia';
import { computed, type ComputedRef, type MaybeRefOrGetter, toValue } from 'vue';
import { type PermissionRequirement, satisfies } from './extension.js';

/** The signed-in staff user as the console knows them. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

/**
 * Who is signed in and what they may do, shared by the console and every plugin UI (one pinia
 * store). The console fills it from `me` after sign-in and clears it on sign-out.
 */
export const useAdminSession = defineStore('aftercare-session', {
  state: () => ({ user: null as SessionUser | null, permissions: [] as string[] }),
  getters: {
    signedIn: (s) => s.user !== null,
    permissionSet: (s) => new Set(s.permissions),
  },
  actions: {
    set(user: SessionUser | null, permissions: readonly string[] = []) {
      this.user = user;
      this.permissions = [...permissions];
    },
    clear() {
      this.user = null;
      this.permissions = [];
    },
    /** Whether the user holds `required` (any of a list). */
    can(required: PermissionRequirement | undefined): boolean {
      return satisfies(this.permissionSet, required);
    },
  },
});

/**
 * Whether the signed-in user holds a permission (or any of a list), as a computed ref: hide buttons
 * and sections with it. The server still refuses what the user may not do.
 *
 * @example
 * const canDecide = usePermission('warranty.claim.decide');
 * // <n-button v-if="canDecide">…</n-button>
 */
export function usePermission(required: MaybeRefOrGetter<PermissionRequirement | undefined>): ComputedRef<boolean> {
  const session = useAdminSession();
  return computed(() => session.can(toValue(required)));
}

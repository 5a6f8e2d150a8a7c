/**
 * @aftercare/admin-kit — how plugins (and core) add pages to the Aftercare admin console, and the
 * building blocks those pages share. See README.md for a walk-through.
 */
export {
  defineAdminExtension,
  satisfies,
  type AdminExtension,
  type AdminRoute,
  type AdminNavItem,
  type DashboardWidget,
  type CustomerTab,
  type ExtensionSettings,
  type ExtensionMessages,
  type LazyComponent,
  type PermissionRequirement,
} from './extension.js';
export { useAdminSession, usePermission, type SessionUser } from './session.js';
export { registerSlotContributions, slotContributions, type SlotContribution } from './slots.js';
export { default as ExtensionSlot } from './components/ExtensionSlot.vue';
export { mapGraphQLError, type MappedError, type ServerError } from './errors.js';
export { lineIcon } from './icon.js';
export { useListState, type ListState, type ListStateOptions, type ListSort } from './list-state.js';
export { defineStatusMachine, type StatusMachine, type StatusState, type StatusTone } from './state-machine.js';
export { useFormat } from './format.js';
export { slaCountdown, useNow, type SlaDueState, type SlaCountdown } from './sla.js';
export type { PickerOption, PickerValue } from './pickers.js';
export { useFormDialog, type FormDialogState, type FormDialogOptions, type FormDialogResult } from './form-dialog.js';
export { kitMessages } from './i18n.js';
export { default as ListPage } from './components/ListPage.vue';
export { default as DetailLayout } from './components/DetailLayout.vue';
export type { DetailFact } from './components/DetailHeader.vue';
export { default as TimelineList, type TimelineItem } from './components/TimelineList.vue';
export { default as StatusTag } from './components/StatusTag.vue';
export { default as AdminForm } from './components/AdminForm.vue';
export { default as FormField } from './components/FormField.vue';
export { default as ConfirmButton } from './components/ConfirmButton.vue';
export { default as StateView } from './components/StateView.vue';
export { default as FormDialog } from './components/FormDialog.vue';
export { default as SlaDue } from './components/SlaDue.vue';
export { default as CustomerPicker } from './components/pickers/CustomerPicker.vue';
export { default as PurchasePicker } from './components/pickers/PurchasePicker.vue';
export { default as ProductModelPicker } from './components/pickers/ProductModelPicker.vue';
export { default as StaffPicker } from './components/pickers/StaffPicker.vue';

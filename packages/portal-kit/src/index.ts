/**
 * @aftercare/portal-kit: how core and plugins add pages to the customer portal, and the light
 * building blocks those pages share. No admin-only dependencies: the portal stays small.
 */
export * from './extension.js';
export * from './session.js';
export * from './format.js';
export * from './errors.js';
export * from './upload.js';
export { registerSlotContributions, slotContributions, type SlotContribution } from './slots.js';
export { default as ExtensionSlot } from './components/ExtensionSlot.vue';
export { kitMessages } from './i18n.js';
export { default as PortalPage } from './components/PortalPage.vue';
export { default as AsyncState } from './components/AsyncState.vue';
export { default as StatusTimeline } from './components/StatusTimeline.vue';
export type { TimelineStep } from './timeline.js';
export { default as FormField } from './components/FormField.vue';
export { default as FormErrors } from './components/FormErrors.vue';
export { default as FileUpload } from './components/FileUpload.vue';

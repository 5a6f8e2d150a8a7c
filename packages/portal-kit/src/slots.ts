import { type Component, defineAsyncComponent, shallowRef } from 'vue';
import type { LazyComponent } from './extension.js';

/**
 * A component an extension puts into a named place ("slot") of another extension's page, e.g. the knowledge
 * base's suggested articles in the service desk's new-request form. The page renders every contribution with
 * `<ExtensionSlot name="service-desk.new-request" :context="{ text, modelId }" />`; neither side imports the other.
 */
export interface SlotContribution {
  /** The slot's name, `<owning plugin>.<place>`, e.g. `service-desk.new-request`. The owner documents its context props. */
  slot: string;
  /** Unique id, `<contributing plugin>.<what>`. */
  id: string;
  /** Receives the slot's context as props; may emit `action` with a payload the slot's owner documents. */
  component: LazyComponent;
  /** Lower comes first. Defaults to 100. */
  order?: number;
}

const registered = shallowRef<readonly SlotContribution[]>([]);
const loaded = new WeakMap<SlotContribution, Component>();

/** Set the slot contributions of the enabled extensions (the portal does this once at start). */
export function registerSlotContributions(list: readonly SlotContribution[]): void {
  registered.value = [...list].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
}

/** The contributions to one slot, in order, each with its lazily loaded component. */
export function slotContributions(slot: string): Array<SlotContribution & { loaded: Component }> {
  return registered.value
    .filter((c) => c.slot === slot)
    .map((c) => {
      let component = loaded.get(c);
      if (!component) {
        component = defineAsyncComponent(c.component as () => Promise<Component>);
        loaded.set(c, component);
      }
      return { ...c, loaded: component };
    });
}

import { ReturnsItem } from './item.entity.js';

export { ReturnsItem };

/** Every entity of the plugin (its tables start with `returns_`). */
export const entities = [ReturnsItem];

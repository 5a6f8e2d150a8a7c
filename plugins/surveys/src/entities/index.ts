import { SurveysItem } from './item.entity.js';

export { SurveysItem };

/** Every entity of the plugin (its tables start with `surveys_`). */
export const entities = [SurveysItem];

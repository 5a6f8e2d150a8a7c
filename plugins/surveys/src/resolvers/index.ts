import { SurveysItemResolver } from './item.resolver.js';

/** Every resolver class of the plugin; they receive the plugin's services in their constructor. */
export const resolvers = [SurveysItemResolver];

import { LoyaltyResolver, MyLoyaltyResolver } from './loyalty.resolver.js';

/** Every resolver of the plugin. */
export const resolvers = [LoyaltyResolver, MyLoyaltyResolver];

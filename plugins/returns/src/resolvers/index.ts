import { MyReturnsResolver, ReturnRequestResolver } from './return.resolver.js';

/** Every resolver of the plugin. */
export const resolvers = [ReturnRequestResolver, MyReturnsResolver];

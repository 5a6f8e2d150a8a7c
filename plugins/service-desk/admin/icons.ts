import { lineIcon } from '@aftercare/admin-kit';

/** A speech bubble with lines: the service desk's cases. */
export const CasesIcon = lineIcon('M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z', 'M8 8h8M8 12h5');
/** A headset: the service desk's settings. */
export const HeadsetIcon = lineIcon('M3 18v-6a9 9 0 0 1 18 0v6', 'M21 19a2 2 0 0 1-2 2h-1v-6h3zM3 19a2 2 0 0 0 2 2h1v-6H3z');

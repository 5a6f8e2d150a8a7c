import { lineIcon } from '@aftercare/admin-kit';

/** A speech bubble with lines: the service desk's cases. */
export const CasesIcon = lineIcon('M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z', 'M8 8h8M8 12h5');

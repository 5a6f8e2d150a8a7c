import { lineIcon } from '@aftercare/admin-kit';

/** Coverage lookup: a shield with a magnifier. */
export const CoverageIcon = lineIcon(
  'M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z',
  'M11 13.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM13 13l2 2',
);
/** Claims: a clipboard with a check. */
export const ClaimIcon = lineIcon(
  'M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2',
  'M9 2h6v4H9z',
  'M9 14l2 2 4-4',
);
/** Repairs: a wrench. */
export const RepairIcon = lineIcon(
  'M14.7 6.3a1 1 0 0 0 0 1.4l1.6 1.6a1 1 0 0 0 1.4 0l3.77-3.77a6 6 0 0 1-7.94 7.94l-6.91 6.91a2.12 2.12 0 0 1-3-3l6.91-6.91a6 6 0 0 1 7.94-7.94l-3.76 3.76z',
);

import { lineIcon } from '@aftercare/admin-kit';

// Navigation icons of the warranty pages, in the console's line style.
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
/** Registrations: a card with a holder. */
export const RegistrationIcon = lineIcon('M3 5h18v14H3z', 'M7 10a2 2 0 1 0 4 0 2 2 0 0 0-4 0', 'M14 9h4M14 13h4M6 16h6');
export const PartsIcon = lineIcon(
  'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  'M12 2v3M12 19v3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M2 12h3M19 12h3M4.9 19.1L7 17M17 7l2.1-2.1',
);
export const PolicyIcon = lineIcon('M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z', 'M14 2v6h6', 'M8 13h8M8 17h5');
export const ScheduleIcon = lineIcon(
  'M8 2v4M16 2v4M3 10h18',
  'M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
  'M8 14h3v3H8z',
);
export const AnalyticsIcon = lineIcon('M3 3v18h18', 'M7 15l4-4 3 3 5-6');

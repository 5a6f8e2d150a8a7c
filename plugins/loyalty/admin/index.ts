import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** A star: loyalty. */
const StarIcon = lineIcon('M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z');
/** A ticket: sweepstakes. */
const TicketIcon = lineIcon('M4 7h16v3a2 2 0 0 0 0 4v3H4v-3a2 2 0 0 0 0-4z', 'M14 7v10');
/** A list of settings: the programme. */
const ProgrammeIcon = lineIcon('M9 6h11M9 12h11M9 18h11', 'M4 6h1M4 12h1M4 18h1');

/**
 * The loyalty console: customer accounts with their ledger and manual adjustments, the programme
 * (earning rules, tiers, rewards, promotions and coupons) and sweepstakes with their proof. The
 * console loads this file only when the server runs the plugin; settings get a generated form.
 */
export default defineAdminExtension({
  id: 'loyalty',
  label: 'loyalty.name',
  icon: StarIcon,
  messages: { en, es },
  routes: [
    {
      path: '/loyalty/accounts',
      name: 'loyalty.accounts',
      component: () => import('./pages/AccountsPage.vue'),
      permission: 'loyalty.account.read',
      title: 'loyalty.accounts.title',
    },
    {
      path: '/loyalty/programme',
      name: 'loyalty.programme',
      component: () => import('./pages/ProgrammePage.vue'),
      permission: 'loyalty.account.read',
      title: 'loyalty.programme.title',
    },
    {
      path: '/loyalty/sweepstakes',
      name: 'loyalty.sweepstakes',
      component: () => import('./pages/SweepstakesPage.vue'),
      permission: 'loyalty.account.read',
      title: 'loyalty.sweepstakes.title',
    },
  ],
  nav: [
    { to: 'loyalty.accounts', label: 'loyalty.nav.accounts', icon: StarIcon, order: 80 },
    { to: 'loyalty.programme', label: 'loyalty.nav.programme', icon: ProgrammeIcon, order: 81 },
    { to: 'loyalty.sweepstakes', label: 'loyalty.nav.sweepstakes', icon: TicketIcon, order: 82 },
  ],
  permissions: [
    'loyalty.account.read',
    'loyalty.points.adjust',
    'loyalty.program.manage',
    'loyalty.reward.redeem',
    'loyalty.sweepstake.draw',
  ],
});

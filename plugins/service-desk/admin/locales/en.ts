export default {
  serviceDesk: {
    name: 'Service desk',
    slaSubjects: { case: 'Service cases' },
    customerTab: {
      title: 'Cases',
      reference: 'Case',
      subject: 'Subject',
      status: 'Status',
      due: 'Due',
      opened: 'Opened',
      empty: 'This customer has no cases.',
      breached: 'Overdue',
      atRisk: 'At risk',
      more: '{shown} of {total} cases shown, most urgent first.',
      statuses: {
        NEW: 'New',
        OPEN: 'Open',
        WAITING_ON_CUSTOMER: 'Waiting on customer',
        WAITING_ON_THIRD_PARTY: 'Waiting on third party',
        RESOLVED: 'Resolved',
        CLOSED: 'Closed',
        MERGED: 'Merged',
      },
    },
  },
};

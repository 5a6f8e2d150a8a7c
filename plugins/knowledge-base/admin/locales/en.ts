export default {
  knowledgeBase: {
    name: 'Knowledge base',
    nav: { items: 'Knowledge base' },
    items: {
      title: 'Knowledge base items',
      reference: 'Reference',
      itemTitle: 'Title',
      status: 'State',
      created: 'Created',
      anyStatus: 'Any state',
      empty: 'No items yet. Create the first one.',
      noMatch: 'No item is in this state.',
      new: 'New item',
      create: 'Create',
      createdToast: 'Created {reference}',
      customer: 'Customer',
      moveTo: 'Move to',
      moved: '{reference} is now {status}',
      changedMeanwhile: 'Someone changed this item meanwhile: the list was reloaded, try again.',
    },
    status: { OPEN: 'Open', IN_PROGRESS: 'In progress', DONE: 'Done', CANCELLED: 'Cancelled' },
  },
};

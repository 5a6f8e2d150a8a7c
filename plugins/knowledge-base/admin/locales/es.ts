export default {
  knowledgeBase: {
    name: 'Knowledge base',
    nav: { items: 'Knowledge base' },
    items: {
      title: 'Elementos de Knowledge base',
      reference: 'Referencia',
      itemTitle: 'Título',
      status: 'Estado',
      created: 'Creado',
      anyStatus: 'Cualquier estado',
      empty: 'Todavía no hay elementos. Cree el primero.',
      noMatch: 'Ningún elemento está en este estado.',
      new: 'Nuevo elemento',
      create: 'Crear',
      createdToast: '{reference} creado',
      customer: 'Cliente',
      moveTo: 'Mover a',
      moved: '{reference} está ahora en {status}',
      changedMeanwhile: 'Alguien cambió este elemento entretanto: la lista se recargó, inténtelo de nuevo.',
    },
    status: { OPEN: 'Abierto', IN_PROGRESS: 'En curso', DONE: 'Hecho', CANCELLED: 'Cancelado' },
  },
};

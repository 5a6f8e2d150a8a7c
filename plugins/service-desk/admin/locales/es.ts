export default {
  serviceDesk: {
    name: 'Atención al cliente',
    slaSubjects: { case: 'Casos de atención' },
    customerTab: {
      title: 'Casos',
      reference: 'Caso',
      subject: 'Asunto',
      status: 'Estado',
      due: 'Vence',
      opened: 'Abierto',
      empty: 'Este cliente no tiene casos.',
      breached: 'Vencido',
      atRisk: 'En riesgo',
      more: 'Se muestran {shown} de {total} casos, los más urgentes primero.',
      statuses: {
        NEW: 'Nuevo',
        OPEN: 'Abierto',
        WAITING_ON_CUSTOMER: 'Esperando al cliente',
        WAITING_ON_THIRD_PARTY: 'Esperando a un tercero',
        RESOLVED: 'Resuelto',
        CLOSED: 'Cerrado',
        MERGED: 'Fusionado',
      },
    },
  },
};

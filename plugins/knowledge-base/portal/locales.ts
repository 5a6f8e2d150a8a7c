/** English and Spanish strings of the help centre (the same keys in both). */
export const en = {
  knowledgeBase: {
    nav: { help: 'Help centre' },
    home: {
      title: 'Help centre',
      search: 'Search the help centre',
      popular: 'Popular articles',
      forYou: 'For your products',
      noResults: 'No article matches. Try other words.',
    },
    article: {
      helpful: 'Was this article helpful?',
      yes: 'Yes',
      no: 'No',
      reason: 'What was missing? (optional)',
      send: 'Send',
      thanks: 'Thank you for your feedback.',
      related: 'Related articles',
      fallback: 'This article is not available in your language yet.',
      outdated: 'This translation may be out of date.',
      back: 'Help centre',
      forYou: 'For your product',
    },
    suggest: { title: 'These articles may already answer your question' },
    guides: { title: 'Guides', progress: '{done} of {total} done', markDone: 'Mark done', done: 'Done', none: 'No guides yet.' },
  },
};

export const es: typeof en = {
  knowledgeBase: {
    nav: { help: 'Centro de ayuda' },
    home: {
      title: 'Centro de ayuda',
      search: 'Busca en el centro de ayuda',
      popular: 'Artículos populares',
      forYou: 'Para tus productos',
      noResults: 'Ningún artículo coincide. Prueba con otras palabras.',
    },
    article: {
      helpful: '¿Te ha resultado útil este artículo?',
      yes: 'Sí',
      no: 'No',
      reason: '¿Qué faltaba? (opcional)',
      send: 'Enviar',
      thanks: 'Gracias por tu opinión.',
      related: 'Artículos relacionados',
      fallback: 'Este artículo aún no está disponible en tu idioma.',
      outdated: 'Esta traducción puede no estar actualizada.',
      back: 'Centro de ayuda',
      forYou: 'Para tu producto',
    },
    suggest: { title: 'Estos artículos quizá ya respondan a tu pregunta' },
    guides: {
      title: 'Guías',
      progress: '{done} de {total} completados',
      markDone: 'Marcar como hecho',
      done: 'Hecho',
      none: 'Aún no hay guías.',
    },
  },
};

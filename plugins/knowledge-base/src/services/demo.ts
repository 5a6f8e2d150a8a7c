import type { DemoSeedArgs } from '@aftercare/core';
import { searchConfigFor } from '../domain.js';
import { KbArticleRecord, KbCategoryRecord, KbRevisionRecord, KbTranslationRecord } from '../entities/index.js';
import { markdownText, renderMarkdown } from '../lib/markdown.js';
import type { KnowledgeBase } from './index.js';
import { slugify } from './articles.service.js';

interface DemoText {
  title: string;
  summary: string;
  body: string;
}

const ARTICLES: Array<{ category: string; visibility: 'public' | 'customers' | 'internal'; scoped: boolean; en: DemoText; es?: DemoText }> =
  [
    {
      category: 'getting-started',
      visibility: 'public',
      scoped: true,
      en: {
        title: 'Battery does not charge',
        summary: 'What to check when the battery stays empty.',
        body: '## Check the charger\n\n1. Use the original charger.\n2. Try another socket.\n3. Clean the charging port.\n\nIf it still does not charge, open a request.',
      },
      es: {
        title: 'La batería no carga',
        summary: 'Qué comprobar cuando la batería sigue vacía.',
        body: '## Comprueba el cargador\n\n1. Usa el cargador original.\n2. Prueba otro enchufe.\n3. Limpia el conector de carga.\n\nSi sigue sin cargar, abre una solicitud.',
      },
    },
    {
      category: 'getting-started',
      visibility: 'public',
      scoped: false,
      en: {
        title: 'Register your product for warranty',
        summary: 'Register a purchase to get warranty service faster.',
        body: 'Sign in to the portal, open **Products** and add the serial number printed on the box.',
      },
      es: {
        title: 'Registra tu producto para la garantía',
        summary: 'Registra una compra para recibir el servicio de garantía más rápido.',
        body: 'Entra en el portal, abre **Productos** y añade el número de serie impreso en la caja.',
      },
    },
    {
      category: 'troubleshooting',
      visibility: 'customers',
      scoped: false,
      en: {
        title: 'Reset the device to factory settings',
        summary: 'A reset solves most freezes and connection problems.',
        body: 'Hold the power button for 15 seconds until the light blinks twice. Your settings are erased.',
      },
    },
    {
      category: 'troubleshooting',
      visibility: 'internal',
      scoped: false,
      en: {
        title: 'Agents: replacing a swollen battery',
        summary: 'Internal procedure for swollen batteries.',
        body: 'Never ask the customer to ship a swollen battery by post. Arrange a courier for hazardous goods.',
      },
    },
  ];

/** Demo categories and published articles (English and Spanish) for `pnpm start`. */
export async function seedKnowledgeBaseDemo(_kb: KnowledgeBase, { manager: m, now, purchases }: DemoSeedArgs): Promise<void> {
  const categories = new Map<string, string>();
  for (const [i, c] of [
    ['getting-started', 'Getting started', 'Primeros pasos'],
    ['troubleshooting', 'Troubleshooting', 'Solución de problemas'],
  ].entries()) {
    const row = await m.save(
      m.create(KbCategoryRecord, {
        slug: c[0]!,
        names: { en: c[1]!, es: c[2]! },
        parentId: null,
        position: i,
        createdAt: now,
        updatedAt: now,
      }),
    );
    categories.set(c[0]!, row.id);
  }
  const modelId = purchases[0]?.modelId;
  for (const a of ARTICLES) {
    const article = await m.save(
      m.create(KbArticleRecord, {
        status: 'published',
        visibility: a.visibility,
        categoryId: categories.get(a.category) ?? null,
        defaultLocale: 'en',
        modelIds: a.scoped && modelId ? [modelId] : [],
        tags: [],
        relatedIds: [],
        publishedAt: now,
        unpublishAt: null,
        lastReviewedAt: now,
        ownerId: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    for (const [locale, text] of Object.entries({ en: a.en, ...(a.es ? { es: a.es } : {}) })) {
      const t = await m.save(
        m.create(KbTranslationRecord, {
          articleId: article.id,
          locale,
          slug: slugify(text.title),
          title: text.title,
          summary: text.summary,
          body: text.body,
          html: renderMarkdown(text.body),
          bodyText: markdownText(text.body),
          titleNorm: '',
          searchConfig: searchConfigFor(locale),
          revision: 1,
          sourceRevision: locale === 'en' ? null : 1,
          updatedAt: now,
        }),
      );
      await m.query(
        `UPDATE knowledge_base_translation
            SET search_vector = setweight(to_tsvector(search_config::regconfig, title), 'A')
                             || setweight(to_tsvector(search_config::regconfig, summary), 'B')
                             || setweight(to_tsvector(search_config::regconfig, body_text), 'C'),
                title_norm = lower(unaccent(title))
          WHERE id = $1`,
        [t.id],
      );
      await m.insert(KbRevisionRecord, {
        articleId: article.id,
        locale,
        number: 1,
        slug: t.slug,
        title: t.title,
        summary: t.summary,
        body: t.body,
        note: 'Demo content',
        author: null,
        createdAt: now,
      });
    }
  }
}

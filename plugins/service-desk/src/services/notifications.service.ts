import type { Notifier, PluginContext } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
type Logger = PluginContext['logger'];

/** One language version of a message; `{{name}}` is replaced by `data.name`. */
export interface TemplateText {
  subject: string;
  text: string;
}

/** The templates of the service desk, per language (English is the fallback). */
export const TEMPLATES = {
  'service-desk.case.acknowledged': {
    en: {
      subject: 'We received your request {{reference}}',
      text: 'Hello {{customerName}},\n\nthank you for contacting us. We received your request "{{subject}}" and registered it as {{reference}}. We will get back to you as soon as possible.\n',
    },
    es: {
      subject: 'Hemos recibido su solicitud {{reference}}',
      text: 'Hola {{customerName}}:\n\ngracias por contactarnos. Hemos recibido su solicitud «{{subject}}» y la hemos registrado como {{reference}}. Le responderemos lo antes posible.\n',
    },
  },
  'service-desk.case.replied': {
    en: { subject: 'New reply on {{reference}}', text: 'Hello {{customerName}},\n\n{{body}}\n\n— {{agentName}}\n' },
    es: { subject: 'Nueva respuesta en {{reference}}', text: 'Hola {{customerName}}:\n\n{{body}}\n\n— {{agentName}}\n' },
  },
  'service-desk.case.status_changed': {
    en: {
      subject: 'Your request {{reference}} is now {{statusLabel}}',
      text: 'Hello {{customerName}},\n\nyour request "{{subject}}" ({{reference}}) is now {{statusLabel}}.\n',
    },
    es: {
      subject: 'Su solicitud {{reference}} está ahora {{statusLabel}}',
      text: 'Hola {{customerName}}:\n\nsu solicitud «{{subject}}» ({{reference}}) está ahora {{statusLabel}}.\n',
    },
  },
  'service-desk.case.breached': {
    en: {
      subject: 'SLA breached on {{reference}}',
      text: 'The case {{reference}} ({{severity}}) passed its due date {{dueAt}} and was escalated to you.\n',
    },
    es: {
      subject: 'SLA incumplido en {{reference}}',
      text: 'El caso {{reference}} ({{severity}}) superó su fecha límite {{dueAt}} y se le ha escalado.\n',
    },
  },
} satisfies Record<string, Record<'en' | 'es', TemplateText>>;

export type TemplateName = keyof typeof TEMPLATES;

/** Status names as customers read them. */
export const STATUS_LABELS: Record<string, Record<'en' | 'es', string>> = {
  new: { en: 'received', es: 'recibida' },
  open: { en: 'in progress', es: 'en curso' },
  waiting_on_customer: { en: 'waiting for your answer', es: 'esperando su respuesta' },
  waiting_on_third_party: { en: 'waiting for a third party', es: 'esperando a un tercero' },
  resolved: { en: 'resolved', es: 'resuelta' },
  closed: { en: 'closed', es: 'cerrada' },
  merged: { en: 'merged with another request', es: 'fusionada con otra solicitud' },
};

/** A message waiting to be sent. */
export interface QueuedMessage {
  to: string;
  template: TemplateName;
  /** BCP 47 tag of the recipient (e.g. "es-MX"); falls back to the base language, then English. */
  locale: string;
  data: Record<string, string>;
}

/** Pick the language version of a template for a locale. */
export function render(template: TemplateName, locale: string, data: Record<string, string>): TemplateText {
  const versions = TEMPLATES[template] as Record<string, TemplateText>;
  const base = locale.toLowerCase().split('-')[0]!;
  const chosen = versions[base] ?? versions.en!;
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (whole, k: string) => data[k] ?? whole);
  return { subject: fill(chosen.subject), text: fill(chosen.text) };
}

/**
 * Customer and staff notifications of the service desk. Every message is queued with the manager of
 * the transaction that caused it and sent only after that transaction commits, so a rolled-back change
 * sends nothing. This is the one place to switch to core's notification outbox (queue in the
 * transaction, retries) once it exists.
 */
export class Notifications {
  private readonly queued = new WeakMap<EntityManager, QueuedMessage[]>();

  constructor(
    private readonly notifier: Notifier,
    private readonly logger: Logger,
  ) {}

  /** Queue a message in the transaction of `manager`. */
  enqueue(manager: EntityManager, message: QueuedMessage): void {
    const list = this.queued.get(manager) ?? [];
    list.push(message);
    this.queued.set(manager, list);
  }

  /** Run `fn` in a transaction and send what it queued after commit. */
  async transaction<T>(
    db: { transaction<R>(fn: (m: EntityManager) => Promise<R>): Promise<R> },
    fn: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    let manager: EntityManager | undefined;
    const result = await db.transaction(async (m) => {
      manager = m;
      return fn(m);
    });
    const messages = manager ? (this.queued.get(manager) ?? []) : [];
    if (manager) this.queued.delete(manager);
    for (const m of messages) {
      const { subject, text } = render(m.template, m.locale, m.data);
      // After commit: a failed send must not undo the change; it is logged for follow-up.
      await this.notifier
        .send({ to: m.to, subject, text })
        .catch((err) => this.logger.error({ err, to: m.to, template: m.template }, 'sending failed'));
    }
    return result;
  }
}

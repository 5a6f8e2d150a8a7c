import type { MailThreading, Notifier } from '@aftercare/core';
import type { EntityManager } from 'typeorm';

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

/** A message to queue. */
export interface QueuedMessage {
  to: string;
  template: TemplateName;
  /** BCP 47 tag of the recipient (e.g. "es-MX"); falls back to the base language, then English. */
  locale: string;
  data: Record<string, string>;
}

/**
 * Customer and staff notifications of the service desk, through core's notification outbox: each
 * message is queued in the transaction of the change that caused it, so a rolled-back change sends
 * nothing, and core sends it after commit with retries.
 */
export class Notifications {
  private threading?: (manager: EntityManager, message: QueuedMessage) => Promise<MailThreading | undefined>;

  constructor(private readonly notifier: Notifier) {}

  /** Let the e-mail channel choose the sender and threading headers of each message. */
  useThreading(fn: (manager: EntityManager, message: QueuedMessage) => Promise<MailThreading | undefined>): void {
    this.threading = fn;
  }

  /** Register the templates with the outbox; call once in setup. */
  defineTemplates(): void {
    for (const [name, translations] of Object.entries(TEMPLATES)) this.notifier.defineTemplate(name, translations);
  }

  /** Queue a message in the transaction of `manager`. */
  async enqueue(manager: EntityManager, message: QueuedMessage): Promise<void> {
    const mail = await this.threading?.(manager, message);
    await this.notifier.enqueue(manager, message, mail ? { mail } : undefined);
  }
}

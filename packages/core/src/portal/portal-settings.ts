import { z } from 'zod';

/** Owner name of the portal's settings (edited in the console under "Plugin settings" → portal). */
export const PORTAL_SETTINGS_OWNER = 'portal';

/** The languages the portal ships translations for. */
export const PORTAL_LANGUAGES = ['en', 'es'] as const;

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f5f8b');

/**
 * What the customer portal shows of the company, and the facts its public complaint-procedure
 * page is generated from. Administrators edit them in the console; the portal reads them through
 * the public `portalConfiguration` and `complaintProcedure` queries.
 */
export const portalSettingsSchema = z.object({
  companyName: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .default('Aftercare Demo Company')
    .describe('Company name shown in the portal header and e-mails.'),
  logoUrl: z
    .string()
    .max(500)
    .regex(/^(https:\/\/\S+|\/\S*)?$/, 'must be an https:// address or a path on this server, or empty')
    .default('')
    .describe('Logo image (https:// URL or a path on this server); empty shows the company name only.'),
  primaryColor: hexColor.default('#1d4f91').describe('Main colour (header, buttons). Keep white text readable on it (contrast 4.5:1).'),
  accentColor: hexColor.default('#0b6e4f').describe('Colour of links and highlights on white.'),
  languages: z
    .array(z.enum(PORTAL_LANGUAGES))
    .min(1)
    .default(['en', 'es'])
    .describe('Languages the portal offers; the first is the default for visitors whose browser language is not offered.'),
  complaintEmail: z
    .string()
    .email()
    .max(254)
    .default('support@example.com')
    .describe('E-mail address for complaints (shown on the complaint-procedure page).'),
  complaintPhone: z.string().max(40).default('').describe('Telephone number for complaints; empty hides it.'),
  complaintPostalAddress: z.string().max(300).default('').describe('Postal address for written complaints; empty hides it.'),
  complaintResponsible: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .default('Customer Service Manager')
    .describe('Who is responsible for handling complaints (a role or department).'),
  dataProtectionContact: z
    .string()
    .max(254)
    .default('privacy@example.com')
    .describe('Contact for personal-data questions (data protection officer or controller).'),
  personalDataRetentionMonths: z
    .number()
    .int()
    .min(1)
    .max(240)
    .default(36)
    .describe('How long the data of a closed request is kept, in months (shown on the complaint-procedure page).'),
});

export type PortalSettings = z.infer<typeof portalSettingsSchema>;

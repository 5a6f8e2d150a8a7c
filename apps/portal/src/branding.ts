import { reactive } from 'vue';

/** The company's look and languages, read once at start from `portalConfiguration` (public). */
export const branding = reactive({ companyName: '', logoUrl: null as string | null, languages: ['en', 'es'] as string[] });

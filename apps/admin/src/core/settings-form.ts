/** Turn a plugin's settings JSON Schema into form fields (pure, tested without a browser). */

export type SettingsFieldKind = 'boolean' | 'integer' | 'number' | 'enum' | 'string' | 'string-list' | 'json';

export interface SettingsField {
  key: string;
  kind: SettingsFieldKind;
  description?: string;
  min?: number;
  max?: number;
  options?: Array<string | number>;
  defaultValue?: unknown;
}

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  enum?: Array<string | number>;
  items?: Schema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  description?: string;
  default?: unknown;
  anyOf?: Schema[];
};

function kindOf(s: Schema): SettingsFieldKind {
  if (s.enum) return 'enum';
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  if (type === 'string') return 'string';
  if (type === 'array' && s.items && (s.items.type === 'string' || s.items.enum)) return 'string-list';
  return 'json';
}

/** The fields of a settings object schema, in declaration order. */
export function settingsFields(schema: Record<string, unknown>): SettingsField[] {
  const props = (schema as Schema).properties ?? {};
  return Object.entries(props).map(([key, raw]) => {
    const s = raw.anyOf?.find((x) => x.type !== 'null') ?? raw;
    const kind = kindOf(s);
    return {
      key,
      kind,
      description: raw.description ?? s.description,
      min: s.minimum ?? s.exclusiveMinimum,
      max: s.maximum ?? s.exclusiveMaximum,
      options: s.enum ?? s.items?.enum,
      defaultValue: raw.default ?? s.default,
    };
  });
}

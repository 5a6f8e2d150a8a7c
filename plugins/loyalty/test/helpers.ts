import { definePlugin, defineEvent, type PluginContext } from '@aftercare/core';

/**
 * A stand-in for another plugin that only publishes events (returns, surveys, service desk), so the
 * loyalty plugin's subscribers are tested by event type string, without that plugin's package.
 */
export function publisher(name: string, types: string[]) {
  let ctx: PluginContext | undefined;
  const declared = types.map((t) => defineEvent<Record<string, unknown>>(t));
  const plugin = definePlugin({
    name,
    version: '0.1.0',
    compatibility: '^0.1.0',
    events: declared,
    setup(c) {
      ctx = c;
    },
  });
  return {
    plugin,
    async publish(type: string, payload: Record<string, unknown>) {
      const event = declared.find((e) => e.type === type)!;
      await ctx!.db.transaction((m) => ctx!.events.publish(m, event, payload));
    },
  };
}

export const DAY = 86_400_000;

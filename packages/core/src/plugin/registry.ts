/**
 * A named collection that plugins contribute to. Registering the same key twice is a boot error
 * naming both contributors, so two plugins can never silently replace each other's contribution.
 */
export class Registry<T> {
  private readonly items = new Map<string, { owner: string; value: T }>();
  constructor(readonly kind: string) {}

  register(owner: string, key: string, value: T): void {
    const existing = this.items.get(key);
    if (existing) {
      throw new Error(`${this.kind} '${key}' is registered by both '${existing.owner}' and '${owner}'.`);
    }
    this.items.set(key, { owner, value });
  }

  get(key: string): T | undefined {
    return this.items.get(key)?.value;
  }

  entries(): Array<{ key: string; owner: string; value: T }> {
    return [...this.items].map(([key, v]) => ({ key, ...v }));
  }

  values(): T[] {
    return [...this.items.values()].map((v) => v.value);
  }
}

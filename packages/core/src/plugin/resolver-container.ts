import type { ContainerType } from 'type-graphql';

/**
 * The type-graphql container of one server. type-graphql asks it for an instance of a resolver
 * (or middleware) class on every call; it constructs each class once per server, passing a
 * plugin's resolvers that plugin's services. The schema of a server captures its container, so two
 * servers in one process never share resolver instances or plugin services.
 */
export class ResolverContainer implements ContainerType {
  private readonly ownerOf = new Map<Function, string>();
  private readonly services = new Map<string, unknown>();
  private readonly instances = new Map<Function, object>();

  /** Declare that `owner` (a plugin name, or `core`) owns these resolver classes. */
  register(owner: string, resolvers: readonly Function[]): void {
    for (const r of resolvers) this.ownerOf.set(r, owner);
  }

  /** The services of `owner`, given to its resolvers' constructors. Call before the server takes requests. */
  provide(owner: string, services: unknown): void {
    this.services.set(owner, services);
  }

  /** The services `owner` provided (undefined when it declares none). */
  servicesOf(owner: string): unknown {
    return this.services.get(owner);
  }

  get(someClass: Function): object {
    let instance = this.instances.get(someClass);
    if (!instance) {
      const owner = this.ownerOf.get(someClass);
      const Class = someClass as new (services?: unknown) => object;
      instance = owner && owner !== 'core' ? new Class(this.services.get(owner)) : new Class();
      this.instances.set(someClass, instance);
    }
    return instance;
  }
}

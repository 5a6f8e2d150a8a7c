/** The version of @aftercare/core. Plugins declare a semver range against it (`compatibility`). */
export const CORE_VERSION = '0.1.0';

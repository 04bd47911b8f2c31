import { JsonObject } from '../event-store';

/**
 * An upcaster turns the data of `name` at `fromVersion` into the data of `fromVersion + 1`.
 * Chains run on read, so old events stay loadable forever and domain code only sees the
 * current shape.
 */
export type Upcaster = {
  eventType: string;
  fromVersion: number;
  upcast: (data: JsonObject) => JsonObject;
};

export type EventSchemaRegistry = {
  currentVersion: (eventType: string) => number;
  upcast: (eventType: string, version: number, data: JsonObject) => JsonObject;
};

export const createEventSchemaRegistry = (
  upcasters: readonly Upcaster[] = [],
): EventSchemaRegistry => {
  const byKey = new Map(upcasters.map((u) => [`${u.eventType}@${u.fromVersion}`, u]));
  const currentVersions = new Map<string, number>();
  for (const u of upcasters) {
    currentVersions.set(
      u.eventType,
      Math.max(currentVersions.get(u.eventType) ?? 1, u.fromVersion + 1),
    );
  }
  const currentVersion = (eventType: string): number => currentVersions.get(eventType) ?? 1;

  return {
    currentVersion,
    upcast(eventType, version, data) {
      let upcasted = data;
      for (let v = version; v < currentVersion(eventType); v++) {
        const upcaster = byKey.get(`${eventType}@${v}`);
        if (!upcaster) throw new Error(`no upcaster for ${eventType} from v${v}`);
        upcasted = upcaster.upcast(upcasted);
      }
      return upcasted;
    },
  };
};

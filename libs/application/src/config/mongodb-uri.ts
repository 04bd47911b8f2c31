import { createRequire } from 'node:module';

type MongoDriver = typeof import('mongodb');

/** The driver, loaded only to check a MongoDB URI: the embedded default starts without it. */
let driver: MongoDriver | undefined;
const mongoDriver = (): MongoDriver =>
  (driver ??= createRequire(__filename)('mongodb') as MongoDriver);

/**
 * Why the value is not a usable MongoDB connection string, or undefined when it is one. The
 * driver's own parser decides (constructing a client parses the URI and opens nothing), so
 * an unsupported option or a port in a `mongodb+srv://` URI is caught at start-up.
 */
export const mongoUriProblem = (value: string): string | undefined => {
  if (!/^mongodb(\+srv)?:\/\//i.test(value)) return 'must start with mongodb:// or mongodb+srv://';
  try {
    new (mongoDriver().MongoClient)(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

import { MongoClient } from 'mongodb';

/**
 * Why the value is not a usable MongoDB connection string, or undefined when it is one. The
 * driver's own parser decides (constructing a client parses the URI and opens nothing), so
 * an unsupported option or a port in a `mongodb+srv://` URI is caught at start-up.
 */
export const mongoUriProblem = (value: string): string | undefined => {
  if (!/^mongodb(\+srv)?:\/\//i.test(value)) return 'must start with mongodb:// or mongodb+srv://';
  try {
    new MongoClient(value);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

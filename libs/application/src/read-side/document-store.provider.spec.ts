import { MongoClient } from 'mongodb';
import { loadConfig } from '../config';
import {
  createConfiguredDocumentStore,
  openConfiguredDocumentStore,
} from './document-store.provider';

/**
 * Ownership of the MongoDB client the provider creates. No server is involved: the client is
 * never connected, or its connection is refused. Reading and writing a real MongoDB is the
 * integration suites' part (npm run test:integration).
 */
describe('configured document store on MongoDB', () => {
  const closes = jest.spyOn(MongoClient.prototype, 'close');
  afterEach(() => closes.mockClear());
  afterAll(() => closes.mockRestore());

  const mongoConfig = (uri: string) => loadConfig({ CRM_READ_STORE: 'mongodb', MONGODB_URI: uri });

  it('closes the client it created when the store is closed', async () => {
    const store = await createConfiguredDocumentStore(mongoConfig('mongodb://127.0.0.1:27017'));
    expect(closes).not.toHaveBeenCalled();
    await store.close();
    expect(closes).toHaveBeenCalledTimes(1);
  });

  it('refuses to open on an unreachable server, naming MONGODB_URI, and closes the client', async () => {
    const unreachable = mongoConfig('mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300');
    await expect(openConfiguredDocumentStore(unreachable)).rejects.toThrow(
      /^MONGODB_URI="mongodb:\/\/127\.0\.0\.1:1\/\?serverSelectionTimeoutMS=300": MongoDB is not reachable \(/,
    );
    expect(closes).toHaveBeenCalledTimes(1);
  });
});

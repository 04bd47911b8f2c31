import { randomUUID } from 'node:crypto';
import {
  Document,
  DocumentStore,
  DocumentWrite,
  Filter,
  FindOptions,
  WriteBatch,
} from '@crm/read-store';

/**
 * The behaviour every DocumentStore adapter must have, as MongoDB has it, written against the
 * port only so it runs unchanged on the embedded store and on MongoDB. Tests never assume an
 * empty or private store: collections, checkpoints and generations get unique names, and
 * every commit carries a higher position than the one before (for adapters that guard
 * documents by position). Results without a sort are compared as sets.
 */
export type DocumentStoreContractOptions = {
  /**
   * The store refuses, with an error naming the path, documents that not every engine of its
   * kind can keep (the MongoDB adapter: nested arrays, keys with `.` or a leading `$`, NaN and
   * ±Infinity, which FerretDB rejects); the JSON fixture then has no nested array.
   */
  refusesUnportableDocuments?: boolean;
};

export const documentStoreContract = (
  name: string,
  createStore: () => Promise<DocumentStore>,
  options: DocumentStoreContractOptions = {},
): void => {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    let lastPosition = 0n;

    beforeEach(async () => {
      store = await createStore();
    });

    afterEach(async () => {
      await store.close();
    });

    const commit = (
      writes: DocumentWrite[],
      checkpoints: WriteBatch['checkpoints'] = [],
    ): Promise<void> => {
      lastPosition += 1n;
      return store.commit({ writes, checkpoints, position: lastPosition });
    };

    const upsertAll = (collection: string, documents: Document[]): Promise<void> =>
      commit(documents.map((document) => ({ collection, op: 'upsert', document })));

    const remove = (collection: string, ...ids: string[]): Promise<void> =>
      commit(ids.map((id) => ({ collection, op: 'delete', id })));

    /** A fresh collection holding the contact fixture. */
    const seeded = async (label: string): Promise<string> => {
      const collection = uniqueName(label);
      await upsertAll(collection, contactFixture());
      return collection;
    };

    const findIds = async (
      collection: string,
      filter: Filter,
      options?: FindOptions,
    ): Promise<string[]> => {
      const found = await store.collection(collection).find(filter, options);
      const ids = found.map((document) => document._id);
      return options?.sort ? ids : ids.sort();
    };

    describe('get and getMany', () => {
      it('get returns the document as written, and undefined for a missing id', async () => {
        const collection = await seeded('get');
        const contacts = store.collection(collection);
        expect(await contacts.get('ada')).toEqual(contactsById().get('ada'));
        expect(await contacts.get('nobody')).toBeUndefined();
      });

      it('getMany returns the documents that exist, keyed by id', async () => {
        const collection = await seeded('get-many');
        const found = await store.collection(collection).getMany(['ada', 'nobody', 'cyd', 'ada']);
        expect([...found.keys()].sort()).toEqual(['ada', 'cyd']);
        expect(found.get('cyd')).toEqual(contactsById().get('cyd'));
        expect(await store.collection(collection).getMany([])).toEqual(new Map());
      });

      it('reads of a collection that was never written find nothing', async () => {
        const missing = store.collection(uniqueName('missing'));
        expect(await missing.get('ada')).toBeUndefined();
        expect(await missing.getMany(['ada'])).toEqual(new Map());
        expect(await missing.find({})).toEqual([]);
        expect(await missing.count({})).toBe(0);
      });

      it('keeps any JSON value: unicode, nesting, empty containers, null, large numbers', async () => {
        const collection = uniqueName('json');
        const document: Document = {
          _id: 'json',
          name: 'Zoë Ångström 山田 太郎 🚀',
          quotes: 'single \' double " backslash \\ newline \n',
          nothing: null,
          flags: [true, false],
          numbers: [0, -7, 1234.5678, 1e-7, 9007199254740991],
          nested: {
            deeper: {
              list: options.refusesUnportableDocuments
                ? [1, 'two', null, { three: [3] }, { four: [] }]
                : [1, 'two', null, { three: [3] }, []],
              empty: {},
            },
          },
        };
        await upsertAll(collection, [document]);
        expect(await store.collection(collection).get('json')).toEqual(document);
      });

      if (options.refusesUnportableDocuments) {
        it.each([
          ['a nested array', { list: [1, [2]] }, /list\[1\].*nested arrays/],
          ['a key with a dot', { profile: { 'a.b': 1 } }, /profile\.a\.b.*"\."/],
          ['a key starting with $', { $set: 1 }, /\$set.*"\$"/],
          ['NaN', { score: Number.NaN }, /score.*not a finite number/],
          ['Infinity', { nested: { score: Number.POSITIVE_INFINITY } }, /nested\.score/],
        ])(
          'refuses %s, naming the path, and writes nothing of the batch',
          async (_, fields, message) => {
            const collection = uniqueName('unportable');
            const refused = commit([
              { collection, op: 'upsert', document: { _id: 'fine', ok: true } },
              { collection, op: 'upsert', document: { _id: 'bad', ...fields } },
            ]);
            await expect(refused).rejects.toThrow(message);
            expect(await store.collection(collection).count({})).toBe(0);
          },
        );
      }
    });

    describe('writes', () => {
      it('an upsert replaces the whole document', async () => {
        const collection = uniqueName('replace');
        await upsertAll(collection, [{ _id: 'd', a: 1, b: { c: 2 } }]);
        await upsertAll(collection, [{ _id: 'd', b: { d: 3 } }]);
        expect(await store.collection(collection).get('d')).toEqual({ _id: 'd', b: { d: 3 } });
      });

      it('a delete removes the document; deleting a missing one is a no-op', async () => {
        const collection = await seeded('delete');
        await remove(collection, 'ada', 'nobody');
        const contacts = store.collection(collection);
        expect(await contacts.get('ada')).toBeUndefined();
        expect(await contacts.count({})).toBe(CONTACT_COUNT - 1);
        expect(await findIds(collection, { name: 'Ada Lovelace' })).toEqual([]);
      });

      it('the writes of one batch apply in order: the last write of a document wins', async () => {
        const collection = uniqueName('order');
        await commit([
          { collection, op: 'upsert', document: { _id: 'gone', v: 1 } },
          { collection, op: 'delete', id: 'gone' },
          { collection, op: 'delete', id: 'back' },
          { collection, op: 'upsert', document: { _id: 'back', v: 1 } },
          { collection, op: 'upsert', document: { _id: 'back', v: 2 } },
        ]);
        const documents = store.collection(collection);
        expect(await documents.get('gone')).toBeUndefined();
        expect(await documents.get('back')).toEqual({ _id: 'back', v: 2 });
      });

      it('a set changes only the given fields, keeping each JSON type; nothing else is written', async () => {
        const collection = uniqueName('set');
        await upsertAll(collection, [{ _id: 'd', a: 1, b: { c: 2 }, keep: 'x' }]);
        const values = {
          a: 'one',
          b: { d: [1, 'two', null] },
          n: 0.1 + 0.2,
          big: 9007199254740991,
          yes: true,
          none: null,
          text: 'é "quoted" \\ 😀',
        };
        await commit([
          { collection, op: 'set', id: 'd', fields: values },
          { collection, op: 'set', id: 'absent', fields: { a: 1 } },
        ]);
        const documents = store.collection(collection);
        expect(await documents.get('d')).toEqual({ _id: 'd', keep: 'x', ...values });
        expect(await documents.get('absent')).toBeUndefined();
        expect(await documents.count({})).toBe(1);
      });

      it('a set applies in batch order: over an earlier write, under a later one, not after a delete', async () => {
        const collection = uniqueName('set-order');
        await upsertAll(collection, [
          { _id: 'stored', v: 0 },
          { _id: 'deleted', v: 0 },
        ]);
        await commit([
          { collection, op: 'upsert', document: { _id: 'new', v: 1, w: 1 } },
          { collection, op: 'set', id: 'new', fields: { v: 2 } },
          { collection, op: 'set', id: 'stored', fields: { v: 1, w: 1 } },
          { collection, op: 'set', id: 'stored', fields: { w: 2 } },
          { collection, op: 'set', id: 'replaced', fields: { v: 1 } },
          { collection, op: 'upsert', document: { _id: 'replaced', v: 3 } },
          { collection, op: 'delete', id: 'deleted' },
          { collection, op: 'set', id: 'deleted', fields: { v: 1 } },
        ]);
        const documents = store.collection(collection);
        expect(await documents.get('new')).toEqual({ _id: 'new', v: 2, w: 1 });
        expect(await documents.get('stored')).toEqual({ _id: 'stored', v: 1, w: 2 });
        expect(await documents.get('replaced')).toEqual({ _id: 'replaced', v: 3 });
        expect(await documents.get('deleted')).toBeUndefined();
      });

      it.each([['_id'], ['a.b'], ['$inc']])(
        'refuses a set of the field %s and writes nothing of the batch',
        async (field) => {
          const collection = uniqueName('set-refused');
          await upsertAll(collection, [{ _id: 'd', a: { b: 1 } }]);
          await expect(
            commit([
              { collection, op: 'upsert', document: { _id: 'other', v: 1 } },
              { collection, op: 'set', id: 'd', fields: { [field]: 2 } },
            ]),
          ).rejects.toThrow(field);
          expect(await store.collection(collection).get('d')).toEqual({ _id: 'd', a: { b: 1 } });
          expect(await store.collection(collection).get('other')).toBeUndefined();
        },
      );

      it('collections are independent', async () => {
        const first = uniqueName('first');
        const second = uniqueName('second');
        await upsertAll(first, [{ _id: 'x', in: 'first' }]);
        await upsertAll(second, [{ _id: 'x', in: 'second' }]);
        await remove(first, 'x');
        expect(await store.collection(first).get('x')).toBeUndefined();
        expect(await store.collection(second).get('x')).toEqual({ _id: 'x', in: 'second' });
      });
    });

    describe('find', () => {
      it('an empty filter finds every document; a filter that matches nothing, none', async () => {
        const collection = await seeded('find-all');
        expect(await findIds(collection, {})).toEqual([...contactsById().keys()].sort());
        expect(await findIds(collection, { stage: 'nowhere' })).toEqual([]);
      });

      it('matches by equality on one or several fields, keeping value types apart', async () => {
        const collection = await seeded('equality');
        expect(await findIds(collection, { stage: 'lead' })).toEqual(['ada', 'bob', 'eve']);
        expect(await findIds(collection, { stage: 'lead', tenantId: 'acme' })).toEqual([
          'ada',
          'bob',
        ]);
        expect(await findIds(collection, { amount: 100 })).toEqual(['ada']);
        expect(await findIds(collection, { amount: '100' })).toEqual([]);
        expect(await findIds(collection, { active: false })).toEqual(['dan']);
        expect(await findIds(collection, { _id: 'cyd' })).toEqual(['cyd']);
        expect(await findIds(collection, { _id: 'cyd', stage: 'lead' })).toEqual([]);
      });

      it('matches null against null and missing fields', async () => {
        const collection = await seeded('null');
        expect(await findIds(collection, { email: null })).toEqual(['dan', 'eve']);
      });

      it('supports $in and $nin', async () => {
        const collection = await seeded('in');
        expect(await findIds(collection, { stage: { $in: ['won', 'lost'] } })).toEqual([
          'cyd',
          'dan',
        ]);
        expect(await findIds(collection, { stage: { $nin: ['lead', 'won'] } })).toEqual(['dan']);
      });

      it('supports ranges: $gte and $lt, on numbers and on ISO dates', async () => {
        const collection = await seeded('range');
        expect(await findIds(collection, { amount: { $gte: 100, $lt: 300 } })).toEqual([
          'ada',
          'bob',
        ]);
        expect(await findIds(collection, { amount: { $gt: 250 } })).toEqual(['cyd', 'dan']);
        expect(
          await findIds(collection, {
            createdAt: { $gte: '2026-02-01T00:00:00.000Z', $lt: '2026-04-01T00:00:00.000Z' },
          }),
        ).toEqual(['bob', 'cyd']);
      });

      it('supports $regex, as a pattern with options and as a RegExp', async () => {
        const collection = await seeded('regex');
        expect(await findIds(collection, { name: { $regex: '^b', $options: 'i' } })).toEqual([
          'bob',
        ]);
        expect(await findIds(collection, { name: { $regex: 'a' } })).toEqual([
          'ada',
          'bob',
          'cyd',
          'dan',
        ]);
        expect(await findIds(collection, { email: /@acme\.test$/ })).toEqual(['ada', 'bob']);
      });

      it('follows dotted paths into subdocuments and arrays of subdocuments', async () => {
        const collection = await seeded('dotted');
        expect(await findIds(collection, { 'relatedTo.id': 'co-1' })).toEqual(['ada', 'bob']);
        expect(await findIds(collection, { 'relatedTo.type': 'deal' })).toEqual(['cyd']);
        expect(await findIds(collection, { 'phones.kind': 'mobile' })).toEqual(['ada', 'eve']);
        expect(await findIds(collection, { 'address.city': { $in: ['Paris', 'Lyon'] } })).toEqual([
          'bob',
          'cyd',
        ]);
      });

      it('matches an array field holding the value, and whole arrays exactly', async () => {
        const collection = await seeded('array');
        expect(await findIds(collection, { tags: 'vip' })).toEqual(['ada', 'cyd']);
        expect(await findIds(collection, { tags: { $in: ['eu', 'us'] } })).toEqual([
          'ada',
          'bob',
          'dan',
        ]);
        expect(await findIds(collection, { tags: ['vip', 'eu'] })).toEqual(['ada']);
        expect(await findIds(collection, { tags: { $all: ['vip', 'eu'] } })).toEqual(['ada']);
        expect(await findIds(collection, { tags: { $size: 0 } })).toEqual(['eve']);
      });

      it('supports $or, alone and next to other fields', async () => {
        const collection = await seeded('or');
        expect(await findIds(collection, { $or: [{ stage: 'won' }, { amount: 50 }] })).toEqual([
          'cyd',
          'eve',
        ]);
        expect(
          await findIds(collection, {
            tenantId: 'acme',
            $or: [{ stage: 'won' }, { tags: 'vip' }],
          }),
        ).toEqual(['ada', 'cyd']);
      });

      it('sorts on several keys, ascending and descending', async () => {
        const collection = await seeded('sort');
        expect(await findIds(collection, {}, { sort: { amount: 1 } })).toEqual([
          'eve',
          'ada',
          'bob',
          'cyd',
          'dan',
        ]);
        expect(await findIds(collection, {}, { sort: { tenantId: 1, amount: -1 } })).toEqual([
          'cyd',
          'bob',
          'ada',
          'dan',
          'eve',
        ]);
        expect(await findIds(collection, {}, { sort: { stage: -1, _id: 1 } })).toEqual([
          'cyd',
          'dan',
          'ada',
          'bob',
          'eve',
        ]);
        expect(await findIds(collection, {}, { sort: { 'address.city': 1, _id: -1 } })).toEqual([
          'eve',
          'dan',
          'ada',
          'cyd',
          'bob',
        ]);
      });

      it('skips and limits after sorting; a limit of 0 means no limit', async () => {
        const collection = await seeded('page');
        const byAmount: FindOptions = { sort: { amount: 1 } };
        expect(await findIds(collection, {}, { ...byAmount, limit: 2 })).toEqual(['eve', 'ada']);
        expect(await findIds(collection, {}, { ...byAmount, skip: 2, limit: 2 })).toEqual([
          'bob',
          'cyd',
        ]);
        expect(await findIds(collection, {}, { ...byAmount, skip: 4, limit: 10 })).toEqual(['dan']);
        expect(await findIds(collection, {}, { ...byAmount, skip: 10 })).toEqual([]);
        expect(await findIds(collection, {}, { ...byAmount, skip: 3, limit: 0 })).toEqual([
          'cyd',
          'dan',
        ]);
        expect(
          await findIds(collection, { tenantId: 'acme' }, { sort: { amount: -1 }, limit: 1 }),
        ).toEqual(['cyd']);
      });

      it('projects by inclusion: the listed fields (dotted too) and _id unless excluded', async () => {
        const collection = await seeded('include');
        const contacts = store.collection(collection);
        expect(
          await contacts.find({ _id: 'ada' }, { projection: { name: 1, 'relatedTo.id': 1 } }),
        ).toEqual([{ _id: 'ada', name: 'Ada Lovelace', relatedTo: { id: 'co-1' } }]);
        expect(
          await contacts.find(
            { stage: 'won' },
            { projection: { name: 1, missing: 1, _id: 0 }, sort: { name: 1 } },
          ),
        ).toEqual([{ name: 'Cyd Charisse' }]);
      });

      it('projects by exclusion: every field but the listed ones', async () => {
        const collection = await seeded('exclude');
        const { history, address, ...rest } = contactsById().get('bob') as Document;
        expect(history).toBeDefined();
        expect(address).toBeDefined();
        expect(
          await store
            .collection(collection)
            .find({ _id: 'bob' }, { projection: { history: 0, address: 0 } }),
        ).toEqual([rest]);
      });

      it('sorts on a field the projection leaves out', async () => {
        const collection = await seeded('sort-projected');
        const found = await store
          .collection(collection)
          .find({ tenantId: 'acme' }, { sort: { amount: -1 }, projection: { name: 1, _id: 0 } });
        expect(found).toEqual([
          { name: 'Cyd Charisse' },
          { name: 'bob marley' },
          { name: 'Ada Lovelace' },
        ]);
      });
    });

    describe('count', () => {
      it('counts the documents a filter matches', async () => {
        const collection = await seeded('count');
        const contacts = store.collection(collection);
        expect(await contacts.count({})).toBe(CONTACT_COUNT);
        expect(await contacts.count({ tenantId: 'acme' })).toBe(3);
        expect(await contacts.count({ tags: 'vip', amount: { $gte: 200 } })).toBe(1);
        expect(await contacts.count({ stage: 'nowhere' })).toBe(0);
      });
    });

    describe('isolation of returned documents', () => {
      it('mutating what get, getMany and find return changes nothing stored', async () => {
        const collection = await seeded('mutate');
        const contacts = store.collection(collection);
        const vandalize = (document: Document | undefined): void => {
          if (!document) throw new Error('expected a document');
          document['name'] = 'changed';
          (document['tags'] as string[]).push('changed');
          (document['relatedTo'] as Record<string, unknown>)['id'] = 'changed';
        };
        vandalize(await contacts.get('ada'));
        vandalize((await contacts.getMany(['ada'])).get('ada'));
        vandalize((await contacts.find({ _id: 'ada' }))[0]);
        vandalize((await contacts.find({ _id: 'ada' }, { projection: { history: 0 } }))[0]);
        expect(await contacts.get('ada')).toEqual(contactsById().get('ada'));
        expect(await findIds(collection, { name: 'changed' })).toEqual([]);
      });

      it('mutating a document after committing it changes nothing stored', async () => {
        const collection = uniqueName('mutate-written');
        const document: Document = { _id: 'd', list: [1], nested: { v: 1 } };
        await upsertAll(collection, [document]);
        (document['list'] as number[]).push(2);
        (document['nested'] as Record<string, unknown>)['v'] = 2;
        expect(await store.collection(collection).get('d')).toEqual({
          _id: 'd',
          list: [1],
          nested: { v: 1 },
        });
      });
    });

    describe('commit and checkpoints', () => {
      it('commits documents of several collections together with checkpoints', async () => {
        const contacts = uniqueName('batch-contacts');
        const deals = uniqueName('batch-deals');
        const [contactsCheckpoint, dealsCheckpoint] = [uniqueName('cp'), uniqueName('cp')];
        await upsertAll(deals, [{ _id: 'old', amount: 1 }]);
        await commit(
          [
            { collection: contacts, op: 'upsert', document: { _id: 'c1', name: 'Ada' } },
            { collection: deals, op: 'upsert', document: { _id: 'd1', amount: 10 } },
            { collection: deals, op: 'delete', id: 'old' },
          ],
          [
            { name: contactsCheckpoint, position: 41n },
            { name: dealsCheckpoint, position: 42n },
          ],
        );
        expect(await store.collection(contacts).get('c1')).toEqual({ _id: 'c1', name: 'Ada' });
        expect(await findIds(deals, {})).toEqual(['d1']);
        expect(await store.checkpoint(contactsCheckpoint)).toBe(41n);
        expect(await store.checkpoint(dealsCheckpoint)).toBe(42n);
      });

      it('checkpoint is undefined for a projection that never committed', async () => {
        expect(await store.checkpoint(uniqueName('never'))).toBeUndefined();
      });

      it('a later commit moves a checkpoint; positions keep all 64 bits', async () => {
        const checkpoint = uniqueName('cp-move');
        const large = 2n ** 63n - 1n;
        await commit([], [{ name: checkpoint, position: 0n }]);
        expect(await store.checkpoint(checkpoint)).toBe(0n);
        await commit([], [{ name: checkpoint, position: 9007199254740993n }]);
        expect(await store.checkpoint(checkpoint)).toBe(9007199254740993n);
        await commit([], [{ name: checkpoint, position: large }]);
        expect(await store.checkpoint(checkpoint)).toBe(large);
      });

      it('an empty batch changes nothing', async () => {
        const collection = await seeded('empty-batch');
        await commit([]);
        expect(await store.collection(collection).count({})).toBe(CONTACT_COUNT);
      });
    });

    describe('indexes', () => {
      const INDEXES = [
        { fields: ['tenantId'] },
        { fields: ['tenantId', 'stage'], name: 'by_tenant_stage' },
        { fields: ['tags'] },
        { fields: ['relatedTo.id'] },
        { fields: ['amount'] },
        { fields: ['active'] },
      ];

      const QUERIES: Filter[] = [
        {},
        { tenantId: 'acme' },
        { tenantId: 'acme', stage: 'lead' },
        { tenantId: 'globex', stage: 'lead' },
        { tenantId: 'acme', stage: 'lead', amount: { $gte: 150 } },
        { tenantId: 'acme', stage: 'won' },
        { tags: 'vip' },
        { tags: 'eu' },
        { tags: 'new' },
        { tags: { $in: ['vip', 'us'] } },
        { 'relatedTo.id': 'co-1' },
        { 'relatedTo.id': 'co-2' },
        { amount: 100 },
        { amount: '100' },
        { amount: 500 },
        { active: false },
        { active: 'false' },
        { tenantId: 'acme', $or: [{ stage: 'won' }, { tags: 'vip' }] },
        { _id: 'bob', tenantId: 'acme' },
      ];

      /** The same documents with and without indexes must answer every query alike. */
      const expectSameAnswers = async (indexed: string, plain: string): Promise<void> => {
        for (const filter of QUERIES) {
          const [withIndex, withoutIndex] = await Promise.all([
            findIds(indexed, filter),
            findIds(plain, filter),
          ]);
          expect({ filter, ids: withIndex }).toEqual({ filter, ids: withoutIndex });
          expect({ filter, count: await store.collection(indexed).count(filter) }).toEqual({
            filter,
            count: withoutIndex.length,
          });
        }
      };

      /** Applies the same writes to both collections. */
      const writeBoth = (collections: string[], writes: DocumentWrite[]): Promise<void> =>
        commit(collections.flatMap((collection) => writes.map((w) => ({ ...w, collection }))));

      it('declared before the data, they give the answers a scan gives', async () => {
        const indexed = uniqueName('indexed-first');
        await store.ensureIndexes(indexed, INDEXES);
        await upsertAll(indexed, contactFixture());
        const plain = await seeded('plain');
        await expectSameAnswers(indexed, plain);
        expect(await findIds(indexed, { tenantId: 'acme', stage: 'lead' })).toEqual(['ada', 'bob']);
        expect(await findIds(indexed, { tags: 'vip' })).toEqual(['ada', 'cyd']);
        expect(await findIds(indexed, { 'relatedTo.id': 'co-1' })).toEqual(['ada', 'bob']);
      });

      it('declared after the data, and declared twice, they give the same answers', async () => {
        const indexed = await seeded('indexed-after');
        await store.ensureIndexes(indexed, INDEXES);
        await store.ensureIndexes(indexed, INDEXES);
        const plain = await seeded('plain');
        await expectSameAnswers(indexed, plain);
      });

      it('never return stale hits after updates of indexed fields and deletes', async () => {
        const indexed = await seeded('indexed-changes');
        await store.ensureIndexes(indexed, INDEXES);
        const plain = await seeded('plain');
        const both = [indexed, plain];
        const ada = contactsById().get('ada') as Document;
        const bob = contactsById().get('bob') as Document;
        await writeBoth(both, [
          {
            collection: '',
            op: 'upsert',
            document: {
              ...ada,
              tenantId: 'globex',
              tags: ['new'],
              relatedTo: { type: 'company', id: 'co-2' },
              amount: 500,
              active: false,
            },
          },
          { collection: '', op: 'upsert', document: { ...bob, stage: 'won' } },
          { collection: '', op: 'delete', id: 'cyd' },
        ]);
        await expectSameAnswers(indexed, plain);
        expect(await findIds(indexed, { tags: 'vip' })).toEqual([]);
        expect(await findIds(indexed, { tags: 'new' })).toEqual(['ada']);
        expect(await findIds(indexed, { tenantId: 'acme' })).toEqual(['bob']);
        expect(await findIds(indexed, { tenantId: 'acme', stage: 'lead' })).toEqual([]);
        expect(await findIds(indexed, { 'relatedTo.id': 'co-1' })).toEqual(['bob']);
        expect(await findIds(indexed, { amount: 300 })).toEqual([]);

        await writeBoth(both, [
          { collection: '', op: 'delete', id: 'ada' },
          { collection: '', op: 'upsert', document: { _id: 'cyd', tenantId: 'acme', tags: [] } },
        ]);
        await expectSameAnswers(indexed, plain);
        expect(await findIds(indexed, { tags: 'new' })).toEqual([]);
        expect(await findIds(indexed, { tenantId: 'acme' })).toEqual(['bob', 'cyd']);
      });

      it('never return stale hits after sets of indexed fields', async () => {
        const indexed = await seeded('indexed-sets');
        await store.ensureIndexes(indexed, INDEXES);
        const plain = await seeded('plain');
        const both = [indexed, plain];
        await writeBoth(both, [
          { collection: '', op: 'set', id: 'ada', fields: { tenantId: 'globex', amount: 500 } },
          { collection: '', op: 'set', id: 'bob', fields: { stage: 'won', active: false } },
          {
            collection: '',
            op: 'set',
            id: 'cyd',
            fields: { tags: ['new'], relatedTo: { id: 'co-2' } },
          },
        ]);
        await expectSameAnswers(indexed, plain);
        expect(await findIds(indexed, { tenantId: 'acme', stage: 'won' })).toContain('bob');
        expect(await findIds(indexed, { tenantId: 'acme' })).not.toContain('ada');
        expect(await findIds(indexed, { amount: 500 })).toEqual(['ada']);
        expect(await findIds(indexed, { tags: 'new' })).toEqual(['cyd']);
        expect(await findIds(indexed, { 'relatedTo.id': 'co-2' })).toContain('cyd');

        await writeBoth(both, [
          { collection: '', op: 'set', id: 'cyd', fields: { tags: 'vip', relatedTo: null } },
          { collection: '', op: 'set', id: 'ada', fields: { tenantId: 'acme' } },
        ]);
        await expectSameAnswers(indexed, plain);
        expect(await findIds(indexed, { tags: 'new' })).toEqual([]);
        expect(await findIds(indexed, { 'relatedTo.id': 'co-2' })).not.toContain('cyd');
      });

      it('answer sorted, paged and projected queries like a scan', async () => {
        const indexed = await seeded('indexed-options');
        await store.ensureIndexes(indexed, INDEXES);
        const found = await store.collection(indexed).find(
          { tenantId: 'acme' },
          {
            sort: { amount: -1 },
            skip: 1,
            limit: 1,
            projection: { amount: 1 },
          },
        );
        expect(found).toEqual([{ _id: 'bob', amount: 200 }]);
      });
    });

    describe('indexed queries with ranges, $in, sorts and limits', () => {
      const INDEXES = [
        { fields: ['tenantId', 'stage', 'amount'] },
        { fields: ['tenantId', 'createdAt'] },
        { fields: ['amount'] },
        { fields: ['tags'] },
      ];

      const CASES: [Filter, FindOptions][] = [
        [{ tenantId: 'acme', amount: { $gte: 150 } }, { sort: { amount: -1 } }],
        [{ tenantId: 'acme', stage: 'lead', amount: { $lt: 200 } }, {}],
        [{ tenantId: { $in: ['acme', 'initech'] } }, { sort: { amount: 1 }, limit: 3 }],
        [{ tenantId: 'acme' }, { sort: { createdAt: -1 }, skip: 1, limit: 1 }],
        // A rank read: skip within a sorted index range, then one or two documents.
        [
          { tenantId: 'acme', amount: { $gte: 0 } },
          { sort: { amount: 1 }, skip: 2, limit: 2 },
        ],
        [{ tenantId: 'acme' }, { sort: { stage: 1, _id: -1 }, skip: 1, limit: 2 }],
        [{ tenantId: 'acme', createdAt: { $gte: '2026-02-01', $lt: '2026-04' } }, {}],
        [{ tenantId: 'acme' }, { sort: { stage: 1, _id: -1 }, limit: 2 }],
        [{ tenantId: 'acme' }, { sort: { name: 1 }, limit: 2 }],
        [{ amount: { $gt: 100, $lte: 400 } }, { sort: { amount: 1 }, limit: 0 }],
        [{ amount: { $gt: '100' } }, {}],
        [{ amount: { $in: [50, '100', 400, true] } }, { sort: { _id: 1 } }],
        [{ tags: { $in: ['eu'] } }, { sort: { _id: 1 }, limit: 1 }],
        [{ tags: 'vip', amount: { $gte: 300 } }, {}],
        [{ tenantId: 'acme', stage: { $in: ['won', 'lost'] } }, { projection: { name: 1 } }],
      ];

      it('answer exactly as the same collection without indexes, and count alike', async () => {
        const indexed = uniqueName('ranges-indexed');
        await store.ensureIndexes(indexed, INDEXES);
        await upsertAll(indexed, contactFixture());
        const plain = await seeded('ranges-plain');
        for (const [filter, options] of CASES) {
          const [withIndex, withoutIndex] = await Promise.all([
            store.collection(indexed).find(filter, options),
            store.collection(plain).find(filter, options),
          ]);
          const comparable = (found: Document[]): Document[] =>
            options.sort ? found : [...found].sort((a, b) => a._id.localeCompare(b._id));
          expect({ filter, options, found: comparable(withIndex) }).toEqual({
            filter,
            options,
            found: comparable(withoutIndex),
          });
          expect({ filter, count: await store.collection(indexed).count(filter) }).toEqual({
            filter,
            count: await store.collection(plain).count(filter),
          });
        }
        expect(
          await findIds(
            indexed,
            { tenantId: 'acme', amount: { $gte: 150 } },
            { sort: { amount: -1 } },
          ),
        ).toEqual(['cyd', 'bob']);
        expect(await findIds(indexed, { amount: { $in: [50, '100', 400, true] } })).toEqual([
          'dan',
          'eve',
        ]);
      });

      it('keep answering right once an indexed field holds an array or a subdocument', async () => {
        const indexed = uniqueName('ranges-multikey');
        await store.ensureIndexes(indexed, INDEXES);
        await upsertAll(indexed, contactFixture());
        await upsertAll(indexed, [
          { _id: 'zed', tenantId: 'acme', stage: 'lead', amount: [120, 900] },
          { _id: 'yan', tenantId: 'acme', stage: 'lead', amount: { value: 130 } },
        ]);
        expect(
          await findIds(
            indexed,
            { tenantId: 'acme', stage: 'lead', amount: { $gte: 150 } },
            { sort: { _id: 1 } },
          ),
        ).toEqual(['bob', 'zed']);
        expect(await findIds(indexed, { amount: 900 })).toEqual(['zed']);
        expect(await store.collection(indexed).count({ tenantId: 'acme', stage: 'lead' })).toBe(4);
      });

      it('sort a field some documents lack (or hold null in) first, as MongoDB does', async () => {
        const documents: Document[] = [
          { _id: 'a', tenantId: 'acme', ownerId: 'o1', at: '2026-01-02' },
          { _id: 'b', tenantId: 'acme', at: '2026-01-03' },
          { _id: 'c', tenantId: 'acme', ownerId: 'o2', at: '2026-01-01' },
          { _id: 'd', tenantId: 'acme', ownerId: null, at: '2026-01-04' },
          { _id: 'e', tenantId: 'acme', ownerId: 'o1', at: '2026-01-05' },
        ];
        const indexed = uniqueName('sparse-indexed');
        await store.ensureIndexes(indexed, [{ fields: ['tenantId', 'ownerId', 'at'] }]);
        await upsertAll(indexed, documents);
        const plain = uniqueName('sparse-plain');
        await upsertAll(plain, documents);
        const cases: [Filter, FindOptions, string[]][] = [
          [{ tenantId: 'acme' }, { sort: { ownerId: 1, _id: 1 } }, ['b', 'd', 'a', 'e', 'c']],
          [{ tenantId: 'acme' }, { sort: { ownerId: -1, _id: 1 }, limit: 3 }, ['c', 'a', 'e']],
          [{ tenantId: 'acme', ownerId: 'o1' }, { sort: { at: -1 }, limit: 1 }, ['e']],
          [
            { tenantId: 'acme', ownerId: { $gte: 'o' } },
            { sort: { ownerId: 1, at: 1 } },
            ['a', 'e', 'c'],
          ],
        ];
        for (const [filter, options, expected] of cases) {
          const answer = { filter, options, ids: await findIds(indexed, filter, options) };
          expect(answer).toEqual({ filter, options, ids: expected });
          expect(answer).toEqual({ filter, options, ids: await findIds(plain, filter, options) });
        }
        expect(await store.collection(indexed).count({ tenantId: 'acme', ownerId: 'o1' })).toBe(2);
      });
    });

    describe('dropCollection', () => {
      it('removes the documents of one collection and leaves the others', async () => {
        const dropped = await seeded('dropped');
        const kept = await seeded('kept');
        await store.dropCollection(dropped);
        expect(await store.collection(dropped).count({})).toBe(0);
        expect(await store.collection(dropped).get('ada')).toBeUndefined();
        expect(await store.collection(kept).count({})).toBe(CONTACT_COUNT);
      });

      it('removes its indexes too: a collection written again answers from its new data', async () => {
        const collection = await seeded('drop-indexes');
        await store.ensureIndexes(collection, [{ fields: ['tenantId'] }]);
        await store.dropCollection(collection);
        await upsertAll(collection, [{ _id: 'new', tenantId: 'initech' }]);
        expect(await findIds(collection, { tenantId: 'acme' })).toEqual([]);
        expect(await findIds(collection, { tenantId: 'initech' })).toEqual(['new']);
      });

      it('dropping a collection that does not exist is a no-op', async () => {
        await expect(store.dropCollection(uniqueName('never'))).resolves.toBeUndefined();
      });
    });

    describe('generations', () => {
      it('is undefined until switched, then points at the last physical collection', async () => {
        const logical = uniqueName('contacts');
        const other = uniqueName('deals');
        expect(await store.activeGeneration(logical)).toBeUndefined();
        await store.switchGeneration(logical, `${logical}@g1`);
        expect(await store.activeGeneration(logical)).toBe(`${logical}@g1`);
        await store.switchGeneration(logical, `${logical}@g2`);
        expect(await store.activeGeneration(logical)).toBe(`${logical}@g2`);
        expect(await store.activeGeneration(other)).toBeUndefined();
      });

      it('a rebuild fills a new generation, switches, and drops the old one', async () => {
        const logical = uniqueName('rebuild');
        const [g1, g2] = [`${logical}@g1`, `${logical}@g2`];
        await upsertAll(g1, [{ _id: 'a', v: 1 }]);
        await store.switchGeneration(logical, g1);
        await upsertAll(g2, [{ _id: 'a', v: 2 }]);
        await store.switchGeneration(logical, g2);
        await store.dropCollection(g1);
        const active = await store.activeGeneration(logical);
        expect(active).toBe(g2);
        expect(await store.collection(active ?? '').get('a')).toEqual({ _id: 'a', v: 2 });
        expect(await store.collection(g1).count({})).toBe(0);
      });
    });
  });
};

/** Collection, checkpoint and generation names no other test (or run) uses. */
const uniqueName = (label: string): string =>
  `contract_${label}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** A fresh copy each time, so no test can alter another's expectations. */
const contactFixture = (): Document[] => [
  {
    _id: 'ada',
    tenantId: 'acme',
    name: 'Ada Lovelace',
    email: 'ada@acme.test',
    stage: 'lead',
    amount: 100,
    active: true,
    tags: ['vip', 'eu'],
    relatedTo: { type: 'company', id: 'co-1' },
    phones: [
      { kind: 'mobile', number: '+44 1' },
      { kind: 'work', number: '+44 2' },
    ],
    address: { city: 'London' },
    createdAt: '2026-01-15T09:00:00.000Z',
    history: [{ stage: 'lead', at: '2026-01-15T09:00:00.000Z' }],
  },
  {
    _id: 'bob',
    tenantId: 'acme',
    name: 'bob marley',
    email: 'bob@acme.test',
    stage: 'lead',
    amount: 200,
    active: true,
    tags: ['us'],
    relatedTo: { type: 'company', id: 'co-1' },
    phones: [{ kind: 'work', number: '+1 1' }],
    address: { city: 'Paris' },
    createdAt: '2026-02-10T09:00:00.000Z',
    history: [],
  },
  {
    _id: 'cyd',
    tenantId: 'acme',
    name: 'Cyd Charisse',
    email: 'cyd@example.test',
    stage: 'won',
    amount: 300,
    active: true,
    tags: ['vip'],
    relatedTo: { type: 'deal', id: 'deal-9' },
    phones: [],
    address: { city: 'Lyon' },
    createdAt: '2026-03-31T23:59:59.999Z',
    history: [{ stage: 'won', at: '2026-03-31T23:59:59.999Z' }],
  },
  {
    _id: 'dan',
    tenantId: 'globex',
    name: 'Dan Brown',
    email: null,
    stage: 'lost',
    amount: 400,
    active: false,
    tags: ['us', 'eu'],
    relatedTo: { type: 'company', id: 'co-2' },
    address: { city: 'Berlin' },
    createdAt: '2026-04-01T00:00:00.000Z',
  },
  {
    _id: 'eve',
    tenantId: 'initech',
    name: 'Eve Online',
    stage: 'lead',
    amount: 50,
    active: true,
    tags: [],
    phones: [{ kind: 'mobile', number: '+33 1' }],
    createdAt: '2026-01-01T00:00:00.000Z',
  },
];

const contactsById = (): Map<string, Document> =>
  new Map(contactFixture().map((document) => [document._id, document]));

const CONTACT_COUNT = contactFixture().length;

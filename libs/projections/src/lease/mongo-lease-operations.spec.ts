import { BSON } from 'mongodb';
import {
  acquireFilter,
  holdUpdate,
  isDuplicateKey,
  LEASES_COLLECTION,
  ownedFilter,
} from './mongo-lease-operations';

const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('the MongoDB lease documents', () => {
  it('are kept in _leases', () => {
    expect(LEASES_COLLECTION).toBe('_leases');
  });

  it('acquire: the lease by name when it is ours or expired before now', () => {
    expect(acquireFilter('projection:contacts', 'host-1', NOW)).toEqual({
      _id: 'projection:contacts',
      $or: [{ owner: 'host-1' }, { expiresAt: { $lt: NOW } }],
    });
  });

  it('renew and release: the lease by name only while the owner is still us', () => {
    expect(ownedFilter('projection:contacts', 'host-1')).toEqual({
      _id: 'projection:contacts',
      owner: 'host-1',
    });
  });

  it('hold: sets the owner and an expiry ttl after now', () => {
    expect(holdUpdate('host-1', NOW, 15_000)).toEqual({
      $set: {
        owner: 'host-1',
        expiresAt: new Date('2026-03-01T12:00:15.000Z'),
        renewedAt: NOW,
      },
    });
  });

  it('an acquisition also records its token; a renewal leaves the token as it is', () => {
    expect(holdUpdate('host-1', NOW, 1_000, 'token-7').$set).toMatchObject({ token: 'token-7' });
    expect(holdUpdate('host-1', NOW, 1_000).$set).not.toHaveProperty('token');
  });

  it('dates travel as BSON dates, so the server compares them as instants', () => {
    const encoded = BSON.deserialize(
      BSON.serialize({ filter: acquireFilter('l', 'o', NOW), update: holdUpdate('o', NOW, 1) }),
    );
    expect(encoded).toEqual({
      filter: { _id: 'l', $or: [{ owner: 'o' }, { expiresAt: { $lt: NOW } }] },
      update: { $set: { owner: 'o', expiresAt: new Date(NOW.getTime() + 1), renewedAt: NOW } },
    });
  });

  it('recognises a duplicate key by its code', () => {
    expect(isDuplicateKey({ code: 11000 })).toBe(true);
    expect(isDuplicateKey({ code: 11001 })).toBe(true);
    expect(isDuplicateKey({ code: 20 })).toBe(false);
    expect(isDuplicateKey(new Error('E11000'))).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
  });
});

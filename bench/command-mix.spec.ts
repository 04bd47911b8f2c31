import { CommandMix, ContactRef, MIX_WEIGHTS } from './command-mix';

const contacts: ContactRef[] = [
  {
    contactId: '11111111-1111-4111-8111-111111111111',
    accountId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  },
  { contactId: '22222222-2222-4222-8222-222222222222' },
];
const now = new Date('2026-01-01T12:00:00.000Z');

describe('CommandMix', () => {
  it('is deterministic for a seed', () => {
    const a = new CommandMix(contacts, 1);
    const b = new CommandMix(contacts, 1);
    for (let i = 0; i < 50; i++) expect(a.next(now)).toEqual(b.next(now));
  });

  it('sends every type of the mix, in roughly its weight, interactions being the bulk', () => {
    const mix = new CommandMix(contacts, 2);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) {
      const type = mix.next(now).command.type;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(MIX_WEIGHTS.map(([type]) => type).sort());
    const interactions = ['LogEmail', 'LogCall', 'LogNote', 'LogMeeting']
      .map((type) => counts.get(type) ?? 0)
      .reduce((sum, n) => sum + n, 0);
    expect(interactions / 5000).toBeGreaterThan(0.7);
  });

  it('gives the same command an HTTP form: the route, and the body the DTO expects', () => {
    const mix = new CommandMix(contacts, 3);
    for (let i = 0; i < 200; i++) {
      const next = mix.next(now);
      if (next.kind === 'interaction') {
        expect(next.http.method).toBe('POST');
        expect(next.http.path).toMatch(/^\/interactions\/(emails|calls|notes|meetings)$/);
        expect(next.http.body).toMatchObject({ id: next.recordId });
        expect(next.http.body).not.toHaveProperty('interactionId');
      } else {
        expect(next.http.path.startsWith(`/contacts/${next.recordId}/`)).toBe(true);
      }
    }
  });

  it('never logs an interaction ahead of the clock', () => {
    const mix = new CommandMix(contacts, 4);
    for (let i = 0; i < 200; i++) {
      const data = mix.next(now).command.data as { occurredAt?: string; endAt?: string };
      const at = data.occurredAt ?? data.endAt;
      if (at) expect(Date.parse(at)).toBeLessThanOrEqual(now.getTime());
    }
  });
});

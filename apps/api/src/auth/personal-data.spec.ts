import { MASKED, maskPersonalData } from './personal-data';

describe('maskPersonalData', () => {
  it('masks personal data wherever it appears, and names the fields', () => {
    const { masked, fields } = maskPersonalData({
      items: [{ emails: [{ address: 'a@x.example' }], phones: [{ number: '+1 555' }] }],
      lead: { contact: { email: 'g@x.example', phone: '+1 556', firstName: 'Grace' } },
    });
    expect(masked).toEqual({
      items: [{ emails: MASKED, phones: MASKED }],
      lead: { contact: { email: MASKED, phone: MASKED, firstName: 'Grace' } },
    });
    expect(fields).toEqual(['email', 'emails', 'phone', 'phones']);
  });

  it('leaves consent channels and interaction counts named email or phone as they are', () => {
    const view = {
      consents: { email: { status: 'opted_in', recordedAt: '2026-01-01T00:00:00.000Z' } },
      interactionCounts: { email: 3, phone: 1, call: 2 },
    };
    expect(maskPersonalData(view)).toEqual({ masked: view, fields: [] });
  });
});

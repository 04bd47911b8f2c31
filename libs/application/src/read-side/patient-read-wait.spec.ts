import { ReadModelsBehindError } from './read-models-behind.error';
import { StoppedWaitingError, waitPatientlyFor } from './patient-read-wait';

describe('waitPatientlyFor', () => {
  it('waits again each time the bounded wait runs out, until the read models get there', async () => {
    let calls = 0;
    const waitFor = async (position: bigint) => {
      calls += 1;
      if (calls < 4) throw new ReadModelsBehindError(position, 1n, 5);
    };
    await waitPatientlyFor(waitFor, 9n, () => false);
    expect(calls).toBe(4);
  });

  it('gives up once the process is stopping, and passes other errors on', async () => {
    let stopping = false;
    const behind = async (position: bigint) => {
      stopping = true;
      throw new ReadModelsBehindError(position, 1n, 5);
    };
    await expect(waitPatientlyFor(behind, 9n, () => stopping)).rejects.toBeInstanceOf(
      StoppedWaitingError,
    );
    const broken = async () => {
      throw new Error('disk full');
    };
    await expect(waitPatientlyFor(broken, 9n, () => false)).rejects.toThrow('disk full');
  });
});

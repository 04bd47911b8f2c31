import { IsoDateTime } from '../shared';

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export type TaskState =
  | { exists: false }
  | { exists: true; taskId: string; status: TaskStatus; dueAt: IsoDateTime; assigneeId: string };

export const initialTaskState = (): TaskState => ({ exists: false });

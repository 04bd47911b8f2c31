import { Decider } from '../shared';
import { TaskCommand } from './task.commands';
import { decideTask } from './task.decide';
import { TaskEvent } from './task.events';
import { evolveTask } from './task.evolve';
import { initialTaskState, TaskState } from './task.state';

export const taskDecider: Decider<TaskCommand, TaskEvent, TaskState> = {
  initialState: initialTaskState,
  evolve: evolveTask,
  decide: decideTask,
};

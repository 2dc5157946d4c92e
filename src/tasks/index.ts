export { generateTasks, type GenerateOptions } from './generate.ts';
export { readTaskFile, writeTaskFile, parseTasks, serializeTasks, TaskFileError } from './task-file.ts';
export { TASK_NAMES, TASKS_WITH_NONE, isTaskName, type TaskName, type TaskRecord } from './types.ts';
export { DOMAIN_DETAILS } from './domain-text.ts';
export { GenerationError } from './collect.ts';

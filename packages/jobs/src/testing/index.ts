export { type JobsTestDatabase, openJobsTestDatabase } from './database.js';
export {
  type EventReceiver,
  type ReceivedEvent,
  type ReceiverBehaviour,
  startEventReceiver,
} from './event-receiver.js';
export { eventually } from './eventually.js';

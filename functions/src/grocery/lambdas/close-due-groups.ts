/** Every 5 minutes: group orders past their cutoff become one order to the store by themselves. */
export { closeDueGroups as handler } from '../close-due-groups/handlers';

import { router } from '../../lib/router';
import { answer, close, handover, queue, staffConsultation } from '../desk/handlers';

/** Service-centre staff: the queues of their categories, answering, handing over, closing. */
export const handler = router({
  serviceQueue: queue,
  serviceStaffConsultation: staffConsultation,
  serviceAnswer: answer,
  serviceHandover: handover,
  serviceClose: close,
});

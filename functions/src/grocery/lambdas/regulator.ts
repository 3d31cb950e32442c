import { router } from '../../lib/router';
import { complaints, handleComplaint } from '../complaints/handlers';

/** The market regulator: complaints about price and quality, and their handling (complaints/). */
export const handler = router({ groceryComplaints: complaints, groceryHandleComplaint: handleComplaint });

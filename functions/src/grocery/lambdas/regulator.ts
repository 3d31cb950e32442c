import { router } from '../../lib/router';
import * as complaints from '../handlers-complaints';

/** The market regulator: complaints about price and quality, and their handling. */
export const handler = router({ groceryComplaints: complaints.complaints, groceryHandleComplaint: complaints.handle });

import { ReturnsCustomerSignal } from './customer-signal.entity.js';
import { ReturnLine } from './return-line.entity.js';
import { ReturnPolicy } from './return-policy.entity.js';
import { ReturnReason } from './return-reason.entity.js';
import { ReturnRefund } from './return-refund.entity.js';
import { ReturnRequest } from './return-request.entity.js';

export { ReturnsCustomerSignal, ReturnLine, ReturnPolicy, ReturnReason, ReturnRefund, ReturnRequest };

/** Every entity of the plugin. */
export const entities = [ReturnPolicy, ReturnReason, ReturnRequest, ReturnLine, ReturnRefund, ReturnsCustomerSignal];

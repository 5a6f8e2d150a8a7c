import { IdempotencyRecord } from '../idempotency/idempotency-record.entity.js';
import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { CustomerLoginCode } from './customer-login-code.entity.js';
import { Customer, CustomerAddress, CustomerPhone } from './customer.entity.js';
import { CustomerConsentEvent } from './customer-consent-event.entity.js';
import { CustomerErasureRequest } from './customer-erasure-request.entity.js';
import { Product } from './product.entity.js';
import { ProductModel } from './product-model.entity.js';
import { Purchase } from './purchase.entity.js';
import { KnownPermission } from './known-permission.entity.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { Role } from './role.entity.js';
import { BusinessCalendarRecord } from './business-calendar.entity.js';
import { Setting } from './setting.entity.js';
import { SlaClockRecord } from './sla-clock.entity.js';
import { SlaPolicyRecord } from './sla-policy.entity.js';
import { StaffUser } from './staff-user.entity.js';
import { StatusHistoryRecord } from '../state/status-history.entity.js';

export {
  CustomerErasureRequest,
  CustomerAddress,
  CustomerPhone,
  CustomerConsentEvent,
  Product,
  ProductModel,
  Purchase,
  ApiKey,
  AuditEvent,
  AuthSession,
  Customer,
  CustomerLoginCode,
  KnownPermission,
  PasswordResetToken,
  Role,
  Setting,
  StaffUser,
};

/** Every entity core owns, for the DataSource and the migration generator. */
export const coreEntities: Function[] = [
  Setting,
  Role,
  StaffUser,
  Customer,
  AuthSession,
  ApiKey,
  CustomerLoginCode,
  PasswordResetToken,
  KnownPermission,
  AuditEvent,
  BusinessCalendarRecord,
  SlaPolicyRecord,
  SlaClockRecord,
  CustomerConsentEvent,
  Product,
  ProductModel,
  Purchase,
  IdempotencyRecord,
  StatusHistoryRecord,
  CustomerErasureRequest,
];

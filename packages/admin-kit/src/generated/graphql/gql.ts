/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Me {\n    me {\n      kind\n      permissions\n      staffUser {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation ImportCsv($kind: ImportKind!, $csv: String!) {\n    importCsv(kind: $kind, csv: $csv) {\n      kind\n      totalRows\n      acceptedRows\n      rejectedRows\n      rejected {\n        line\n        reasons\n      }\n    }\n  }\n": typeof types.ImportCsvDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $expectedVersion: Int, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      name\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation CreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProductModelDocument,
    "\n  mutation UpdateProductModel($id: ID!, $input: UpdateProductModelInput!) {\n    updateProductModel(id: $id, input: $input) {\n      id\n      sku\n      name\n      warrantyMonths\n      returnWindowDays\n    }\n  }\n": typeof types.UpdateProductModelDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      category\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation CreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n    }\n  }\n": typeof types.CreatePurchaseDocument,
    "\n  query PurchaseCustomerOptions($search: String) {\n    customers(search: $search, take: 20) {\n      items {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.PurchaseCustomerOptionsDocument,
    "\n  query PurchaseModelOptions($search: String) {\n    productModels(search: $search, take: 20) {\n      items {\n        id\n        sku\n        name\n        product {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PurchaseModelOptionsDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      version\n      name\n      email\n      emails\n      companyName\n      vatId\n      tier\n      tags\n      locale\n      timeZone\n      birthday\n      anonymizedAt\n      createdAt\n      phones {\n        number\n        label\n      }\n      addresses {\n        label\n        line1\n        line2\n        postalCode\n        city\n        region\n        country\n      }\n      marketingConsent {\n        granted\n        at\n        source\n      }\n      surveyConsent {\n        granted\n        at\n        source\n      }\n      purchases {\n        id\n        purchasedAt\n        deliveredAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerDetailDocument,
    "\n  query ApiKeys($skip: Int!, $take: Int!) {\n    apiKeys(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $skip: Int!, $take: Int!) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        occurredAt\n        actorKind\n        actorId\n        actorDisplay\n        action\n        objectType\n        objectId\n        changes\n        ip\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query BusinessCalendar($id: ID!) {\n    businessCalendar(id: $id) {\n      id\n      name\n      timeZone\n      version\n      updatedAt\n      week {\n        weekday\n        windows {\n          start\n          end\n        }\n      }\n      holidays {\n        date\n        yearly\n        name\n      }\n    }\n  }\n": typeof types.BusinessCalendarDocument,
    "\n  mutation CreateBusinessCalendar($input: BusinessCalendarInput!) {\n    createBusinessCalendar(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateBusinessCalendarDocument,
    "\n  mutation UpdateBusinessCalendar($id: ID!, $input: BusinessCalendarInput!, $expectedVersion: Int) {\n    updateBusinessCalendar(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n    }\n  }\n": typeof types.UpdateBusinessCalendarDocument,
    "\n  query BusinessCalendars($skip: Int!, $take: Int!) {\n    businessCalendars(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        timeZone\n        week {\n          weekday\n          windows {\n            start\n            end\n          }\n        }\n        holidays {\n          date\n        }\n      }\n    }\n  }\n": typeof types.BusinessCalendarsDocument,
    "\n  query ExportCustomerData($customerId: ID!) {\n    exportCustomerData(customerId: $customerId)\n  }\n": typeof types.ExportCustomerDataDocument,
    "\n  mutation AnonymizeCustomer($customerId: ID!) {\n    anonymizeCustomer(customerId: $customerId) {\n      id\n      name\n      email\n      anonymizedAt\n    }\n  }\n": typeof types.AnonymizeCustomerDocument,
    "\n  query Customers($search: String, $tag: String, $skip: Int!, $take: Int!) {\n    customers(search: $search, tag: $tag, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        companyName\n        tier\n        tags\n        anonymizedAt\n        createdAt\n      }\n    }\n  }\n": typeof types.CustomersDocument,
    "\n  query PluginSettings {\n    pluginSettings {\n      owner\n      schema\n      values\n    }\n  }\n": typeof types.PluginSettingsDocument,
    "\n  mutation UpdatePluginSettings($owner: String!, $values: JSONObject!) {\n    updatePluginSettings(owner: $owner, values: $values) {\n      owner\n      values\n    }\n  }\n": typeof types.UpdatePluginSettingsDocument,
    "\n  query Products($search: String, $category: String, $skip: Int!, $take: Int!) {\n    products(search: $search, category: $category, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        category\n        models {\n          id\n          sku\n          name\n          warrantyMonths\n          returnWindowDays\n        }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  query Purchases($filter: PurchaseFilterInput, $skip: Int!, $take: Int!) {\n    purchases(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        purchasedAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        customer {\n          id\n          name\n        }\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.PurchasesDocument,
    "\n  query RoleEditor {\n    roles {\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n    permissions {\n      items {\n        name\n        description\n        owner\n      }\n    }\n  }\n": typeof types.RoleEditorDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n      description\n      permissions\n    }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  query Roles {\n    roles {\n      totalCount\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  query SlaPolicies($skip: Int!, $take: Int!) {\n    slaPolicies(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        priority\n        active\n        isDefault\n        calendarId\n        firstResponseMinutes\n        nextResponseMinutes\n        resolutionMinutes\n        warningLeadMinutes\n        conditions {\n          kinds\n          severities\n          channels\n          customerTiers\n        }\n      }\n    }\n    businessCalendars(take: 100) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SlaPoliciesDocument,
    "\n  mutation CreateSlaPolicy($input: SlaPolicyInput!) {\n    createSlaPolicy(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSlaPolicyDocument,
    "\n  mutation UpdateSlaPolicy($id: ID!, $input: SlaPolicyInput!) {\n    updateSlaPolicy(id: $id, input: $input) {\n      id\n    }\n  }\n": typeof types.UpdateSlaPolicyDocument,
    "\n  mutation DeleteSlaPolicy($id: ID!) {\n    deleteSlaPolicy(id: $id)\n  }\n": typeof types.DeleteSlaPolicyDocument,
    "\n  query StaffUsers($skip: Int!, $take: Int!) {\n    staffUsers(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        active\n        createdAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.StaffUsersDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      roles {\n        id\n        name\n      }\n    }\n  }\n": typeof types.UpdateStaffUserDocument,
    "\n  mutation DeactivateStaffUser($id: ID!) {\n    deactivateStaffUser(id: $id) {\n      id\n      active\n    }\n  }\n": typeof types.DeactivateStaffUserDocument,
    "\n  query WebhookSubscriptions($skip: Int!, $take: Int!) {\n    webhookSubscriptions(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        url\n        description\n        eventTypes\n        active\n        consecutiveFailures\n        disabledAt\n        createdAt\n      }\n    }\n    eventTypes {\n      type\n      owner\n      description\n    }\n  }\n": typeof types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($subscriptionId: ID!, $skip: Int!, $take: Int!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        eventType\n        attempt\n        success\n        statusCode\n        durationMs\n        error\n        createdAt\n      }\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": typeof types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, input: $input) {\n      id\n      active\n      consecutiveFailures\n      disabledAt\n    }\n  }\n": typeof types.UpdateWebhookSubscriptionDocument,
    "\n  mutation DeleteWebhookSubscription($id: ID!) {\n    deleteWebhookSubscription(id: $id)\n  }\n": typeof types.DeleteWebhookSubscriptionDocument,
    "\n  query CustomerTimeline($customerId: ID!, $before: DateTimeISO, $take: Int!) {\n    customerTimeline(customerId: $customerId, before: $before, take: $take) {\n      hasMore\n      items {\n        id\n        at\n        kind\n        title\n        summary\n        source\n        objectType\n        objectId\n      }\n    }\n  }\n": typeof types.CustomerTimelineDocument,
    "\n  query OpenSlaRequests {\n    openSlaRequests {\n      subjectType\n      label\n      listPath\n      open\n      paused\n      atRisk\n      breached\n    }\n  }\n": typeof types.OpenSlaRequestsDocument,
    "\n  query SlaClocksDueSoon($take: Int!) {\n    slaClocksDueSoon(take: $take) {\n      subjectType\n      subjectId\n      subjectReference\n      subjectLabel\n      adminPath\n      nextDueAt\n      atRisk\n      breached\n      minutesLeft\n      clock {\n        policyName\n      }\n    }\n  }\n": typeof types.SlaClocksDueSoonDocument,
    "\n  query Platform {\n    platform {\n      version\n      plugins {\n        name\n        version\n        description\n      }\n    }\n  }\n": typeof types.PlatformDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query CustomerCases($customerId: ID!, $take: Int!) {\n    cases(filter: { customerId: $customerId }, sort: DUE_DATE, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        subject\n        status\n        slaDueAt\n        atRisk\n        breached\n        createdAt\n      }\n    }\n  }\n": typeof types.CustomerCasesDocument,
    "\n  query WarrantyCoverageLookup($serial: String!, $at: DateTimeISO, $damage: String) {\n    warrantyCoverage(serialNumber: $serial, at: $at, damageType: $damage) {\n      covered\n      basis\n      lastCoveredDay\n      coverageTypes\n      reason\n      explanation\n      timeZone\n      jurisdiction\n      layers {\n        basis\n        name\n        covered\n        reason\n        lastDay\n      }\n    }\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        outcome\n      }\n      repairOrders {\n        id\n        reference\n        status\n        outcome\n        completedAt\n      }\n    }\n  }\n": typeof types.WarrantyCoverageLookupDocument,
    "\n  query CustomerWarrantyRegistrations($customerId: ID!, $take: Int!) {\n    warrantyRegistrations(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        serialNumber\n        policyName\n        legalBasis\n        status\n        startsAt\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n": typeof types.CustomerWarrantyRegistrationsDocument,
    "\n  query CustomerWarrantyClaims($customerId: ID!, $take: Int!) {\n    warrantyClaims(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        description\n        createdAt\n      }\n    }\n  }\n": typeof types.CustomerWarrantyClaimsDocument,
    "\n  query CustomerRepairOrders($customerId: ID!, $take: Int!) {\n    repairOrders(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        paid\n        createdAt\n      }\n    }\n  }\n": typeof types.CustomerRepairOrdersDocument,
};
const documents: Documents = {
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n": types.LoginDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  query Me {\n    me {\n      kind\n      permissions\n      staffUser {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation ImportCsv($kind: ImportKind!, $csv: String!) {\n    importCsv(kind: $kind, csv: $csv) {\n      kind\n      totalRows\n      acceptedRows\n      rejectedRows\n      rejected {\n        line\n        reasons\n      }\n    }\n  }\n": types.ImportCsvDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $expectedVersion: Int, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      name\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation CreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n    }\n  }\n": types.CreateProductModelDocument,
    "\n  mutation UpdateProductModel($id: ID!, $input: UpdateProductModelInput!) {\n    updateProductModel(id: $id, input: $input) {\n      id\n      sku\n      name\n      warrantyMonths\n      returnWindowDays\n    }\n  }\n": types.UpdateProductModelDocument,
    "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      category\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation CreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n    }\n  }\n": types.CreatePurchaseDocument,
    "\n  query PurchaseCustomerOptions($search: String) {\n    customers(search: $search, take: 20) {\n      items {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.PurchaseCustomerOptionsDocument,
    "\n  query PurchaseModelOptions($search: String) {\n    productModels(search: $search, take: 20) {\n      items {\n        id\n        sku\n        name\n        product {\n          name\n        }\n      }\n    }\n  }\n": types.PurchaseModelOptionsDocument,
    "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      version\n      name\n      email\n      emails\n      companyName\n      vatId\n      tier\n      tags\n      locale\n      timeZone\n      birthday\n      anonymizedAt\n      createdAt\n      phones {\n        number\n        label\n      }\n      addresses {\n        label\n        line1\n        line2\n        postalCode\n        city\n        region\n        country\n      }\n      marketingConsent {\n        granted\n        at\n        source\n      }\n      surveyConsent {\n        granted\n        at\n        source\n      }\n      purchases {\n        id\n        purchasedAt\n        deliveredAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CustomerDetailDocument,
    "\n  query ApiKeys($skip: Int!, $take: Int!) {\n    apiKeys(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $skip: Int!, $take: Int!) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        occurredAt\n        actorKind\n        actorId\n        actorDisplay\n        action\n        objectType\n        objectId\n        changes\n        ip\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query BusinessCalendar($id: ID!) {\n    businessCalendar(id: $id) {\n      id\n      name\n      timeZone\n      version\n      updatedAt\n      week {\n        weekday\n        windows {\n          start\n          end\n        }\n      }\n      holidays {\n        date\n        yearly\n        name\n      }\n    }\n  }\n": types.BusinessCalendarDocument,
    "\n  mutation CreateBusinessCalendar($input: BusinessCalendarInput!) {\n    createBusinessCalendar(input: $input) {\n      id\n    }\n  }\n": types.CreateBusinessCalendarDocument,
    "\n  mutation UpdateBusinessCalendar($id: ID!, $input: BusinessCalendarInput!, $expectedVersion: Int) {\n    updateBusinessCalendar(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n    }\n  }\n": types.UpdateBusinessCalendarDocument,
    "\n  query BusinessCalendars($skip: Int!, $take: Int!) {\n    businessCalendars(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        timeZone\n        week {\n          weekday\n          windows {\n            start\n            end\n          }\n        }\n        holidays {\n          date\n        }\n      }\n    }\n  }\n": types.BusinessCalendarsDocument,
    "\n  query ExportCustomerData($customerId: ID!) {\n    exportCustomerData(customerId: $customerId)\n  }\n": types.ExportCustomerDataDocument,
    "\n  mutation AnonymizeCustomer($customerId: ID!) {\n    anonymizeCustomer(customerId: $customerId) {\n      id\n      name\n      email\n      anonymizedAt\n    }\n  }\n": types.AnonymizeCustomerDocument,
    "\n  query Customers($search: String, $tag: String, $skip: Int!, $take: Int!) {\n    customers(search: $search, tag: $tag, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        companyName\n        tier\n        tags\n        anonymizedAt\n        createdAt\n      }\n    }\n  }\n": types.CustomersDocument,
    "\n  query PluginSettings {\n    pluginSettings {\n      owner\n      schema\n      values\n    }\n  }\n": types.PluginSettingsDocument,
    "\n  mutation UpdatePluginSettings($owner: String!, $values: JSONObject!) {\n    updatePluginSettings(owner: $owner, values: $values) {\n      owner\n      values\n    }\n  }\n": types.UpdatePluginSettingsDocument,
    "\n  query Products($search: String, $category: String, $skip: Int!, $take: Int!) {\n    products(search: $search, category: $category, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        category\n        models {\n          id\n          sku\n          name\n          warrantyMonths\n          returnWindowDays\n        }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  query Purchases($filter: PurchaseFilterInput, $skip: Int!, $take: Int!) {\n    purchases(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        purchasedAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        customer {\n          id\n          name\n        }\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.PurchasesDocument,
    "\n  query RoleEditor {\n    roles {\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n    permissions {\n      items {\n        name\n        description\n        owner\n      }\n    }\n  }\n": types.RoleEditorDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n      description\n      permissions\n    }\n  }\n": types.UpdateRoleDocument,
    "\n  query Roles {\n    roles {\n      totalCount\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n  }\n": types.RolesDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n    }\n  }\n": types.CreateRoleDocument,
    "\n  query SlaPolicies($skip: Int!, $take: Int!) {\n    slaPolicies(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        priority\n        active\n        isDefault\n        calendarId\n        firstResponseMinutes\n        nextResponseMinutes\n        resolutionMinutes\n        warningLeadMinutes\n        conditions {\n          kinds\n          severities\n          channels\n          customerTiers\n        }\n      }\n    }\n    businessCalendars(take: 100) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.SlaPoliciesDocument,
    "\n  mutation CreateSlaPolicy($input: SlaPolicyInput!) {\n    createSlaPolicy(input: $input) {\n      id\n    }\n  }\n": types.CreateSlaPolicyDocument,
    "\n  mutation UpdateSlaPolicy($id: ID!, $input: SlaPolicyInput!) {\n    updateSlaPolicy(id: $id, input: $input) {\n      id\n    }\n  }\n": types.UpdateSlaPolicyDocument,
    "\n  mutation DeleteSlaPolicy($id: ID!) {\n    deleteSlaPolicy(id: $id)\n  }\n": types.DeleteSlaPolicyDocument,
    "\n  query StaffUsers($skip: Int!, $take: Int!) {\n    staffUsers(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        active\n        createdAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.StaffUsersDocument,
    "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n    }\n  }\n": types.CreateStaffUserDocument,
    "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      roles {\n        id\n        name\n      }\n    }\n  }\n": types.UpdateStaffUserDocument,
    "\n  mutation DeactivateStaffUser($id: ID!) {\n    deactivateStaffUser(id: $id) {\n      id\n      active\n    }\n  }\n": types.DeactivateStaffUserDocument,
    "\n  query WebhookSubscriptions($skip: Int!, $take: Int!) {\n    webhookSubscriptions(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        url\n        description\n        eventTypes\n        active\n        consecutiveFailures\n        disabledAt\n        createdAt\n      }\n    }\n    eventTypes {\n      type\n      owner\n      description\n    }\n  }\n": types.WebhookSubscriptionsDocument,
    "\n  query WebhookDeliveries($subscriptionId: ID!, $skip: Int!, $take: Int!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        eventType\n        attempt\n        success\n        statusCode\n        durationMs\n        error\n        createdAt\n      }\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n": types.CreateWebhookSubscriptionDocument,
    "\n  mutation UpdateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, input: $input) {\n      id\n      active\n      consecutiveFailures\n      disabledAt\n    }\n  }\n": types.UpdateWebhookSubscriptionDocument,
    "\n  mutation DeleteWebhookSubscription($id: ID!) {\n    deleteWebhookSubscription(id: $id)\n  }\n": types.DeleteWebhookSubscriptionDocument,
    "\n  query CustomerTimeline($customerId: ID!, $before: DateTimeISO, $take: Int!) {\n    customerTimeline(customerId: $customerId, before: $before, take: $take) {\n      hasMore\n      items {\n        id\n        at\n        kind\n        title\n        summary\n        source\n        objectType\n        objectId\n      }\n    }\n  }\n": types.CustomerTimelineDocument,
    "\n  query OpenSlaRequests {\n    openSlaRequests {\n      subjectType\n      label\n      listPath\n      open\n      paused\n      atRisk\n      breached\n    }\n  }\n": types.OpenSlaRequestsDocument,
    "\n  query SlaClocksDueSoon($take: Int!) {\n    slaClocksDueSoon(take: $take) {\n      subjectType\n      subjectId\n      subjectReference\n      subjectLabel\n      adminPath\n      nextDueAt\n      atRisk\n      breached\n      minutesLeft\n      clock {\n        policyName\n      }\n    }\n  }\n": types.SlaClocksDueSoonDocument,
    "\n  query Platform {\n    platform {\n      version\n      plugins {\n        name\n        version\n        description\n      }\n    }\n  }\n": types.PlatformDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query CustomerCases($customerId: ID!, $take: Int!) {\n    cases(filter: { customerId: $customerId }, sort: DUE_DATE, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        subject\n        status\n        slaDueAt\n        atRisk\n        breached\n        createdAt\n      }\n    }\n  }\n": types.CustomerCasesDocument,
    "\n  query WarrantyCoverageLookup($serial: String!, $at: DateTimeISO, $damage: String) {\n    warrantyCoverage(serialNumber: $serial, at: $at, damageType: $damage) {\n      covered\n      basis\n      lastCoveredDay\n      coverageTypes\n      reason\n      explanation\n      timeZone\n      jurisdiction\n      layers {\n        basis\n        name\n        covered\n        reason\n        lastDay\n      }\n    }\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        outcome\n      }\n      repairOrders {\n        id\n        reference\n        status\n        outcome\n        completedAt\n      }\n    }\n  }\n": types.WarrantyCoverageLookupDocument,
    "\n  query CustomerWarrantyRegistrations($customerId: ID!, $take: Int!) {\n    warrantyRegistrations(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        serialNumber\n        policyName\n        legalBasis\n        status\n        startsAt\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n": types.CustomerWarrantyRegistrationsDocument,
    "\n  query CustomerWarrantyClaims($customerId: ID!, $take: Int!) {\n    warrantyClaims(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        description\n        createdAt\n      }\n    }\n  }\n": types.CustomerWarrantyClaimsDocument,
    "\n  query CustomerRepairOrders($customerId: ID!, $take: Int!) {\n    repairOrders(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        paid\n        createdAt\n      }\n    }\n  }\n": types.CustomerRepairOrdersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      kind\n      permissions\n      staffUser {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      kind\n      permissions\n      staffUser {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportCsv($kind: ImportKind!, $csv: String!) {\n    importCsv(kind: $kind, csv: $csv) {\n      kind\n      totalRows\n      acceptedRows\n      rejectedRows\n      rejected {\n        line\n        reasons\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportCsv($kind: ImportKind!, $csv: String!) {\n    importCsv(kind: $kind, csv: $csv) {\n      kind\n      totalRows\n      acceptedRows\n      rejectedRows\n      rejected {\n        line\n        reasons\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($id: ID!, $expectedVersion: Int, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($id: ID!, $expectedVersion: Int, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, expectedVersion: $expectedVersion, input: $input) {\n      id\n      version\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProductModel($input: CreateProductModelInput!) {\n    createProductModel(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProductModel($id: ID!, $input: UpdateProductModelInput!) {\n    updateProductModel(id: $id, input: $input) {\n      id\n      sku\n      name\n      warrantyMonths\n      returnWindowDays\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProductModel($id: ID!, $input: UpdateProductModelInput!) {\n    updateProductModel(id: $id, input: $input) {\n      id\n      sku\n      name\n      warrantyMonths\n      returnWindowDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: CreateProductInput!) {\n    createProduct(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      category\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      id\n      name\n      category\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePurchase($input: CreatePurchaseInput!) {\n    createPurchase(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseCustomerOptions($search: String) {\n    customers(search: $search, take: 20) {\n      items {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query PurchaseCustomerOptions($search: String) {\n    customers(search: $search, take: 20) {\n      items {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurchaseModelOptions($search: String) {\n    productModels(search: $search, take: 20) {\n      items {\n        id\n        sku\n        name\n        product {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PurchaseModelOptions($search: String) {\n    productModels(search: $search, take: 20) {\n      items {\n        id\n        sku\n        name\n        product {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      version\n      name\n      email\n      emails\n      companyName\n      vatId\n      tier\n      tags\n      locale\n      timeZone\n      birthday\n      anonymizedAt\n      createdAt\n      phones {\n        number\n        label\n      }\n      addresses {\n        label\n        line1\n        line2\n        postalCode\n        city\n        region\n        country\n      }\n      marketingConsent {\n        granted\n        at\n        source\n      }\n      surveyConsent {\n        granted\n        at\n        source\n      }\n      purchases {\n        id\n        purchasedAt\n        deliveredAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerDetail($id: ID!) {\n    customer(id: $id) {\n      id\n      version\n      name\n      email\n      emails\n      companyName\n      vatId\n      tier\n      tags\n      locale\n      timeZone\n      birthday\n      anonymizedAt\n      createdAt\n      phones {\n        number\n        label\n      }\n      addresses {\n        label\n        line1\n        line2\n        postalCode\n        city\n        region\n        country\n      }\n      marketingConsent {\n        granted\n        at\n        source\n      }\n      surveyConsent {\n        granted\n        at\n        source\n      }\n      purchases {\n        id\n        purchasedAt\n        deliveredAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($skip: Int!, $take: Int!) {\n    apiKeys(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($skip: Int!, $take: Int!) {\n    apiKeys(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        prefix\n        createdAt\n        lastUsedAt\n        revokedAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $skip: Int!, $take: Int!) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        occurredAt\n        actorKind\n        actorId\n        actorDisplay\n        action\n        objectType\n        objectId\n        changes\n        ip\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $skip: Int!, $take: Int!) {\n    auditEvents(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        occurredAt\n        actorKind\n        actorId\n        actorDisplay\n        action\n        objectType\n        objectId\n        changes\n        ip\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessCalendar($id: ID!) {\n    businessCalendar(id: $id) {\n      id\n      name\n      timeZone\n      version\n      updatedAt\n      week {\n        weekday\n        windows {\n          start\n          end\n        }\n      }\n      holidays {\n        date\n        yearly\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query BusinessCalendar($id: ID!) {\n    businessCalendar(id: $id) {\n      id\n      name\n      timeZone\n      version\n      updatedAt\n      week {\n        weekday\n        windows {\n          start\n          end\n        }\n      }\n      holidays {\n        date\n        yearly\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBusinessCalendar($input: BusinessCalendarInput!) {\n    createBusinessCalendar(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBusinessCalendar($input: BusinessCalendarInput!) {\n    createBusinessCalendar(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBusinessCalendar($id: ID!, $input: BusinessCalendarInput!, $expectedVersion: Int) {\n    updateBusinessCalendar(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBusinessCalendar($id: ID!, $input: BusinessCalendarInput!, $expectedVersion: Int) {\n    updateBusinessCalendar(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      version\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessCalendars($skip: Int!, $take: Int!) {\n    businessCalendars(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        timeZone\n        week {\n          weekday\n          windows {\n            start\n            end\n          }\n        }\n        holidays {\n          date\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BusinessCalendars($skip: Int!, $take: Int!) {\n    businessCalendars(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        timeZone\n        week {\n          weekday\n          windows {\n            start\n            end\n          }\n        }\n        holidays {\n          date\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportCustomerData($customerId: ID!) {\n    exportCustomerData(customerId: $customerId)\n  }\n"): (typeof documents)["\n  query ExportCustomerData($customerId: ID!) {\n    exportCustomerData(customerId: $customerId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnonymizeCustomer($customerId: ID!) {\n    anonymizeCustomer(customerId: $customerId) {\n      id\n      name\n      email\n      anonymizedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AnonymizeCustomer($customerId: ID!) {\n    anonymizeCustomer(customerId: $customerId) {\n      id\n      name\n      email\n      anonymizedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customers($search: String, $tag: String, $skip: Int!, $take: Int!) {\n    customers(search: $search, tag: $tag, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        companyName\n        tier\n        tags\n        anonymizedAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customers($search: String, $tag: String, $skip: Int!, $take: Int!) {\n    customers(search: $search, tag: $tag, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        companyName\n        tier\n        tags\n        anonymizedAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PluginSettings {\n    pluginSettings {\n      owner\n      schema\n      values\n    }\n  }\n"): (typeof documents)["\n  query PluginSettings {\n    pluginSettings {\n      owner\n      schema\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePluginSettings($owner: String!, $values: JSONObject!) {\n    updatePluginSettings(owner: $owner, values: $values) {\n      owner\n      values\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePluginSettings($owner: String!, $values: JSONObject!) {\n    updatePluginSettings(owner: $owner, values: $values) {\n      owner\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($search: String, $category: String, $skip: Int!, $take: Int!) {\n    products(search: $search, category: $category, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        category\n        models {\n          id\n          sku\n          name\n          warrantyMonths\n          returnWindowDays\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products($search: String, $category: String, $skip: Int!, $take: Int!) {\n    products(search: $search, category: $category, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        category\n        models {\n          id\n          sku\n          name\n          warrantyMonths\n          returnWindowDays\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Purchases($filter: PurchaseFilterInput, $skip: Int!, $take: Int!) {\n    purchases(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        purchasedAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        customer {\n          id\n          name\n        }\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Purchases($filter: PurchaseFilterInput, $skip: Int!, $take: Int!) {\n    purchases(filter: $filter, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        purchasedAt\n        channel\n        currency\n        priceMinor\n        serialNumber\n        orderReference\n        customer {\n          id\n          name\n        }\n        model {\n          id\n          sku\n          name\n          product {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleEditor {\n    roles {\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n    permissions {\n      items {\n        name\n        description\n        owner\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoleEditor {\n    roles {\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n    permissions {\n      items {\n        name\n        description\n        owner\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n      description\n      permissions\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) {\n      id\n      name\n      description\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      totalCount\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      totalCount\n      items {\n        id\n        name\n        description\n        builtIn\n        permissions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaPolicies($skip: Int!, $take: Int!) {\n    slaPolicies(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        priority\n        active\n        isDefault\n        calendarId\n        firstResponseMinutes\n        nextResponseMinutes\n        resolutionMinutes\n        warningLeadMinutes\n        conditions {\n          kinds\n          severities\n          channels\n          customerTiers\n        }\n      }\n    }\n    businessCalendars(take: 100) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SlaPolicies($skip: Int!, $take: Int!) {\n    slaPolicies(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        priority\n        active\n        isDefault\n        calendarId\n        firstResponseMinutes\n        nextResponseMinutes\n        resolutionMinutes\n        warningLeadMinutes\n        conditions {\n          kinds\n          severities\n          channels\n          customerTiers\n        }\n      }\n    }\n    businessCalendars(take: 100) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSlaPolicy($input: SlaPolicyInput!) {\n    createSlaPolicy(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSlaPolicy($input: SlaPolicyInput!) {\n    createSlaPolicy(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSlaPolicy($id: ID!, $input: SlaPolicyInput!) {\n    updateSlaPolicy(id: $id, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSlaPolicy($id: ID!, $input: SlaPolicyInput!) {\n    updateSlaPolicy(id: $id, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSlaPolicy($id: ID!) {\n    deleteSlaPolicy(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSlaPolicy($id: ID!) {\n    deleteSlaPolicy(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffUsers($skip: Int!, $take: Int!) {\n    staffUsers(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        active\n        createdAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query StaffUsers($skip: Int!, $take: Int!) {\n    staffUsers(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        name\n        email\n        active\n        createdAt\n        roles {\n          id\n          name\n        }\n      }\n    }\n    roles {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateStaffUser($input: CreateStaffUserInput!) {\n    createStaffUser(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      roles {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateStaffUser($input: UpdateStaffUserInput!) {\n    updateStaffUser(input: $input) {\n      id\n      roles {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateStaffUser($id: ID!) {\n    deactivateStaffUser(id: $id) {\n      id\n      active\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateStaffUser($id: ID!) {\n    deactivateStaffUser(id: $id) {\n      id\n      active\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSubscriptions($skip: Int!, $take: Int!) {\n    webhookSubscriptions(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        url\n        description\n        eventTypes\n        active\n        consecutiveFailures\n        disabledAt\n        createdAt\n      }\n    }\n    eventTypes {\n      type\n      owner\n      description\n    }\n  }\n"): (typeof documents)["\n  query WebhookSubscriptions($skip: Int!, $take: Int!) {\n    webhookSubscriptions(skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        url\n        description\n        eventTypes\n        active\n        consecutiveFailures\n        disabledAt\n        createdAt\n      }\n    }\n    eventTypes {\n      type\n      owner\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($subscriptionId: ID!, $skip: Int!, $take: Int!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        eventType\n        attempt\n        success\n        statusCode\n        durationMs\n        error\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($subscriptionId: ID!, $skip: Int!, $take: Int!) {\n    webhookDeliveries(subscriptionId: $subscriptionId, skip: $skip, take: $take) {\n      totalCount\n      items {\n        id\n        eventType\n        attempt\n        success\n        statusCode\n        durationMs\n        error\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!) {\n    createWebhookSubscription(input: $input) {\n      secret\n      subscription {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, input: $input) {\n      id\n      active\n      consecutiveFailures\n      disabledAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!) {\n    updateWebhookSubscription(id: $id, input: $input) {\n      id\n      active\n      consecutiveFailures\n      disabledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookSubscription($id: ID!) {\n    deleteWebhookSubscription(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookSubscription($id: ID!) {\n    deleteWebhookSubscription(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerTimeline($customerId: ID!, $before: DateTimeISO, $take: Int!) {\n    customerTimeline(customerId: $customerId, before: $before, take: $take) {\n      hasMore\n      items {\n        id\n        at\n        kind\n        title\n        summary\n        source\n        objectType\n        objectId\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerTimeline($customerId: ID!, $before: DateTimeISO, $take: Int!) {\n    customerTimeline(customerId: $customerId, before: $before, take: $take) {\n      hasMore\n      items {\n        id\n        at\n        kind\n        title\n        summary\n        source\n        objectType\n        objectId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenSlaRequests {\n    openSlaRequests {\n      subjectType\n      label\n      listPath\n      open\n      paused\n      atRisk\n      breached\n    }\n  }\n"): (typeof documents)["\n  query OpenSlaRequests {\n    openSlaRequests {\n      subjectType\n      label\n      listPath\n      open\n      paused\n      atRisk\n      breached\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SlaClocksDueSoon($take: Int!) {\n    slaClocksDueSoon(take: $take) {\n      subjectType\n      subjectId\n      subjectReference\n      subjectLabel\n      adminPath\n      nextDueAt\n      atRisk\n      breached\n      minutesLeft\n      clock {\n        policyName\n      }\n    }\n  }\n"): (typeof documents)["\n  query SlaClocksDueSoon($take: Int!) {\n    slaClocksDueSoon(take: $take) {\n      subjectType\n      subjectId\n      subjectReference\n      subjectLabel\n      adminPath\n      nextDueAt\n      atRisk\n      breached\n      minutesLeft\n      clock {\n        policyName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Platform {\n    platform {\n      version\n      plugins {\n        name\n        version\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  query Platform {\n    platform {\n      version\n      plugins {\n        name\n        version\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerCases($customerId: ID!, $take: Int!) {\n    cases(filter: { customerId: $customerId }, sort: DUE_DATE, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        subject\n        status\n        slaDueAt\n        atRisk\n        breached\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerCases($customerId: ID!, $take: Int!) {\n    cases(filter: { customerId: $customerId }, sort: DUE_DATE, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        subject\n        status\n        slaDueAt\n        atRisk\n        breached\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WarrantyCoverageLookup($serial: String!, $at: DateTimeISO, $damage: String) {\n    warrantyCoverage(serialNumber: $serial, at: $at, damageType: $damage) {\n      covered\n      basis\n      lastCoveredDay\n      coverageTypes\n      reason\n      explanation\n      timeZone\n      jurisdiction\n      layers {\n        basis\n        name\n        covered\n        reason\n        lastDay\n      }\n    }\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        outcome\n      }\n      repairOrders {\n        id\n        reference\n        status\n        outcome\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query WarrantyCoverageLookup($serial: String!, $at: DateTimeISO, $damage: String) {\n    warrantyCoverage(serialNumber: $serial, at: $at, damageType: $damage) {\n      covered\n      basis\n      lastCoveredDay\n      coverageTypes\n      reason\n      explanation\n      timeZone\n      jurisdiction\n      layers {\n        basis\n        name\n        covered\n        reason\n        lastDay\n      }\n    }\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        outcome\n      }\n      repairOrders {\n        id\n        reference\n        status\n        outcome\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerWarrantyRegistrations($customerId: ID!, $take: Int!) {\n    warrantyRegistrations(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        serialNumber\n        policyName\n        legalBasis\n        status\n        startsAt\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerWarrantyRegistrations($customerId: ID!, $take: Int!) {\n    warrantyRegistrations(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        serialNumber\n        policyName\n        legalBasis\n        status\n        startsAt\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerWarrantyClaims($customerId: ID!, $take: Int!) {\n    warrantyClaims(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        description\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerWarrantyClaims($customerId: ID!, $take: Int!) {\n    warrantyClaims(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        description\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerRepairOrders($customerId: ID!, $take: Int!) {\n    repairOrders(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        paid\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerRepairOrders($customerId: ID!, $take: Int!) {\n    repairOrders(customerId: $customerId, take: $take) {\n      totalCount\n      items {\n        id\n        reference\n        serialNumber\n        status\n        paid\n        createdAt\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
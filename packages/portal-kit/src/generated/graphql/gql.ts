/* eslint-disable */
import * as types from './graphql.js';
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
    "\n  query PortalMyPurchases {\n    myPurchases(take: 20) {\n      totalCount\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          sku\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalMyPurchasesDocument,
    "\n  query PortalComplaintProcedure {\n    complaintProcedure {\n      companyName\n      responsible\n      free\n      dataProtectionContact\n      retentionMonths\n      channels {\n        kind\n        value\n      }\n      targets {\n        kinds\n        severities\n        firstResponseMinutes\n        resolutionMinutes\n        isDefault\n      }\n    }\n  }\n": typeof types.PortalComplaintProcedureDocument,
    "\n  mutation PortalRequestCode($email: String!) {\n    requestCustomerCode(email: $email)\n  }\n": typeof types.PortalRequestCodeDocument,
    "\n  mutation PortalVerifyCode($email: String!, $code: String!) {\n    verifyCustomerCode(email: $email, code: $code) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": typeof types.PortalVerifyCodeDocument,
    "\n  mutation PortalVerifyLink($token: String!) {\n    verifyCustomerLink(token: $token) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": typeof types.PortalVerifyLinkDocument,
    "\n  query PortalConsents($id: ID!) {\n    customer(id: $id) {\n      id\n      marketingConsent {\n        granted\n        at\n      }\n      surveyConsent {\n        granted\n        at\n      }\n    }\n    myConsentHistory {\n      id\n      kind\n      granted\n      source\n      at\n    }\n  }\n": typeof types.PortalConsentsDocument,
    "\n  mutation PortalSetConsent($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!) {\n    setCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted) {\n      id\n    }\n  }\n": typeof types.PortalSetConsentDocument,
    "\n  query PortalErasure {\n    myErasureRequest {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n": typeof types.PortalErasureDocument,
    "\n  query PortalDataExport {\n    myDataExport\n  }\n": typeof types.PortalDataExportDocument,
    "\n  mutation PortalRequestErasure($input: RequestMyErasureInput!) {\n    requestMyErasure(input: $input) {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n": typeof types.PortalRequestErasureDocument,
    "\n  query PortalProfile($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n": typeof types.PortalProfileDocument,
    "\n  mutation PortalUpdateProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n": typeof types.PortalUpdateProfileDocument,
    "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.PortalSignOutEverywhereDocument,
    "\n  query PortalStart {\n    platform {\n      plugins {\n        name\n      }\n    }\n    portalConfiguration {\n      companyName\n      logoUrl\n      primaryColor\n      accentColor\n      languages\n    }\n  }\n": typeof types.PortalStartDocument,
    "\n  fragment PortalCustomerFields on Customer {\n    id\n    name\n    email\n    locale\n    timeZone\n  }\n": typeof types.PortalCustomerFieldsFragmentDoc,
    "\n  query PortalMe {\n    me {\n      kind\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": typeof types.PortalMeDocument,
    "\n  mutation PortalSignOut {\n    logout\n  }\n": typeof types.PortalSignOutDocument,
    "\n  query PortalSearchKb($query: String!, $filter: KbSearchFilter) {\n    searchKb(query: $query, filter: $filter, take: 10) {\n      searchId\n      total\n      hits {\n        articleId\n        slug\n        locale\n        title\n        summary\n        snippet\n        forYourProducts\n      }\n    }\n  }\n": typeof types.PortalSearchKbDocument,
    "\n  query PortalKbHome($locale: String) {\n    kbHome(locale: $locale) {\n      popular {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n      forYourProducts {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n": typeof types.PortalKbHomeDocument,
    "\n  query PortalKbArticle($slug: String!, $locale: String, $suggestionId: ID, $searchId: ID) {\n    kbArticle(slug: $slug, locale: $locale, suggestionId: $suggestionId, searchId: $searchId) {\n      articleId\n      locale\n      fallback\n      outdated\n      title\n      summary\n      html\n      updatedAt\n      related {\n        articleId\n        slug\n        locale\n        title\n      }\n    }\n  }\n": typeof types.PortalKbArticleDocument,
    "\n  mutation PortalVoteKb($input: VoteKbArticleInput!) {\n    voteKbArticle(input: $input) {\n      helpful\n      notHelpful\n    }\n  }\n": typeof types.PortalVoteKbDocument,
    "\n  query PortalSuggestArticles($text: String!, $modelId: ID, $locale: String, $suggestionId: ID) {\n    suggestArticles(text: $text, modelId: $modelId, locale: $locale, suggestionId: $suggestionId) {\n      suggestionId\n      articles {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n": typeof types.PortalSuggestArticlesDocument,
    "\n  query PortalMyKbGuides($locale: String) {\n    myKbGuides(locale: $locale) {\n      id\n      title\n      forYourProducts\n      doneCount\n      steps {\n        articleId\n        slug\n        locale\n        title\n        done\n      }\n    }\n  }\n": typeof types.PortalMyKbGuidesDocument,
    "\n  mutation PortalMarkGuideStepDone($guideId: ID!, $articleId: ID!) {\n    markGuideStepDone(guideId: $guideId, articleId: $articleId) {\n      id\n      doneCount\n    }\n  }\n": typeof types.PortalMarkGuideStepDoneDocument,
    "\n  query PortalLoyaltyBalance {\n    myLoyalty {\n      balance\n      pending\n      tier {\n        name\n      }\n    }\n  }\n": typeof types.PortalLoyaltyBalanceDocument,
    "\n  query PortalLoyalty {\n    myLoyalty {\n      enrolled\n      balance\n      pending\n      expiringPoints\n      nextExpiryAt\n      earnedInWindow\n      tier {\n        code\n        name\n        benefits\n      }\n      nextTier {\n        name\n        thresholdPoints\n      }\n      history {\n        id\n        kind\n        points\n        reason\n        availableAt\n        createdAt\n      }\n      sweepstakes {\n        entryId\n        sweepstakeName\n        prize\n        status\n        seedHash\n        listHash\n        seed\n        won\n      }\n    }\n    myRewards {\n      rewards {\n        id\n        name\n        description\n        kind\n        costPoints\n        available\n        affordable\n      }\n      redemptions {\n        id\n        rewardName\n        costPoints\n        couponCode\n        createdAt\n      }\n    }\n  }\n": typeof types.PortalLoyaltyDocument,
    "\n  mutation PortalRedeemReward($input: RedeemMyLoyaltyRewardInput!) {\n    redeemMyReward(input: $input) {\n      id\n      rewardName\n      couponCode\n    }\n  }\n": typeof types.PortalRedeemRewardDocument,
    "\n  query PortalMyReturn($id: ID!) {\n    myReturn(id: $id) {\n      id\n      reference\n      status\n      withdrawal\n      withdrawalAcknowledgement\n      sendBackBy\n      refundDueAt\n      refundedMinor\n      currency\n      keepItem\n      lines {\n        id\n        legalBasis\n        basisExplanation\n        requestedResolution\n        reasonCode\n      }\n    }\n  }\n": typeof types.PortalMyReturnDocument,
    "\n  query PortalMyReturnSlip($id: ID!) {\n    myReturnSlip(id: $id) {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n": typeof types.PortalMyReturnSlipDocument,
    "\n  mutation PortalCancelMyReturn($id: ID!) {\n    cancelMyReturn(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.PortalCancelMyReturnDocument,
    "\n  query PortalMyReturns {\n    myReturns(take: 50) {\n      items {\n        id\n        reference\n        status\n        withdrawal\n        createdAt\n      }\n    }\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        serialNumber\n        priceMinor\n        currency\n        model {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalMyReturnsDocument,
    "\n  query PortalReturnEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      eligible\n      legalBasis\n      explanation\n      deadlineAt\n      withdrawalPossible\n      withdrawalDeadlineAt\n      refundMethods\n      keepItem\n    }\n    myReturnReasons {\n      id\n      code\n      label\n      parentId\n    }\n  }\n": typeof types.PortalReturnEligibilityDocument,
    "\n  mutation PortalRequestMyReturn($input: RequestMyReturnInput!) {\n    requestMyReturn(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalRequestMyReturnDocument,
    "\n  query PortalWithdrawablePurchases {\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        orderReference\n        model {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalWithdrawablePurchasesDocument,
    "\n  query PortalWithdrawalEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      purchaseId\n      withdrawalPossible\n      withdrawalDeadlineAt\n    }\n  }\n": typeof types.PortalWithdrawalEligibilityDocument,
    "\n  mutation PortalWithdrawFromContract($input: WithdrawFromContractInput!) {\n    withdrawFromContract(input: $input) {\n      id\n      reference\n      withdrawalAcknowledgement\n    }\n  }\n": typeof types.PortalWithdrawFromContractDocument,
    "\n  query PortalOpenRequests {\n    myCases(take: 50) {\n      items {\n        id\n        reference\n        subject\n        status\n      }\n    }\n  }\n": typeof types.PortalOpenRequestsDocument,
    "\n  query PortalRequestPurchases {\n    myPurchases(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalRequestPurchasesDocument,
    "\n  mutation PortalSubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id\n      reference\n    }\n  }\n": typeof types.PortalSubmitCaseDocument,
    "\n  mutation PortalAttachToCase($input: AddMyCaseAttachmentInput!) {\n    addMyCaseAttachment(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalAttachToCaseDocument,
    "\n  fragment PortalRequestFields on MyCase {\n    id\n    reference\n    kind\n    status\n    subject\n    description\n    createdAt\n    resolvedAt\n    reopenableUntil\n    statusHistory {\n      status\n      at\n    }\n    messages {\n      id\n      fromSupport\n      authorName\n      body\n      createdAt\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      sizeBytes\n    }\n    compensations {\n      id\n      type\n      valueMinor\n      currency\n      description\n      status\n      decisionReason\n      decidedAt\n    }\n  }\n": typeof types.PortalRequestFieldsFragmentDoc,
    "\n  query PortalRequest($id: ID!) {\n    myCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": typeof types.PortalRequestDocument,
    "\n  mutation PortalReply($input: ReplyToMyCaseInput!) {\n    replyToMyCase(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalReplyDocument,
    "\n  mutation PortalCloseCase($id: ID!) {\n    closeMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": typeof types.PortalCloseCaseDocument,
    "\n  mutation PortalReopenCase($id: ID!) {\n    reopenMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": typeof types.PortalReopenCaseDocument,
    "\n  query PortalAttachmentContent($id: ID!) {\n    myCaseAttachmentContent(id: $id) {\n      contentBase64\n      attachment {\n        contentType\n        fileName\n      }\n    }\n  }\n": typeof types.PortalAttachmentContentDocument,
    "\n  query PortalMyRequests {\n    myCases(take: 100) {\n      totalCount\n      items {\n        id\n        reference\n        kind\n        subject\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": typeof types.PortalMyRequestsDocument,
    "\n  query PortalSurveyInvitation($token: String!, $locale: String) {\n    surveyInvitation(token: $token, locale: $locale) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n": typeof types.PortalSurveyInvitationDocument,
    "\n  mutation PortalAnswerSurvey($token: String!, $input: AnswerSurveyInput!) {\n    answerSurvey(token: $token, input: $input) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n": typeof types.PortalAnswerSurveyDocument,
    "\n  query PortalMySurveys {\n    mySurveys {\n      id\n      kind\n      question\n      sentAt\n      expiresAt\n      answered\n      score\n      token\n    }\n  }\n": typeof types.PortalMySurveysDocument,
    "\n  query PortalWarrantyOpen {\n    myWarrantyClaims(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n    myRepairOrders(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n  }\n": typeof types.PortalWarrantyOpenDocument,
    "\n  query PortalWarrantyProducts {\n    myWarranties(take: 20) {\n      items {\n        id\n        serialNumber\n        model {\n          name\n        }\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n": typeof types.PortalWarrantyProductsDocument,
    "\n  query PortalWarrantyClaim($id: ID!) {\n    warrantyClaim(id: $id) {\n      id\n      reference\n      status\n      description\n      createdAt\n      decidedAt\n      decisionNote\n      rejectionReason\n      infoRequest\n      registrationId\n      model {\n        name\n      }\n      statusHistory {\n        status\n        at\n      }\n      repairOrders {\n        id\n        reference\n        status\n      }\n    }\n  }\n": typeof types.PortalWarrantyClaimDocument,
    "\n  query PortalWarrantyProduct($id: ID!) {\n    warrantyRegistration(id: $id) {\n      id\n      serialNumber\n      purchasedAt\n      seller\n      proofOfPurchaseRef\n      policyName\n      lastDay\n      model {\n        name\n        sku\n      }\n      coverage {\n        covered\n        lastCoveredDay\n        explanation\n      }\n      proofDocuments {\n        id\n        fileName\n      }\n    }\n  }\n": typeof types.PortalWarrantyProductDocument,
    "\n  query PortalServiceHistory($serial: String!) {\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        description\n      }\n      repairOrders {\n        id\n        reference\n        status\n        createdAt\n        outcome\n        completedAt\n      }\n    }\n  }\n": typeof types.PortalServiceHistoryDocument,
    "\n  mutation PortalFileWarrantyClaim($input: SubmitMyWarrantyClaimInput!) {\n    submitMyWarrantyClaim(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalFileWarrantyClaimDocument,
    "\n  query PortalWarrantyList {\n    myWarranties(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        lastDay\n        source\n        model {\n          name\n          sku\n        }\n        coverage {\n          covered\n          lastCoveredDay\n          explanation\n        }\n      }\n    }\n  }\n": typeof types.PortalWarrantyListDocument,
    "\n  query PortalRegistrableModels {\n    registrableModels {\n      id\n      sku\n      name\n    }\n  }\n": typeof types.PortalRegistrableModelsDocument,
    "\n  mutation PortalRegisterProduct($input: RegisterMyProductInput!) {\n    registerMyProduct(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalRegisterProductDocument,
    "\n  fragment PortalRepairFields on RepairOrder {\n    id\n    reference\n    status\n    paid\n    diagnosis\n    estimateMinor\n    currency\n    estimateNote\n    estimateAnsweredAt\n    outcome\n    completedAt\n    dueAt\n    serialNumber\n    model {\n      name\n    }\n    technician {\n      name\n    }\n    visits {\n      id\n      startsAt\n      endsAt\n    }\n    statusHistory {\n      status\n      at\n    }\n  }\n": typeof types.PortalRepairFieldsFragmentDoc,
    "\n  query PortalRepair($id: ID!) {\n    repairOrder(id: $id) {\n      ...PortalRepairFields\n    }\n  }\n": typeof types.PortalRepairDocument,
    "\n  mutation PortalRespondToEstimate($id: ID!, $accept: Boolean!) {\n    respondToRepairEstimate(repairOrderId: $id, accept: $accept) {\n      ...PortalRepairFields\n    }\n  }\n": typeof types.PortalRespondToEstimateDocument,
};
const documents: Documents = {
    "\n  query PortalMyPurchases {\n    myPurchases(take: 20) {\n      totalCount\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          sku\n          name\n        }\n      }\n    }\n  }\n": types.PortalMyPurchasesDocument,
    "\n  query PortalComplaintProcedure {\n    complaintProcedure {\n      companyName\n      responsible\n      free\n      dataProtectionContact\n      retentionMonths\n      channels {\n        kind\n        value\n      }\n      targets {\n        kinds\n        severities\n        firstResponseMinutes\n        resolutionMinutes\n        isDefault\n      }\n    }\n  }\n": types.PortalComplaintProcedureDocument,
    "\n  mutation PortalRequestCode($email: String!) {\n    requestCustomerCode(email: $email)\n  }\n": types.PortalRequestCodeDocument,
    "\n  mutation PortalVerifyCode($email: String!, $code: String!) {\n    verifyCustomerCode(email: $email, code: $code) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": types.PortalVerifyCodeDocument,
    "\n  mutation PortalVerifyLink($token: String!) {\n    verifyCustomerLink(token: $token) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": types.PortalVerifyLinkDocument,
    "\n  query PortalConsents($id: ID!) {\n    customer(id: $id) {\n      id\n      marketingConsent {\n        granted\n        at\n      }\n      surveyConsent {\n        granted\n        at\n      }\n    }\n    myConsentHistory {\n      id\n      kind\n      granted\n      source\n      at\n    }\n  }\n": types.PortalConsentsDocument,
    "\n  mutation PortalSetConsent($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!) {\n    setCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted) {\n      id\n    }\n  }\n": types.PortalSetConsentDocument,
    "\n  query PortalErasure {\n    myErasureRequest {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n": types.PortalErasureDocument,
    "\n  query PortalDataExport {\n    myDataExport\n  }\n": types.PortalDataExportDocument,
    "\n  mutation PortalRequestErasure($input: RequestMyErasureInput!) {\n    requestMyErasure(input: $input) {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n": types.PortalRequestErasureDocument,
    "\n  query PortalProfile($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n": types.PortalProfileDocument,
    "\n  mutation PortalUpdateProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n": types.PortalUpdateProfileDocument,
    "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n": types.PortalSignOutEverywhereDocument,
    "\n  query PortalStart {\n    platform {\n      plugins {\n        name\n      }\n    }\n    portalConfiguration {\n      companyName\n      logoUrl\n      primaryColor\n      accentColor\n      languages\n    }\n  }\n": types.PortalStartDocument,
    "\n  fragment PortalCustomerFields on Customer {\n    id\n    name\n    email\n    locale\n    timeZone\n  }\n": types.PortalCustomerFieldsFragmentDoc,
    "\n  query PortalMe {\n    me {\n      kind\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n": types.PortalMeDocument,
    "\n  mutation PortalSignOut {\n    logout\n  }\n": types.PortalSignOutDocument,
    "\n  query PortalSearchKb($query: String!, $filter: KbSearchFilter) {\n    searchKb(query: $query, filter: $filter, take: 10) {\n      searchId\n      total\n      hits {\n        articleId\n        slug\n        locale\n        title\n        summary\n        snippet\n        forYourProducts\n      }\n    }\n  }\n": types.PortalSearchKbDocument,
    "\n  query PortalKbHome($locale: String) {\n    kbHome(locale: $locale) {\n      popular {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n      forYourProducts {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n": types.PortalKbHomeDocument,
    "\n  query PortalKbArticle($slug: String!, $locale: String, $suggestionId: ID, $searchId: ID) {\n    kbArticle(slug: $slug, locale: $locale, suggestionId: $suggestionId, searchId: $searchId) {\n      articleId\n      locale\n      fallback\n      outdated\n      title\n      summary\n      html\n      updatedAt\n      related {\n        articleId\n        slug\n        locale\n        title\n      }\n    }\n  }\n": types.PortalKbArticleDocument,
    "\n  mutation PortalVoteKb($input: VoteKbArticleInput!) {\n    voteKbArticle(input: $input) {\n      helpful\n      notHelpful\n    }\n  }\n": types.PortalVoteKbDocument,
    "\n  query PortalSuggestArticles($text: String!, $modelId: ID, $locale: String, $suggestionId: ID) {\n    suggestArticles(text: $text, modelId: $modelId, locale: $locale, suggestionId: $suggestionId) {\n      suggestionId\n      articles {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n": types.PortalSuggestArticlesDocument,
    "\n  query PortalMyKbGuides($locale: String) {\n    myKbGuides(locale: $locale) {\n      id\n      title\n      forYourProducts\n      doneCount\n      steps {\n        articleId\n        slug\n        locale\n        title\n        done\n      }\n    }\n  }\n": types.PortalMyKbGuidesDocument,
    "\n  mutation PortalMarkGuideStepDone($guideId: ID!, $articleId: ID!) {\n    markGuideStepDone(guideId: $guideId, articleId: $articleId) {\n      id\n      doneCount\n    }\n  }\n": types.PortalMarkGuideStepDoneDocument,
    "\n  query PortalLoyaltyBalance {\n    myLoyalty {\n      balance\n      pending\n      tier {\n        name\n      }\n    }\n  }\n": types.PortalLoyaltyBalanceDocument,
    "\n  query PortalLoyalty {\n    myLoyalty {\n      enrolled\n      balance\n      pending\n      expiringPoints\n      nextExpiryAt\n      earnedInWindow\n      tier {\n        code\n        name\n        benefits\n      }\n      nextTier {\n        name\n        thresholdPoints\n      }\n      history {\n        id\n        kind\n        points\n        reason\n        availableAt\n        createdAt\n      }\n      sweepstakes {\n        entryId\n        sweepstakeName\n        prize\n        status\n        seedHash\n        listHash\n        seed\n        won\n      }\n    }\n    myRewards {\n      rewards {\n        id\n        name\n        description\n        kind\n        costPoints\n        available\n        affordable\n      }\n      redemptions {\n        id\n        rewardName\n        costPoints\n        couponCode\n        createdAt\n      }\n    }\n  }\n": types.PortalLoyaltyDocument,
    "\n  mutation PortalRedeemReward($input: RedeemMyLoyaltyRewardInput!) {\n    redeemMyReward(input: $input) {\n      id\n      rewardName\n      couponCode\n    }\n  }\n": types.PortalRedeemRewardDocument,
    "\n  query PortalMyReturn($id: ID!) {\n    myReturn(id: $id) {\n      id\n      reference\n      status\n      withdrawal\n      withdrawalAcknowledgement\n      sendBackBy\n      refundDueAt\n      refundedMinor\n      currency\n      keepItem\n      lines {\n        id\n        legalBasis\n        basisExplanation\n        requestedResolution\n        reasonCode\n      }\n    }\n  }\n": types.PortalMyReturnDocument,
    "\n  query PortalMyReturnSlip($id: ID!) {\n    myReturnSlip(id: $id) {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n": types.PortalMyReturnSlipDocument,
    "\n  mutation PortalCancelMyReturn($id: ID!) {\n    cancelMyReturn(id: $id) {\n      id\n      status\n    }\n  }\n": types.PortalCancelMyReturnDocument,
    "\n  query PortalMyReturns {\n    myReturns(take: 50) {\n      items {\n        id\n        reference\n        status\n        withdrawal\n        createdAt\n      }\n    }\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        serialNumber\n        priceMinor\n        currency\n        model {\n          name\n        }\n      }\n    }\n  }\n": types.PortalMyReturnsDocument,
    "\n  query PortalReturnEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      eligible\n      legalBasis\n      explanation\n      deadlineAt\n      withdrawalPossible\n      withdrawalDeadlineAt\n      refundMethods\n      keepItem\n    }\n    myReturnReasons {\n      id\n      code\n      label\n      parentId\n    }\n  }\n": types.PortalReturnEligibilityDocument,
    "\n  mutation PortalRequestMyReturn($input: RequestMyReturnInput!) {\n    requestMyReturn(input: $input) {\n      id\n    }\n  }\n": types.PortalRequestMyReturnDocument,
    "\n  query PortalWithdrawablePurchases {\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        orderReference\n        model {\n          name\n        }\n      }\n    }\n  }\n": types.PortalWithdrawablePurchasesDocument,
    "\n  query PortalWithdrawalEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      purchaseId\n      withdrawalPossible\n      withdrawalDeadlineAt\n    }\n  }\n": types.PortalWithdrawalEligibilityDocument,
    "\n  mutation PortalWithdrawFromContract($input: WithdrawFromContractInput!) {\n    withdrawFromContract(input: $input) {\n      id\n      reference\n      withdrawalAcknowledgement\n    }\n  }\n": types.PortalWithdrawFromContractDocument,
    "\n  query PortalOpenRequests {\n    myCases(take: 50) {\n      items {\n        id\n        reference\n        subject\n        status\n      }\n    }\n  }\n": types.PortalOpenRequestsDocument,
    "\n  query PortalRequestPurchases {\n    myPurchases(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PortalRequestPurchasesDocument,
    "\n  mutation PortalSubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id\n      reference\n    }\n  }\n": types.PortalSubmitCaseDocument,
    "\n  mutation PortalAttachToCase($input: AddMyCaseAttachmentInput!) {\n    addMyCaseAttachment(input: $input) {\n      id\n    }\n  }\n": types.PortalAttachToCaseDocument,
    "\n  fragment PortalRequestFields on MyCase {\n    id\n    reference\n    kind\n    status\n    subject\n    description\n    createdAt\n    resolvedAt\n    reopenableUntil\n    statusHistory {\n      status\n      at\n    }\n    messages {\n      id\n      fromSupport\n      authorName\n      body\n      createdAt\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      sizeBytes\n    }\n    compensations {\n      id\n      type\n      valueMinor\n      currency\n      description\n      status\n      decisionReason\n      decidedAt\n    }\n  }\n": types.PortalRequestFieldsFragmentDoc,
    "\n  query PortalRequest($id: ID!) {\n    myCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": types.PortalRequestDocument,
    "\n  mutation PortalReply($input: ReplyToMyCaseInput!) {\n    replyToMyCase(input: $input) {\n      id\n    }\n  }\n": types.PortalReplyDocument,
    "\n  mutation PortalCloseCase($id: ID!) {\n    closeMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": types.PortalCloseCaseDocument,
    "\n  mutation PortalReopenCase($id: ID!) {\n    reopenMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n": types.PortalReopenCaseDocument,
    "\n  query PortalAttachmentContent($id: ID!) {\n    myCaseAttachmentContent(id: $id) {\n      contentBase64\n      attachment {\n        contentType\n        fileName\n      }\n    }\n  }\n": types.PortalAttachmentContentDocument,
    "\n  query PortalMyRequests {\n    myCases(take: 100) {\n      totalCount\n      items {\n        id\n        reference\n        kind\n        subject\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n": types.PortalMyRequestsDocument,
    "\n  query PortalSurveyInvitation($token: String!, $locale: String) {\n    surveyInvitation(token: $token, locale: $locale) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n": types.PortalSurveyInvitationDocument,
    "\n  mutation PortalAnswerSurvey($token: String!, $input: AnswerSurveyInput!) {\n    answerSurvey(token: $token, input: $input) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n": types.PortalAnswerSurveyDocument,
    "\n  query PortalMySurveys {\n    mySurveys {\n      id\n      kind\n      question\n      sentAt\n      expiresAt\n      answered\n      score\n      token\n    }\n  }\n": types.PortalMySurveysDocument,
    "\n  query PortalWarrantyOpen {\n    myWarrantyClaims(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n    myRepairOrders(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n  }\n": types.PortalWarrantyOpenDocument,
    "\n  query PortalWarrantyProducts {\n    myWarranties(take: 20) {\n      items {\n        id\n        serialNumber\n        model {\n          name\n        }\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n": types.PortalWarrantyProductsDocument,
    "\n  query PortalWarrantyClaim($id: ID!) {\n    warrantyClaim(id: $id) {\n      id\n      reference\n      status\n      description\n      createdAt\n      decidedAt\n      decisionNote\n      rejectionReason\n      infoRequest\n      registrationId\n      model {\n        name\n      }\n      statusHistory {\n        status\n        at\n      }\n      repairOrders {\n        id\n        reference\n        status\n      }\n    }\n  }\n": types.PortalWarrantyClaimDocument,
    "\n  query PortalWarrantyProduct($id: ID!) {\n    warrantyRegistration(id: $id) {\n      id\n      serialNumber\n      purchasedAt\n      seller\n      proofOfPurchaseRef\n      policyName\n      lastDay\n      model {\n        name\n        sku\n      }\n      coverage {\n        covered\n        lastCoveredDay\n        explanation\n      }\n      proofDocuments {\n        id\n        fileName\n      }\n    }\n  }\n": types.PortalWarrantyProductDocument,
    "\n  query PortalServiceHistory($serial: String!) {\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        description\n      }\n      repairOrders {\n        id\n        reference\n        status\n        createdAt\n        outcome\n        completedAt\n      }\n    }\n  }\n": types.PortalServiceHistoryDocument,
    "\n  mutation PortalFileWarrantyClaim($input: SubmitMyWarrantyClaimInput!) {\n    submitMyWarrantyClaim(input: $input) {\n      id\n    }\n  }\n": types.PortalFileWarrantyClaimDocument,
    "\n  query PortalWarrantyList {\n    myWarranties(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        lastDay\n        source\n        model {\n          name\n          sku\n        }\n        coverage {\n          covered\n          lastCoveredDay\n          explanation\n        }\n      }\n    }\n  }\n": types.PortalWarrantyListDocument,
    "\n  query PortalRegistrableModels {\n    registrableModels {\n      id\n      sku\n      name\n    }\n  }\n": types.PortalRegistrableModelsDocument,
    "\n  mutation PortalRegisterProduct($input: RegisterMyProductInput!) {\n    registerMyProduct(input: $input) {\n      id\n    }\n  }\n": types.PortalRegisterProductDocument,
    "\n  fragment PortalRepairFields on RepairOrder {\n    id\n    reference\n    status\n    paid\n    diagnosis\n    estimateMinor\n    currency\n    estimateNote\n    estimateAnsweredAt\n    outcome\n    completedAt\n    dueAt\n    serialNumber\n    model {\n      name\n    }\n    technician {\n      name\n    }\n    visits {\n      id\n      startsAt\n      endsAt\n    }\n    statusHistory {\n      status\n      at\n    }\n  }\n": types.PortalRepairFieldsFragmentDoc,
    "\n  query PortalRepair($id: ID!) {\n    repairOrder(id: $id) {\n      ...PortalRepairFields\n    }\n  }\n": types.PortalRepairDocument,
    "\n  mutation PortalRespondToEstimate($id: ID!, $accept: Boolean!) {\n    respondToRepairEstimate(repairOrderId: $id, accept: $accept) {\n      ...PortalRepairFields\n    }\n  }\n": types.PortalRespondToEstimateDocument,
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
export function graphql(source: "\n  query PortalMyPurchases {\n    myPurchases(take: 20) {\n      totalCount\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          sku\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyPurchases {\n    myPurchases(take: 20) {\n      totalCount\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          sku\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalComplaintProcedure {\n    complaintProcedure {\n      companyName\n      responsible\n      free\n      dataProtectionContact\n      retentionMonths\n      channels {\n        kind\n        value\n      }\n      targets {\n        kinds\n        severities\n        firstResponseMinutes\n        resolutionMinutes\n        isDefault\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalComplaintProcedure {\n    complaintProcedure {\n      companyName\n      responsible\n      free\n      dataProtectionContact\n      retentionMonths\n      channels {\n        kind\n        value\n      }\n      targets {\n        kinds\n        severities\n        firstResponseMinutes\n        resolutionMinutes\n        isDefault\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestCode($email: String!) {\n    requestCustomerCode(email: $email)\n  }\n"): (typeof documents)["\n  mutation PortalRequestCode($email: String!) {\n    requestCustomerCode(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalVerifyCode($email: String!, $code: String!) {\n    verifyCustomerCode(email: $email, code: $code) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalVerifyCode($email: String!, $code: String!) {\n    verifyCustomerCode(email: $email, code: $code) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalVerifyLink($token: String!) {\n    verifyCustomerLink(token: $token) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalVerifyLink($token: String!) {\n    verifyCustomerLink(token: $token) {\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalConsents($id: ID!) {\n    customer(id: $id) {\n      id\n      marketingConsent {\n        granted\n        at\n      }\n      surveyConsent {\n        granted\n        at\n      }\n    }\n    myConsentHistory {\n      id\n      kind\n      granted\n      source\n      at\n    }\n  }\n"): (typeof documents)["\n  query PortalConsents($id: ID!) {\n    customer(id: $id) {\n      id\n      marketingConsent {\n        granted\n        at\n      }\n      surveyConsent {\n        granted\n        at\n      }\n    }\n    myConsentHistory {\n      id\n      kind\n      granted\n      source\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSetConsent($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!) {\n    setCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSetConsent($customerId: ID!, $kind: ConsentKind!, $granted: Boolean!) {\n    setCustomerConsent(customerId: $customerId, kind: $kind, granted: $granted) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalErasure {\n    myErasureRequest {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n"): (typeof documents)["\n  query PortalErasure {\n    myErasureRequest {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDataExport {\n    myDataExport\n  }\n"): (typeof documents)["\n  query PortalDataExport {\n    myDataExport\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestErasure($input: RequestMyErasureInput!) {\n    requestMyErasure(input: $input) {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRequestErasure($input: RequestMyErasureInput!) {\n    requestMyErasure(input: $input) {\n      id\n      status\n      requestedAt\n      handledAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalProfile($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalProfile($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalUpdateProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalUpdateProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      name\n      email\n      locale\n      timeZone\n      phones {\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStart {\n    platform {\n      plugins {\n        name\n      }\n    }\n    portalConfiguration {\n      companyName\n      logoUrl\n      primaryColor\n      accentColor\n      languages\n    }\n  }\n"): (typeof documents)["\n  query PortalStart {\n    platform {\n      plugins {\n        name\n      }\n    }\n    portalConfiguration {\n      companyName\n      logoUrl\n      primaryColor\n      accentColor\n      languages\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalCustomerFields on Customer {\n    id\n    name\n    email\n    locale\n    timeZone\n  }\n"): (typeof documents)["\n  fragment PortalCustomerFields on Customer {\n    id\n    name\n    email\n    locale\n    timeZone\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMe {\n    me {\n      kind\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMe {\n    me {\n      kind\n      customer {\n        ...PortalCustomerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignOut {\n    logout\n  }\n"): (typeof documents)["\n  mutation PortalSignOut {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSearchKb($query: String!, $filter: KbSearchFilter) {\n    searchKb(query: $query, filter: $filter, take: 10) {\n      searchId\n      total\n      hits {\n        articleId\n        slug\n        locale\n        title\n        summary\n        snippet\n        forYourProducts\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalSearchKb($query: String!, $filter: KbSearchFilter) {\n    searchKb(query: $query, filter: $filter, take: 10) {\n      searchId\n      total\n      hits {\n        articleId\n        slug\n        locale\n        title\n        summary\n        snippet\n        forYourProducts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbHome($locale: String) {\n    kbHome(locale: $locale) {\n      popular {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n      forYourProducts {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbHome($locale: String) {\n    kbHome(locale: $locale) {\n      popular {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n      forYourProducts {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbArticle($slug: String!, $locale: String, $suggestionId: ID, $searchId: ID) {\n    kbArticle(slug: $slug, locale: $locale, suggestionId: $suggestionId, searchId: $searchId) {\n      articleId\n      locale\n      fallback\n      outdated\n      title\n      summary\n      html\n      updatedAt\n      related {\n        articleId\n        slug\n        locale\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbArticle($slug: String!, $locale: String, $suggestionId: ID, $searchId: ID) {\n    kbArticle(slug: $slug, locale: $locale, suggestionId: $suggestionId, searchId: $searchId) {\n      articleId\n      locale\n      fallback\n      outdated\n      title\n      summary\n      html\n      updatedAt\n      related {\n        articleId\n        slug\n        locale\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalVoteKb($input: VoteKbArticleInput!) {\n    voteKbArticle(input: $input) {\n      helpful\n      notHelpful\n    }\n  }\n"): (typeof documents)["\n  mutation PortalVoteKb($input: VoteKbArticleInput!) {\n    voteKbArticle(input: $input) {\n      helpful\n      notHelpful\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSuggestArticles($text: String!, $modelId: ID, $locale: String, $suggestionId: ID) {\n    suggestArticles(text: $text, modelId: $modelId, locale: $locale, suggestionId: $suggestionId) {\n      suggestionId\n      articles {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalSuggestArticles($text: String!, $modelId: ID, $locale: String, $suggestionId: ID) {\n    suggestArticles(text: $text, modelId: $modelId, locale: $locale, suggestionId: $suggestionId) {\n      suggestionId\n      articles {\n        articleId\n        slug\n        locale\n        title\n        summary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyKbGuides($locale: String) {\n    myKbGuides(locale: $locale) {\n      id\n      title\n      forYourProducts\n      doneCount\n      steps {\n        articleId\n        slug\n        locale\n        title\n        done\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyKbGuides($locale: String) {\n    myKbGuides(locale: $locale) {\n      id\n      title\n      forYourProducts\n      doneCount\n      steps {\n        articleId\n        slug\n        locale\n        title\n        done\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalMarkGuideStepDone($guideId: ID!, $articleId: ID!) {\n    markGuideStepDone(guideId: $guideId, articleId: $articleId) {\n      id\n      doneCount\n    }\n  }\n"): (typeof documents)["\n  mutation PortalMarkGuideStepDone($guideId: ID!, $articleId: ID!) {\n    markGuideStepDone(guideId: $guideId, articleId: $articleId) {\n      id\n      doneCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalLoyaltyBalance {\n    myLoyalty {\n      balance\n      pending\n      tier {\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalLoyaltyBalance {\n    myLoyalty {\n      balance\n      pending\n      tier {\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalLoyalty {\n    myLoyalty {\n      enrolled\n      balance\n      pending\n      expiringPoints\n      nextExpiryAt\n      earnedInWindow\n      tier {\n        code\n        name\n        benefits\n      }\n      nextTier {\n        name\n        thresholdPoints\n      }\n      history {\n        id\n        kind\n        points\n        reason\n        availableAt\n        createdAt\n      }\n      sweepstakes {\n        entryId\n        sweepstakeName\n        prize\n        status\n        seedHash\n        listHash\n        seed\n        won\n      }\n    }\n    myRewards {\n      rewards {\n        id\n        name\n        description\n        kind\n        costPoints\n        available\n        affordable\n      }\n      redemptions {\n        id\n        rewardName\n        costPoints\n        couponCode\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalLoyalty {\n    myLoyalty {\n      enrolled\n      balance\n      pending\n      expiringPoints\n      nextExpiryAt\n      earnedInWindow\n      tier {\n        code\n        name\n        benefits\n      }\n      nextTier {\n        name\n        thresholdPoints\n      }\n      history {\n        id\n        kind\n        points\n        reason\n        availableAt\n        createdAt\n      }\n      sweepstakes {\n        entryId\n        sweepstakeName\n        prize\n        status\n        seedHash\n        listHash\n        seed\n        won\n      }\n    }\n    myRewards {\n      rewards {\n        id\n        name\n        description\n        kind\n        costPoints\n        available\n        affordable\n      }\n      redemptions {\n        id\n        rewardName\n        costPoints\n        couponCode\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRedeemReward($input: RedeemMyLoyaltyRewardInput!) {\n    redeemMyReward(input: $input) {\n      id\n      rewardName\n      couponCode\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRedeemReward($input: RedeemMyLoyaltyRewardInput!) {\n    redeemMyReward(input: $input) {\n      id\n      rewardName\n      couponCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyReturn($id: ID!) {\n    myReturn(id: $id) {\n      id\n      reference\n      status\n      withdrawal\n      withdrawalAcknowledgement\n      sendBackBy\n      refundDueAt\n      refundedMinor\n      currency\n      keepItem\n      lines {\n        id\n        legalBasis\n        basisExplanation\n        requestedResolution\n        reasonCode\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyReturn($id: ID!) {\n    myReturn(id: $id) {\n      id\n      reference\n      status\n      withdrawal\n      withdrawalAcknowledgement\n      sendBackBy\n      refundDueAt\n      refundedMinor\n      currency\n      keepItem\n      lines {\n        id\n        legalBasis\n        basisExplanation\n        requestedResolution\n        reasonCode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyReturnSlip($id: ID!) {\n    myReturnSlip(id: $id) {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query PortalMyReturnSlip($id: ID!) {\n    myReturnSlip(id: $id) {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCancelMyReturn($id: ID!) {\n    cancelMyReturn(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCancelMyReturn($id: ID!) {\n    cancelMyReturn(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyReturns {\n    myReturns(take: 50) {\n      items {\n        id\n        reference\n        status\n        withdrawal\n        createdAt\n      }\n    }\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        serialNumber\n        priceMinor\n        currency\n        model {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyReturns {\n    myReturns(take: 50) {\n      items {\n        id\n        reference\n        status\n        withdrawal\n        createdAt\n      }\n    }\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        serialNumber\n        priceMinor\n        currency\n        model {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalReturnEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      eligible\n      legalBasis\n      explanation\n      deadlineAt\n      withdrawalPossible\n      withdrawalDeadlineAt\n      refundMethods\n      keepItem\n    }\n    myReturnReasons {\n      id\n      code\n      label\n      parentId\n    }\n  }\n"): (typeof documents)["\n  query PortalReturnEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      eligible\n      legalBasis\n      explanation\n      deadlineAt\n      withdrawalPossible\n      withdrawalDeadlineAt\n      refundMethods\n      keepItem\n    }\n    myReturnReasons {\n      id\n      code\n      label\n      parentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRequestMyReturn($input: RequestMyReturnInput!) {\n    requestMyReturn(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRequestMyReturn($input: RequestMyReturnInput!) {\n    requestMyReturn(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWithdrawablePurchases {\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        orderReference\n        model {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWithdrawablePurchases {\n    myPurchases(take: 50) {\n      items {\n        id\n        purchasedAt\n        orderReference\n        model {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWithdrawalEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      purchaseId\n      withdrawalPossible\n      withdrawalDeadlineAt\n    }\n  }\n"): (typeof documents)["\n  query PortalWithdrawalEligibility($purchaseId: ID!) {\n    myReturnEligibility(purchaseId: $purchaseId) {\n      purchaseId\n      withdrawalPossible\n      withdrawalDeadlineAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalWithdrawFromContract($input: WithdrawFromContractInput!) {\n    withdrawFromContract(input: $input) {\n      id\n      reference\n      withdrawalAcknowledgement\n    }\n  }\n"): (typeof documents)["\n  mutation PortalWithdrawFromContract($input: WithdrawFromContractInput!) {\n    withdrawFromContract(input: $input) {\n      id\n      reference\n      withdrawalAcknowledgement\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalOpenRequests {\n    myCases(take: 50) {\n      items {\n        id\n        reference\n        subject\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalOpenRequests {\n    myCases(take: 50) {\n      items {\n        id\n        reference\n        subject\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRequestPurchases {\n    myPurchases(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalRequestPurchases {\n    myPurchases(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        model {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSubmitCase($input: SubmitCaseInput!) {\n    submitCase(input: $input) {\n      id\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalAttachToCase($input: AddMyCaseAttachmentInput!) {\n    addMyCaseAttachment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalAttachToCase($input: AddMyCaseAttachmentInput!) {\n    addMyCaseAttachment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalRequestFields on MyCase {\n    id\n    reference\n    kind\n    status\n    subject\n    description\n    createdAt\n    resolvedAt\n    reopenableUntil\n    statusHistory {\n      status\n      at\n    }\n    messages {\n      id\n      fromSupport\n      authorName\n      body\n      createdAt\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      sizeBytes\n    }\n    compensations {\n      id\n      type\n      valueMinor\n      currency\n      description\n      status\n      decisionReason\n      decidedAt\n    }\n  }\n"): (typeof documents)["\n  fragment PortalRequestFields on MyCase {\n    id\n    reference\n    kind\n    status\n    subject\n    description\n    createdAt\n    resolvedAt\n    reopenableUntil\n    statusHistory {\n      status\n      at\n    }\n    messages {\n      id\n      fromSupport\n      authorName\n      body\n      createdAt\n    }\n    attachments {\n      id\n      fileName\n      contentType\n      sizeBytes\n    }\n    compensations {\n      id\n      type\n      valueMinor\n      currency\n      description\n      status\n      decisionReason\n      decidedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRequest($id: ID!) {\n    myCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"): (typeof documents)["\n  query PortalRequest($id: ID!) {\n    myCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalReply($input: ReplyToMyCaseInput!) {\n    replyToMyCase(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalReply($input: ReplyToMyCaseInput!) {\n    replyToMyCase(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCloseCase($id: ID!) {\n    closeMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCloseCase($id: ID!) {\n    closeMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalReopenCase($id: ID!) {\n    reopenMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalReopenCase($id: ID!) {\n    reopenMyCase(id: $id) {\n      ...PortalRequestFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAttachmentContent($id: ID!) {\n    myCaseAttachmentContent(id: $id) {\n      contentBase64\n      attachment {\n        contentType\n        fileName\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalAttachmentContent($id: ID!) {\n    myCaseAttachmentContent(id: $id) {\n      contentBase64\n      attachment {\n        contentType\n        fileName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyRequests {\n    myCases(take: 100) {\n      totalCount\n      items {\n        id\n        reference\n        kind\n        subject\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyRequests {\n    myCases(take: 100) {\n      totalCount\n      items {\n        id\n        reference\n        kind\n        subject\n        status\n        createdAt\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSurveyInvitation($token: String!, $locale: String) {\n    surveyInvitation(token: $token, locale: $locale) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalSurveyInvitation($token: String!, $locale: String) {\n    surveyInvitation(token: $token, locale: $locale) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalAnswerSurvey($token: String!, $input: AnswerSurveyInput!) {\n    answerSurvey(token: $token, input: $input) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalAnswerSurvey($token: String!, $input: AnswerSurveyInput!) {\n    answerSurvey(token: $token, input: $input) {\n      state\n      locale\n      locales\n      kind\n      scaleMin\n      scaleMax\n      question\n      thankYou\n      score\n      followUps {\n        key\n        type\n        label\n        minScore\n        maxScore\n        ratingMax\n        options {\n          key\n          label\n        }\n      }\n      answers {\n        key\n        text\n        choices\n        rating\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMySurveys {\n    mySurveys {\n      id\n      kind\n      question\n      sentAt\n      expiresAt\n      answered\n      score\n      token\n    }\n  }\n"): (typeof documents)["\n  query PortalMySurveys {\n    mySurveys {\n      id\n      kind\n      question\n      sentAt\n      expiresAt\n      answered\n      score\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWarrantyOpen {\n    myWarrantyClaims(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n    myRepairOrders(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWarrantyOpen {\n    myWarrantyClaims(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n    myRepairOrders(take: 50) {\n      items {\n        id\n        reference\n        status\n        model {\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWarrantyProducts {\n    myWarranties(take: 20) {\n      items {\n        id\n        serialNumber\n        model {\n          name\n        }\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWarrantyProducts {\n    myWarranties(take: 20) {\n      items {\n        id\n        serialNumber\n        model {\n          name\n        }\n        coverage {\n          covered\n          lastCoveredDay\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWarrantyClaim($id: ID!) {\n    warrantyClaim(id: $id) {\n      id\n      reference\n      status\n      description\n      createdAt\n      decidedAt\n      decisionNote\n      rejectionReason\n      infoRequest\n      registrationId\n      model {\n        name\n      }\n      statusHistory {\n        status\n        at\n      }\n      repairOrders {\n        id\n        reference\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWarrantyClaim($id: ID!) {\n    warrantyClaim(id: $id) {\n      id\n      reference\n      status\n      description\n      createdAt\n      decidedAt\n      decisionNote\n      rejectionReason\n      infoRequest\n      registrationId\n      model {\n        name\n      }\n      statusHistory {\n        status\n        at\n      }\n      repairOrders {\n        id\n        reference\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWarrantyProduct($id: ID!) {\n    warrantyRegistration(id: $id) {\n      id\n      serialNumber\n      purchasedAt\n      seller\n      proofOfPurchaseRef\n      policyName\n      lastDay\n      model {\n        name\n        sku\n      }\n      coverage {\n        covered\n        lastCoveredDay\n        explanation\n      }\n      proofDocuments {\n        id\n        fileName\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWarrantyProduct($id: ID!) {\n    warrantyRegistration(id: $id) {\n      id\n      serialNumber\n      purchasedAt\n      seller\n      proofOfPurchaseRef\n      policyName\n      lastDay\n      model {\n        name\n        sku\n      }\n      coverage {\n        covered\n        lastCoveredDay\n        explanation\n      }\n      proofDocuments {\n        id\n        fileName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalServiceHistory($serial: String!) {\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        description\n      }\n      repairOrders {\n        id\n        reference\n        status\n        createdAt\n        outcome\n        completedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalServiceHistory($serial: String!) {\n    serviceHistory(serialNumber: $serial) {\n      replacedBy\n      claims {\n        id\n        reference\n        status\n        createdAt\n        description\n      }\n      repairOrders {\n        id\n        reference\n        status\n        createdAt\n        outcome\n        completedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalFileWarrantyClaim($input: SubmitMyWarrantyClaimInput!) {\n    submitMyWarrantyClaim(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalFileWarrantyClaim($input: SubmitMyWarrantyClaimInput!) {\n    submitMyWarrantyClaim(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalWarrantyList {\n    myWarranties(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        lastDay\n        source\n        model {\n          name\n          sku\n        }\n        coverage {\n          covered\n          lastCoveredDay\n          explanation\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalWarrantyList {\n    myWarranties(take: 100) {\n      items {\n        id\n        serialNumber\n        purchasedAt\n        lastDay\n        source\n        model {\n          name\n          sku\n        }\n        coverage {\n          covered\n          lastCoveredDay\n          explanation\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRegistrableModels {\n    registrableModels {\n      id\n      sku\n      name\n    }\n  }\n"): (typeof documents)["\n  query PortalRegistrableModels {\n    registrableModels {\n      id\n      sku\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRegisterProduct($input: RegisterMyProductInput!) {\n    registerMyProduct(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRegisterProduct($input: RegisterMyProductInput!) {\n    registerMyProduct(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalRepairFields on RepairOrder {\n    id\n    reference\n    status\n    paid\n    diagnosis\n    estimateMinor\n    currency\n    estimateNote\n    estimateAnsweredAt\n    outcome\n    completedAt\n    dueAt\n    serialNumber\n    model {\n      name\n    }\n    technician {\n      name\n    }\n    visits {\n      id\n      startsAt\n      endsAt\n    }\n    statusHistory {\n      status\n      at\n    }\n  }\n"): (typeof documents)["\n  fragment PortalRepairFields on RepairOrder {\n    id\n    reference\n    status\n    paid\n    diagnosis\n    estimateMinor\n    currency\n    estimateNote\n    estimateAnsweredAt\n    outcome\n    completedAt\n    dueAt\n    serialNumber\n    model {\n      name\n    }\n    technician {\n      name\n    }\n    visits {\n      id\n      startsAt\n      endsAt\n    }\n    statusHistory {\n      status\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRepair($id: ID!) {\n    repairOrder(id: $id) {\n      ...PortalRepairFields\n    }\n  }\n"): (typeof documents)["\n  query PortalRepair($id: ID!) {\n    repairOrder(id: $id) {\n      ...PortalRepairFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRespondToEstimate($id: ID!, $accept: Boolean!) {\n    respondToRepairEstimate(repairOrderId: $id, accept: $accept) {\n      ...PortalRepairFields\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRespondToEstimate($id: ID!, $accept: Boolean!) {\n    respondToRepairEstimate(repairOrderId: $id, accept: $accept) {\n      ...PortalRepairFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
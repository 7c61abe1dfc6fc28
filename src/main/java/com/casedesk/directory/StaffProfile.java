package com.casedesk.directory;

/**
 * The business profile of a staff member; login, groups and tenants are Camunda identity.
 * {@code companyCode} and {@code contractorCode} both null: the group customer-relations centre.
 */
public record StaffProfile(
    String userId, String displayName, String companyCode, String contractorCode, String title, String phone) {}

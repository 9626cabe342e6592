/**
 * Identity and access: users, roles, the manager hierarchy (org levels, who is above
 * whom), sign-in with throttling, personal access tokens, and
 * {@link dev.bellwether.identity.RecordVisibility}, the one place that decides who may
 * read or change a business record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access")
package dev.bellwether.identity;

/**
 * Audit: the field-level change history of every business record (accounts, contacts,
 * opportunities, users, …), built from the {@link dev.bellwether.platform.RecordChanged}
 * events the owning modules publish — nobody calls into audit to record anything. Read
 * through {@link dev.bellwether.audit.FieldHistory}, on record pages (the History card,
 * {@code /history/{recordType}/{id}}), in the API ({@code /api/v1/accounts/{id}/history},
 * {@code /api/v1/contacts/{id}/history},
 * {@code /api/v1/opportunities/{id}/field-history}) and as entries of the record
 * timeline. Audit does not know the modules whose records it keeps history of: its pages
 * and API check visibility through {@link dev.bellwether.identity.RecordReadChecks}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dev.bellwether.audit;

/**
 * Service: customer cases — subject, description, account, contact, product, priority,
 * status, channel, owner and queue — with public replies and internal notes
 * ({@link dev.bellwether.service.CaseComment}), attachments, every status entered (table
 * {@code case_status_changes}, from which SLA pauses are computed) and queues (tables
 * {@code case_queues}, {@code case_queue_members}). {@link dev.bellwether.service.Cases}
 * is the entry point; it publishes {@link dev.bellwether.service.CaseOpened},
 * {@link dev.bellwether.service.CaseStatusChanged},
 * {@link dev.bellwether.service.CaseCommented} and
 * {@link dev.bellwether.service.CasePriorityChanged}, and a
 * {@link dev.bellwether.platform.RecordChanged} for the field history.
 * <p>
 * Visibility: service users, executives and administrators see every case; a case's owner
 * and the owner's managers see and change it; the sales owner of the case's account reads
 * it (never changes it); everyone else is told it does not exist.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service")
package dev.bellwether.service;
